package robodog.app.link;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.HdrHistogram.Histogram;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import robodog.app.ConfigOption;
import robodog.app.mission.MissionWiring;
import robodog.app.robot.LinkOptions;
import robodog.app.robot.OperatorSide;
import robodog.app.robot.Robot;
import robodog.app.robot.RobotSetup;
import robodog.autonomy.store.RunDatabase;
import robodog.core.Mode;
import robodog.core.SystemClock;
import robodog.locomotion.LocomotionConfig;

/**
 * {@code ./robodog bench chaos}: E-stop press → ESTOP in telemetry, p50 / p99 / max, while the run
 * database is locked, full or damaged and while the external broker restarts, against a quiet
 * baseline. Each case assembles the one robot ({@link Robot}: controller, 500 Hz loop, operator
 * link, broker, missions with their database, telemetry) on ideal servos, so an E-stop does not end
 * the run the way the simulator's fall does; an operator client walks it, presses, waits for ESTOP
 * in telemetry, releases and walks again. The bench thread only.
 */
@Command(
    name = "chaos",
    mixinStandardHelpOptions = true,
    description =
        "E-stop press -> ESTOP in telemetry latency (p50/p99/max) per chaos case: quiet, locked"
            + " run database, full run database, damaged run database, external broker restarted"
            + " before every press, 32 threads sending CONNECTs with wrong passwords, 20 slow"
            + " clients on the tablet page server. Needs /usr/sbin/mosquitto for the broker case.")
public final class ChaosBenchCommand implements Callable<Integer> {
  /** The chaos cases, in the order they run. */
  public static final List<String> CASES =
      List.of(
          "quiet",
          "locked-db",
          "full-db",
          "corrupt-db",
          "broker-restart",
          "connect-flood",
          "slow-http");

  @Spec CommandSpec spec;

  @Option(
      names = "--presses",
      defaultValue = "50",
      description = "E-stop presses per case (default ${DEFAULT-VALUE})")
  int presses;

  @Option(
      names = "--cases",
      split = ",",
      description =
          "which cases, comma-separated (default: all of "
              + "quiet,locked-db,full-db,"
              + "corrupt-db,broker-restart,connect-flood,slow-http)")
  List<String> cases;

  @Mixin ConfigOption config = new ConfigOption();

  /** Holds the link options picocli fills with their defaults. */
  @Command(name = "link")
  static final class Link {
    @Mixin LinkOptions link = new LinkOptions();
  }

  @Override
  public Integer call() throws Exception {
    if (presses < 1 || presses > 10_000) {
      throw new IllegalArgumentException("--presses must be in [1, 10000], got " + presses);
    }
    List<String> run = cases == null ? CASES : cases;
    for (String c : run) {
      if (!CASES.contains(c)) {
        throw new IllegalArgumentException("--cases: unknown case '" + c + "': expected " + CASES);
      }
    }
    PrintWriter out = spec.commandLine().getOut();
    LocomotionConfig cfg = config.load();
    out.printf(
        Locale.ROOT,
        "E-stop press -> ESTOP in telemetry, %d presses per case, robot on ideal servos%n",
        presses);
    out.printf(
        Locale.ROOT,
        "%-16s %8s %6s %9s %9s %9s%n",
        "case",
        "presses",
        "lost",
        "p50 ms",
        "p99 ms",
        "max ms");
    out.flush();
    for (String c : run) {
      runCase(c, cfg, out);
    }
    return 0;
  }

