package robodog.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import robodog.app.link.ChaosLoad;
import robodog.app.mission.MissionWiring;
import robodog.autonomy.RouteFile;
import robodog.autonomy.store.RunDatabase;
import robodog.operatorlink.testing.Mosquitto;

/**
 * Chaos on the robot's real assembly ({@code run --hardware hil} in process, its broker, a
 * recording tablet): the run database locked, full or damaged, the external broker restarted, a
 * CONNECT flood with wrong passwords, slow clients on the tablet page server. In each the robot
 * keeps publishing telemetry and an E-stop pressed on the tablet reaches ESTOP in telemetry; every
 * state message stays strict JSON (LiveRobot checks them all).
 */
class ChaosTest {
  @TempDir Path dir;

  private static boolean estop(String telemetry) {
    return telemetry.contains("\"estop\":true");
  }

  private Path dbWithRoute() {
    Path db = dir.resolve("runs.db");
    try (RunDatabase d = RunDatabase.open(db)) {
      d.saveRoute(RouteFile.load(Path.of("../routes/equipment-run.yaml")), "shipped", false);
    }
    return db;
  }

  /** Dispatches the shipped route from {@code tablet} and waits for it to run. */
  private static void dispatch(LiveRobot robot, MqttClient tablet) throws Exception {
    robot.send(tablet, "cmd/lease", "{\"seq\":SEQ,\"action\":\"acquire\"}");
    robot.send(
        tablet, "cmd/mission", "{\"seq\":SEQ,\"op\":\"dispatch\",\"route\":\"equipment-run\"}");
    robot.await(robot.missions, m -> m.contains("\"state\":\"running\""), "the run going");
  }

  /**
   * Telemetry keeps coming (ten more messages) while the chaos lasts, then an E-stop pressed as
   * {@code who} shows as ESTOP in telemetry.
   */
  private static void flowsThenStops(LiveRobot robot, MqttClient who) throws Exception {
    int before = robot.telemetry.size();
    robot.await(robot.telemetry, t -> robot.telemetry.size() >= before + 10, "telemetry flowing");
    robot.send(who, "cmd/estop", "{\"engage\":true}");
    robot.await(robot.telemetry, ChaosTest::estop, "ESTOP in telemetry");
  }

