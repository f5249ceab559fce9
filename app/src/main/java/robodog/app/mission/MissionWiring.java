package robodog.app.mission;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import robodog.autonomy.DrivePort;
import robodog.autonomy.MarkerSighting;
import robodog.autonomy.MissionService;
import robodog.autonomy.Route;
import robodog.autonomy.RouteFile;
import robodog.autonomy.store.RunDatabase;
import robodog.autonomy.store.RunReportWriter;
import robodog.core.Payload;
import robodog.core.Telemetry;
import robodog.core.perception.Landmarks;
import robodog.locomotion.LocomotionConfig;
import robodog.operatorlink.OperatorLink;
import robodog.operatorlink.mqtt.EmbeddedBroker;

/**
 * Autonomy on the live robot: the run database, the mission service driving through the operator
 * link, {@code cmd/mission} routed to it and {@code state/mission} (retained), {@code state/route}
 * (answers to show_route) and {@code state/error} published. {@link #step} is the robot's 20 Hz
 * missions job, on a thread of its own so a slow database never delays the link's timers; {@code
 * cmd/mission} messages are handled on a thread of their own ({@code mission-commands}) for the
 * same reason: the broker's delivery thread never waits for the database. Reports go to {@code
 * reportDir}.
 *
 * <p>One bad file costs only its feature: a run database that cannot be opened (damaged, newer
 * schema, unreadable) turns missions off, untouched, while teleop, telemetry and the tablet carry
 * on; a bad route file leaves out that route only. {@link #problems} says what and why.
 */
public final class MissionWiring implements AutoCloseable {
  /**
   * The system property capping the run database's size, KiB ({@code -Drobodog.db.max-kib=N};
   * unset: no cap). Past it writes fail as on a full disk.
   */
  public static final String MAX_KIB_PROPERTY = "robodog.db.max-kib";

  /** The rate the robot steps autonomy at, Hz. */
  public static final double RATE_HZ = 20;

  private static final com.fasterxml.jackson.databind.ObjectMapper JSON =
      new com.fasterxml.jackson.databind.ObjectMapper();

  private final RunDatabase db;
  private final MissionService svc;
  private final OperatorLink link;
  private final BiConsumer<String, String> publish;
  private final String offReason;
  private final List<String> problems = new ArrayList<>();
  private final ThreadPoolExecutor commands =
      new ThreadPoolExecutor(
          1,
          1,
          0,
          TimeUnit.SECONDS,
          new ArrayBlockingQueue<>(256),
          r -> {
            Thread t = new Thread(r, "mission-commands");
            t.setDaemon(true);
            return t;
          });

  /**
   * @param publish (topic under robodog/&lt;id&gt;/, payload) → the broker; any thread
   * @param clock the robot's clock, ns (the one the operator link's messages are stamped with)
   */
  public MissionWiring(
      LocomotionConfig cfg,
      OperatorLink link,
      Path dbFile,
      Path routesDir,
      Path reportDir,
      BiConsumer<String, String> publish,
      java.util.function.LongSupplier clock)
      throws IOException {
    this.link = link;
    this.publish = publish;
    RunDatabase opened = null;
    String off = null;
    try {
      opened = RunDatabase.open(dbFile, Long.getLong(MAX_KIB_PROPERTY, 0L) * 1024);
    } catch (IllegalStateException e) {
      off =
          "missions are off: "
              + e.getMessage()
              + "; the file was left as it is (teleop, telemetry and the tablet work)";
      problems.add(off);
    }
    db = opened;
    offReason = off;
    if (db == null) {
      svc = null;
      return;
    }
    for (Route r : RouteFile.loadEach(routesDir, problems::add)) {
      Path from = routesDir.resolve(r.name() + ".yaml");
      try {
        db.saveRoute(r, "shipped " + from, true);
      } catch (IllegalStateException e) {
        // Locked or full: the copy stored before (if any) is used, the rest still runs.
        problems.add("route file " + from + " not stored: " + e.getMessage());
      }
    }
    svc =
        new MissionService(
            db,
            new LinkDrivePort(link, clock),
            g -> cfg.gaitTable().indexOf(g),
            e -> publish.accept("state/error", errorJson(e)),
            s -> publish.accept("state/mission", s),
            id -> {
              try {
                RunReportWriter.write(db, id, reportDir);
              } catch (IOException | RuntimeException e) {
                publish.accept(
                    "state/error", errorJson("run " + id + ": report not written: " + e));
              }
            });
    svc.routeMaps(s -> publish.accept("state/route", s));
  }