  private void runCase(String name, LocomotionConfig cfg, PrintWriter out) throws Exception {
    Path dir = Files.createTempDirectory("robodog-chaos-");
    Path db = dir.resolve("runs.db");
    BenchMosquitto broker = name.equals("broker-restart") ? new BenchMosquitto(dir) : null;
    List<String> args = new ArrayList<>(List.of("--robot-id", "dog1", "--http-port", "0"));
    int port;
    try (java.net.ServerSocket free = new java.net.ServerSocket(0)) {
      port = free.getLocalPort();
    }
    args.addAll(List.of("--db", db.toString(), "--ws-port", "0"));
    args.addAll(List.of("--mqtt-port", Integer.toString(port)));
    if (broker != null) {
      args.addAll(List.of("--broker", broker.uri(), "--mqtt-keepalive", "1"));
      BenchOperator.PER_USER_PATH.add(broker.uri()); // the robot reads op/<user>/cmd/ there
    }
    if (name.equals("corrupt-db")) {
      Files.writeString(db, "SQLite format 3\u0000 then nothing a database holds\n".repeat(300));
    } else {
      RunDatabase.open(db).close();
    }
    if (name.equals("full-db")) {
      System.setProperty(MissionWiring.MAX_KIB_PROPERTY, "1024");
    }
    Link l = new Link();
    new CommandLine(l).parseArgs(args.toArray(new String[0]));
    l.link.ros2().check(true);
    OperatorSide.Setup side =
        l.link.setup(
            db,
            Path.of(System.getProperty("robodog.home", ".")).resolve("routes"),
            dir.resolve("reports"));
    RobotSetup setup =
        new RobotSetup(
            cfg.settings().loopRateHz(),
            Mode.STANDING,
            null,
            robodog.core.Payload.none(),
            false,
            robodog.core.rt.RealtimeRequest.none(),
            side);
    java.io.StringWriter robotOut = new java.io.StringWriter();
    long[] samples = new long[presses];
    int n = 0;
    int lost = 0;
    try (Robot robot =
            Robot.assemble(
                cfg, new IdealBody(cfg), new SystemClock(), setup, new PrintWriter(robotOut));
        Chaos chaos = new Chaos(name, db)) {
      robot.start(true);
      String uri = broker != null ? broker.uri() : "tcp://127.0.0.1:" + port;
      try (ChaosOperator op = new ChaosOperator(uri, "dog1");
          MissionLoad load = broker == null ? new MissionLoad(uri) : null;
          ChaosLoad attack = attack(name, port, robotOut.toString())) {
        chaos.apply();
        for (int i = 0; i < presses; i++) {
          if (broker != null) {
            broker.kill();
            broker.start();
            op.drop();
            op.connect(20_000);
          }
          if (!op.walk(15_000)) {
            lost++;
            out.printf(
                Locale.ROOT,
                "  %s press %d: the robot did not walk within 15 s (last state/error: %s)%n",
                name,
                i,
                op.lastError());
            op.release(5_000);
            continue;
          }
          long ns = op.press(5_000);
          if (ns < 0) {
            lost++;
            out.printf(
                Locale.ROOT,
                "  %s press %d: no ESTOP in telemetry within 5 s (last state/error: %s)%n",
                name,
                i,
                op.lastError());
          } else {
            samples[n++] = ns;
          }
          op.release(5_000);
        }
        if (attack != null) {
          // The attack really ran: how many connections it opened during the case.
          out.printf(Locale.ROOT, "  %s: %d attacker connections%n", name, attack.attempts());
        }
      }
    } finally {
      System.clearProperty(MissionWiring.MAX_KIB_PROPERTY);
      if (broker != null) {
        broker.kill();
      }
      deleteTree(dir);
    }
    Histogram h = Percentiles.of(java.util.Arrays.copyOf(samples, n));
    out.printf(
        Locale.ROOT,
        "%-16s %8d %6d %9.1f %9.1f %9.1f%n",
        name,
        n,
        lost,
        h.getValueAtPercentile(50) / 1e6,
        h.getValueAtPercentile(99) / 1e6,
        h.getMaxValue() / 1e6);
    out.flush();
  }