  @Test
  void aLockedDatabase() throws Exception {
    Path db = dbWithRoute();
    LiveRobot robot = LiveRobot.start("hil", 25, dir);
    MqttClient tablet = robot.client("tablet", true);
    MqttClient director = robot.client("director", false);
    dispatch(robot, tablet);
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
        Statement s = c.createStatement()) {
      s.execute("BEGIN IMMEDIATE");
      s.execute("UPDATE runs SET outcome = outcome WHERE 0");
      flowsThenStops(robot, director);
      s.execute("ROLLBACK");
    }
    finish(robot, tablet, director);
  }

  /**
   * The run database fills up under a running run: the robot says so on state/error naming the
   * file, holds the run in paused (it cannot journal it), and keeps publishing and obeying the
   * E-stop. The tablet keeps the run's cmd/mission heartbeat going as the page does, so the hold is
   * the database's doing, not the comms-loss policy's.
   */
  @Test
  void aFullDatabase() throws Exception {
    Path db = dbWithRoute();
    long capKib = 1024;
    System.setProperty(MissionWiring.MAX_KIB_PROPERTY, Long.toString(capKib));
    LiveRobot robot;
    try {
      robot = LiveRobot.start("hil", 25, dir);
      MqttClient tablet = robot.client("tablet", true);
      MqttClient director = robot.client("director", false);
      dispatch(robot, tablet);
      long runId =
          new com.fasterxml.jackson.databind.ObjectMapper()
              .readTree(robot.missions.get(robot.missions.size() - 1))
              .get("run")
              .get("id")
              .asLong();
      Thread heartbeat = missionHeartbeat(robot, tablet);
      try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
          Statement s = c.createStatement()) {
        s.execute("PRAGMA busy_timeout = 5000");
        s.execute("PRAGMA synchronous = OFF"); // filling fast; this data is thrown away
        s.execute("PRAGMA max_page_count = " + capKib / 4);
        fill(s, runId);
        robot.await(
            robot.errors,
            e -> e.contains("run database " + db) && e.contains("full"),
            "the run database full on state/error");
        robot.await(robot.missions, m -> m.contains("\"state\":\"paused\""), "the run holding");
        flowsThenStops(robot, director);
        heartbeat.interrupt();
        heartbeat.join(2000);
        s.execute("DROP TABLE chaos_filler");
        s.execute("DELETE FROM run_samples WHERE t_s = -1");
      }
      finish(robot, tablet, director);
    } finally {
      System.clearProperty(MissionWiring.MAX_KIB_PROPERTY);
    }
  }

  /**
   * Another writer takes the rest of the capped file: blobs into a table of its own, halved at each
   * SQLITE_FULL down to 256 bytes, then rows into the table the run writes its path to until its
   * last page is full too, so the robot's next sample has nowhere to go. Few, large transactions
   * first: a long stream of small ones is refused with SQLITE_BUSY_SNAPSHOT for as long as the
   * robot journals its run (its commits keep invalidating the filler's snapshot).
   */
  private static void fill(Statement s, long runId) throws Exception {
    s.execute("CREATE TABLE IF NOT EXISTS chaos_filler (b BLOB)");
    int size = 64 * 1024;
    long deadline = System.nanoTime() + 120_000_000_000L;
    String last = "no error";
    boolean blobsDone = false;
    while (System.nanoTime() < deadline) {
      try {
        s.execute(
            blobsDone
                ? "INSERT INTO run_samples VALUES (" + runId + ", -1, 0, 0, 0)"
                : "INSERT INTO chaos_filler VALUES (zeroblob(" + size + "))");
      } catch (SQLException e) {
        last = e.getMessage();
        if (!last.contains("SQLITE_FULL")) {
          Thread.sleep(2); // the robot was writing: try again
        } else if (blobsDone) {
          return;
        } else if (size > 256) {
          size /= 2;
        } else {
          blobsDone = true;
        }
      }
    }
    throw new AssertionError("the file never filled within 120 s; last refusal: " + last);
  }

  /** The supervising page's cmd/mission heartbeat every 0.5 s, on a thread, until interrupted. */
  private static Thread missionHeartbeat(LiveRobot robot, MqttClient tablet) {
    Thread t =
        new Thread(
            () -> {
              while (!Thread.currentThread().isInterrupted()) {
                try {
                  robot.send(tablet, "cmd/mission", "{\"seq\":SEQ,\"op\":\"heartbeat\"}");
                  Thread.sleep(500);
                } catch (InterruptedException e) {
                  return;
                } catch (Exception e) {
                  return;
                }
              }
            },
            "test-mission-heartbeat");
    t.setDaemon(true);
    t.start();
    return t;
  }

  @Test
  void aDamagedDatabaseTurnsMissionsOffAndTeleopWalks() throws Exception {
    Path db = dir.resolve("runs.db");
    Files.writeString(db, "SQLite format 3\u0000 and then nothing a database holds\n".repeat(300));
    byte[] before = Files.readAllBytes(db);
    LiveRobot robot = LiveRobot.start("hil", 25, dir);
    MqttClient tablet = robot.client("tablet", true);
    robot.await(
        robot.missions,
        m -> m.contains("\"state\":\"unavailable\"") && m.contains(db.toString()),
        "state/mission unavailable naming the file");
    robot.send(tablet, "cmd/lease", "{\"seq\":SEQ,\"action\":\"acquire\"}");
    robot.startDriving(tablet);
    robot.await(robot.telemetry, t -> t.contains("\"mode\":\"WALKING\""), "teleop walking");
    robot.send(tablet, "cmd/mission", "{\"seq\":SEQ,\"op\":\"list_routes\"}");
    robot.await(
        robot.errors,
        e ->
            e.startsWith("{\"error\":\"cmd/mission: refused: missions are off: run database " + db),
        "cmd/mission refused naming the file");
    flowsThenStops(robot, tablet);
    robot.stopDriving();
    finish(robot, tablet, null);
    assertArrayEquals(before, Files.readAllBytes(db), "the damaged file was left as it was");
  }

  @Test
  void theExternalBrokerRestarts() throws Exception {
    try (Mosquitto broker = new Mosquitto(dir, Map.of(), null).start()) {
      LiveRobot robot = LiveRobot.startWithBroker("hil", 30, dir, broker.port());
      MqttClient tablet = robot.client("tablet", true);
      robot.await(robot.telemetry, t -> true, "telemetry through Mosquitto");
      robot.send(tablet, "cmd/lease", "{\"seq\":SEQ,\"action\":\"acquire\"}");
      robot.startDriving(tablet);
      robot.await(robot.telemetry, t -> t.contains("\"mode\":\"WALKING\""), "walking");
      robot.stopDriving();
      tablet.disconnectForcibly(100);
      tablet.close();
      broker.kill();
      broker.start();
      int before = robot.telemetry.size();
      MqttClient again = robot.client("tablet", true);
      robot.await(robot.telemetry, t -> robot.telemetry.size() > before + 5, "telemetry again");
      // The link stopped the robot when the broker went; the holder drives again, then stops it.
      robot.startDriving(again);
      robot.await(robot.telemetry, t -> t.contains("\"mode\":\"WALKING\""), "walking again");
      flowsThenStops(robot, again);
      robot.stopDriving();
      finish(robot, again, null);
    }
  }

  @Test
  void aConnectFloodWithWrongPasswords() throws Exception {
    walkUnder(robot -> ChaosLoad.connectFlood(robot.port, 8));
  }

  @Test
  void slowClientsHoldTheTabletPageServer() throws Exception {
    walkUnder(robot -> ChaosLoad.slowHttp(robot.httpPort, 20));
  }

  /** Teleop walks, the attack starts, telemetry flows and the holder's E-stop shows as ESTOP. */
  private void walkUnder(AttackOn attack) throws Exception {
    LiveRobot robot = LiveRobot.start("hil", 25, dir);
    MqttClient tablet = robot.client("tablet", true);
    robot.send(tablet, "cmd/lease", "{\"seq\":SEQ,\"action\":\"acquire\"}");
    robot.startDriving(tablet);
    robot.await(robot.telemetry, t -> t.contains("\"mode\":\"WALKING\""), "teleop walking");
    try (ChaosLoad load = attack.start(robot)) {
      Thread.sleep(2000); // the attack under way before the checks
      assertTrue(load.attempts() > 0, "the attack ran");
      flowsThenStops(robot, tablet);
    }
    robot.stopDriving();
    finish(robot, tablet, null);
  }

  @FunctionalInterface
  private interface AttackOn {
    ChaosLoad start(LiveRobot robot) throws Exception;
  }

  private static void finish(LiveRobot robot, MqttClient a, MqttClient b) throws Exception {
    Cli result = robot.join(60_000);
    a.disconnectForcibly(100);
    if (b != null) {
      b.disconnectForcibly(100);
    }
    assertTrue(result != null, "the run ended");
    assertTrue(!result.err.contains("Exception"), result.err);
    List<String> t = robot.telemetry;
    assertTrue(t.stream().anyMatch(ChaosTest::estop), "the E-stop reached telemetry");
  }
}