  /**
   * What start-up left out, one sentence each naming the file and what was expected (missions off,
   * a route not loaded); empty when all is well. Start-up thread.
   */
  public List<String> problems() {
    return List.copyOf(problems);
  }

  /** Whether missions run (false: the run database could not be opened). */
  public boolean enabled() {
    return svc != null;
  }

  /**
   * Publishes the start-up problems on {@code state/error} and, with missions off, a retained
   * {@code state/mission} {@code {"state":"unavailable","error":...,"routes":[]}} so a tablet
   * connecting later sees why. Call once the broker is open.
   */
  public void announce() {
    for (String p : problems) {
      publish.accept("state/error", errorJson(p));
    }
    if (svc == null) {
      publish.accept("state/mission", unavailableJson());
    }
  }

  /** Routes {@code cmd/mission} to autonomy and everything else to the operator link. */
  public EmbeddedBroker.CommandSink router() {
    return (client, topic, payload, now) -> {
      if (DrivePort.AUTONOMY.equals(client)) {
        return; // nobody may pose as autonomy over MQTT
      }
      if (topic.equals("cmd/mission")) {
        mission(client, payload, now);
        return;
      }
      link.onMessage(client, topic, payload, now);
      if (topic.equals("cmd/estop") && svc != null) {
        Boolean engage = engage(payload);
        // Engage from anyone; a release counts only if the link accepted it (lease holder).
        if (engage != null && (engage || client.equals(link.leaseHolder()))) {
          svc.estopRequested(engage);
        }
      }
    };
  }

  private void mission(String client, byte[] payload, long now) {
    if (svc == null) {
      publish.accept("state/error", errorJson("cmd/mission: refused: " + offReason));
      return;
    }
    try {
      commands.execute(() -> svc.onMessage(client, payload, now));
    } catch (java.util.concurrent.RejectedExecutionException e) {
      publish.accept(
          "state/error",
          errorJson("cmd/mission: refused: 256 mission commands are waiting for the run database"));
    }
  }

  /** The mission service, or null when missions are off. */
  public MissionService service() {
    return svc;
  }

  /** Where dispatches without a payload of their own take it from (see MissionService). */
  public void declaredPayload(java.util.function.Supplier<Payload> source) {
    if (svc != null) {
      svc.declaredPayload(source);
    }
  }

  /**
   * One step of autonomy with the controller's latest telemetry (null: none yet, nothing done) and
   * perception's latest markers (null when no perception runs); markers older than 0.5 s are
   * ignored. The missions job's thread only.
   */
  public void step(long nowNanos, Telemetry t, Landmarks markers) {
    if (t == null || svc == null) {
      return;
    }
    List<MarkerSighting> seen =
        markers != null && nowNanos - markers.stampNanos < 500_000_000L
            ? MarkerSighting.from(markers)
            : List.of();
    svc.observe(t);
    svc.step(nowNanos, t.mode, t.odomX, t.odomY, t.odomYaw, seen);
  }

  private static Boolean engage(byte[] payload) {
    try {
      var n = JSON.readTree(payload);
      var v = n == null ? null : n.get("engage");
      return v != null && v.isBoolean() ? v.asBoolean() : null;
    } catch (IOException e) {
      return null; // the link has already refused it
    }
  }

  private String unavailableJson() {
    var n = JSON.createObjectNode();
    n.put("state", "unavailable");
    n.put("error", offReason);
    n.putArray("routes");
    return n.toString();
  }

  private static String errorJson(String e) {
    return new String(robodog.operatorlink.mqtt.TelemetryJson.error(e), StandardCharsets.UTF_8);
  }

  /**
   * Takes no more {@code cmd/mission} and waits (up to 6 s) for those already taken, so their
   * answers go out while the broker is still open. Idempotent; start-up/shutdown thread.
   */
  public void finishCommands() {
    commands.shutdown();
    try {
      commands.awaitTermination(6, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    finishCommands();
    if (db != null) {
      db.close();
    }
  }
}