  /** The network attack of a case, or null: a CONNECT flood, or slow clients on the page server. */
  private static ChaosLoad attack(String name, int mqttPort, String robotOut) {
    if (name.equals("connect-flood")) {
      return ChaosLoad.connectFlood(mqttPort, FLOOD_THREADS);
    }
    if (name.equals("slow-http")) {
      java.util.regex.Matcher m =
          java.util.regex.Pattern.compile("Tablet page https?://[^/\\s]+:(\\d+)/")
              .matcher(robotOut);
      if (!m.find()) {
        throw new IllegalStateException("slow-http: the robot printed no tablet page: " + robotOut);
      }
      return ChaosLoad.slowHttp(Integer.parseInt(m.group(1)), SLOW_CLIENTS);
    }
    return null;
  }

  /** Attacker threads of the connect-flood case (as {@code bench link --connect-flood 32}). */
  private static final int FLOOD_THREADS = 32;

  /** Slow clients of the slow-http case, each reopening when the server drops it. */
  private static final int SLOW_CLIENTS = 20;

  private static void deleteTree(Path dir) throws java.io.IOException {
    try (var s = Files.walk(dir)) {
      for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  /** The database trouble of one case, applied from a connection of its own and undone at close. */
  private static final class Chaos implements AutoCloseable {
    private final String name;
    private final Path db;
    private Connection c;

    Chaos(String name, Path db) {
      this.name = name;
      this.db = db;
    }

    void apply() throws SQLException {
      if (!name.equals("locked-db") && !name.equals("full-db")) {
        return;
      }
      c = DriverManager.getConnection("jdbc:sqlite:" + db);
      try (Statement s = c.createStatement()) {
        s.execute("PRAGMA busy_timeout = 5000");
        if (name.equals("locked-db")) {
          // The write lock, held for the whole case (WAL readers still read).
          s.execute("BEGIN IMMEDIATE");
          s.execute("UPDATE routes SET source = source WHERE 0");
          return;
        }
        s.execute("PRAGMA synchronous = OFF");
        s.execute("PRAGMA max_page_count = 256"); // the robot's 1 MiB cap, 4 KiB pages
        s.execute("CREATE TABLE IF NOT EXISTS bench_filler(b BLOB)");
        try (PreparedStatement p = c.prepareStatement("INSERT INTO bench_filler VALUES (?)")) {
          int busy = 0;
          for (int size = 65536; size >= 16; ) {
            try {
              p.setBytes(1, new byte[size]);
              p.executeUpdate();
              busy = 0;
            } catch (SQLException e) {
              // No room for this size: smaller pieces. The robot writing meanwhile (busy): again,
              // but not for ever.
              if (e.getMessage().contains("SQLITE_FULL") || ++busy > 50) {
                size /= 2;
                busy = 0;
              }
            }
          }
        }
      }
    }

    @Override
    public void close() throws SQLException {
      if (c != null) {
        c.close();
      }
    }
  }

  /**
   * A second operator ({@code grip}) asking the missions side for the route list and a route's
   * geometry five times a second, so missions use the database throughout the case.
   */
  private static final class MissionLoad implements AutoCloseable {
    private final BenchOperator op;
    private final Thread t;

    MissionLoad(String uri) throws Exception {
      op = new BenchOperator(uri, "grip", "dog1", 1);
      t =
          new Thread(
              () -> {
                boolean list = true;
                while (!Thread.currentThread().isInterrupted()) {
                  try {
                    op.send(
                        "cmd/mission",
                        list
                            ? BenchOperator.fields().put("op", "list_routes")
                            : BenchOperator.fields()
                                .put("op", "show_route")
                                .put("route", "equipment-run"),
                        0);
                    list = !list;
                    Thread.sleep(200);
                  } catch (InterruptedException e) {
                    return;
                  } catch (Exception e) {
                    try {
                      Thread.sleep(200); // the broker is away
                      if (!op.client.isConnected()) {
                        op.reconnect();
                      }
                    } catch (Exception again) {
                      // try again next round
                    }
                  }
                }
              },
              "chaos-mission-load");
      t.setDaemon(true);
      t.start();
    }

    @Override
    public void close() throws Exception {
      t.interrupt();
      t.join(2000);
      op.vanish();
    }
  }
}
