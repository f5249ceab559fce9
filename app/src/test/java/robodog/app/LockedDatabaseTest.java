package robodog.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import robodog.autonomy.RouteFile;
import robodog.autonomy.store.RunDatabase;

/**
 * Another process holds the run database locked ({@code BEGIN IMMEDIATE}) for 6 s while a run is
 * going, on {@code run --hardware sim}: missions block on their own thread, and telemetry keeps
 * coming at its rate the whole time, then still after the lock is gone (a blocked or failing job
 * never stops another).
 */
class LockedDatabaseTest {
  @TempDir Path dir;

  @Test
  void telemetryKeepsFlowingWhileTheRunDatabaseIsLocked() throws Exception {
    Path db = dir.resolve("runs.db");
    try (RunDatabase d = RunDatabase.open(db)) {
      d.saveRoute(RouteFile.load(Path.of("../routes/equipment-run.yaml")), "shipped", false);
    }
    LiveRobot robot = LiveRobot.start("sim", 20, dir);
    MqttClient tablet = robot.client("tablet", true);
    robot.send(tablet, "cmd/lease", "{\"seq\":SEQ,\"action\":\"acquire\"}");
    robot.send(
        tablet, "cmd/mission", "{\"seq\":SEQ,\"op\":\"dispatch\",\"route\":\"equipment-run\"}");
    robot.await(robot.missions, m -> m.contains("running"), "the run going");
    List<String> telemetry = robot.telemetry;
    long during;
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
        Statement s = c.createStatement()) {
      s.execute("BEGIN IMMEDIATE");
      s.execute("UPDATE runs SET outcome = outcome WHERE 0");
      long before = telemetry.size();
      Thread.sleep(6_000);
      during = telemetry.size() - before;
      s.execute("ROLLBACK");
    }
    long after0 = telemetry.size();
    Thread.sleep(2_000);
    long after = telemetry.size() - after0;
    System.out.printf(
        "locked run database: %d telemetry messages during the 6 s lock, %d in the 2 s after%n",
        during, after);
    // 10 Hz: 60 messages in 6 s; a loaded machine may lose some, never most.
    assertTrue(during >= 40, "telemetry during the 6 s lock: " + during + " messages");
    assertTrue(after >= 12, "telemetry after the lock: " + after + " messages in 2 s");
    Cli result = robot.join(30_000);
    tablet.disconnectForcibly(100);
    assertEquals(0, result.status, result.err);
  }
}
