package robodog.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import robodog.harness.sim.SimReport;
import robodog.operatorlink.testing.Mosquitto;
import robodog.operatorlink.testing.Tablet;

/**
 * SIGTERM (systemd's stop) on the robot's own path, {@code run --hardware hil} in its own JVM
 * through a real Mosquitto: the process stops within the grace period, says the servos are off,
 * writes its report, and leaves {@code state/status} offline retained for every later subscriber.
 */
class SigtermTest {
  @TempDir Path dir;

  @Test
  void sigtermStopsCleanlyWithReportServosOffAndStatusOfflineRetained() throws Exception {
    try (Mosquitto broker = new Mosquitto(dir, Map.of(), null).start()) {
      Path report = dir.resolve("report.json");
      ProcessBuilder pb =
          new ProcessBuilder(
              Path.of(System.getProperty("java.home"), "bin", "java").toString(),
              "-Drobodog.home=..",
              "-cp",
              System.getProperty("java.class.path"),
              "robodog.app.Main",
              "run",
              "--hardware",
              "hil",
              "--robot-id",
              "dog1",
              "--broker",
              broker.uri(),
              "--http-port",
              "0",
              "--db",
              dir.resolve("runs.db").toString(),
              "--report",
              report.toString());
      Path log = dir.resolve("robot.log");
      pb.redirectErrorStream(true);
      pb.redirectOutput(log.toFile());
      Process p = pb.start();
      proc = p;
      try (Tablet tablet = new Tablet(broker.uri(), "dog1", "tablet", null, null).listen()) {
        assertTrue(
            Tablet.within(60_000, () -> tablet.got("\"mode\":\"STANDING\"")),
            "the robot stands and publishes telemetry: " + Files.readString(log));
        // Two seconds of telemetry (10 Hz) before the stop, whatever the machine's speed.
        long seen = tablet.received.size();
        assertTrue(
            Tablet.within(20_000, () -> tablet.received.size() >= seen + 20),
            "telemetry keeps coming: " + Files.readString(log));
        p.destroy(); // SIGTERM
        assertTrue(
            p.waitFor(20, TimeUnit.SECONDS),
            "stopped within the grace period: " + Files.readString(log));
        String out = Files.readString(log);
        assertTrue(
            out.contains("stopped by SIGTERM: servos off"), "exit " + p.exitValue() + ": " + out);
        assertTrue(Files.exists(report), "report written: " + out);
        SimReport r = SimReport.read(report);
        // A loaded machine runs the physics below real time: the report covers what ran.
        assertTrue(r.simTimeS() > 0.3, "the report covers the run: " + r.simTimeS() + " s");
        assertEquals(0, r.falls());
      }
      try (Tablet later = new Tablet(broker.uri(), "dog1", "later", null, null).listen()) {
        assertTrue(
            Tablet.within(5_000, () -> later.got("state/status {\"online\":false}")),
            "offline, retained, for a subscriber that comes after the robot stopped: "
                + later.received);
      }
    }
  }

  @AfterEach
  void noRobotLeftRunning() {
    if (proc != null) {
      proc.destroyForcibly();
    }
  }

  private Process proc;
}
