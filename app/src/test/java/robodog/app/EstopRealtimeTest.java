package robodog.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import robodog.harness.sim.SimReport;

/**
 * Stops on the robot's own path ({@code run --hardware sim}, ode4j physics, embedded broker, the
 * 1.5 kg camera case of equipment-run): a tablet's E-stop while walking settles the body down
 * gently, a link-level cut drops it, the run goes on after both, and after a release and {@code
 * cmd/mode stand} the robot gets up from the ground again.
 */
class EstopRealtimeTest {
  private static final String SETTLING = "E-stop: lowering the body";
  private static final String LATCHED = "E-stop latched";

  @TempDir Path dir;

  /** Waits up to 10 s for telemetry from index {@code from} on that matches {@code p}. */
  private static void awaitFrom(
      LiveRobot robot, int from, java.util.function.Predicate<String> p, String what)
      throws InterruptedException {
    for (int i = 0; i < 200; i++) {
      List<String> now = List.copyOf(robot.telemetry);
      if (now.subList(Math.min(from, now.size()), now.size()).stream().anyMatch(p)) {
        return;
      }
      Thread.sleep(50);
    }
    List<String> now = List.copyOf(robot.telemetry);
    throw new AssertionError(
        "timed out waiting for "
            + what
            + "; errors "
            + robot.errors
            + "; last: "
            + (now.isEmpty() ? "nothing" : now.get(now.size() - 1)));
  }

  @Test
  void aSoftwareStopSettlesGentlyACutDropsAndTheRobotStandsUpAfterEach() throws Exception {
    Path report = dir.resolve("report.json");
    LiveRobot robot =
        LiveRobot.start(
            "sim", 28, dir, "--scenario", "equipment-run", "--report", report.toString());
    MqttClient tablet = robot.client("tablet", true);
    List<String> telemetry = robot.telemetry;
    robot.await(telemetry, t -> t.contains("\"mode\":\"STANDING\""), "the robot standing");
    robot.send(tablet, "cmd/lease", "{\"seq\":SEQ,\"action\":\"acquire\"}");
    AtomicBoolean driving = new AtomicBoolean(true);
    Thread stick =
        new Thread(
            () -> {
              // The operator keeps pushing the stick through the stops: it must not be obeyed.
              while (driving.get()) {
                try {
                  robot.send(tablet, "cmd/velocity", "{\"seq\":SEQ,\"vx\":0.08,\"ttl_ms\":300}");
                  Thread.sleep(100);
                } catch (Exception e) {
                  return;
                }
              }
            },
            "stick");
    stick.start();
    try {
      for (String estop : new String[] {"{\"engage\":true}", "{\"engage\":true,\"cut\":true}"}) {
        robot.send(tablet, "cmd/mode", "{\"seq\":SEQ,\"mode\":\"walk\"}");
        robot.await(telemetry, t -> t.contains("\"mode\":\"WALKING\""), "walking");
        Thread.sleep(2_500);
        int before = telemetry.size();
        robot.send(tablet, "cmd/estop", estop);
        awaitFrom(
            robot,
            before,
            t -> t.contains("\"mode\":\"ESTOP\"") && t.contains(LATCHED),
            "the stop latched with servo power off");
        if (!estop.contains("cut")) {
          List<String> seen = List.copyOf(telemetry);
          assertTrue(
              seen.subList(before, seen.size()).stream()
                  .anyMatch(t -> t.contains("\"mode\":\"ESTOP\"") && t.contains(SETTLING)),
              "the tablet saw the settle as an E-stop");
        }
        int stopped = telemetry.size();
        Thread.sleep(1_000);
        assertTrue(telemetry.size() > stopped + 5, "telemetry goes on after the stop");
        robot.send(tablet, "cmd/estop", "{\"engage\":false}");
        awaitFrom(robot, stopped, t -> t.contains("\"mode\":\"PASSIVE\""), "released");
        int released = telemetry.size();
        robot.send(tablet, "cmd/mode", "{\"seq\":SEQ,\"mode\":\"stand\"}");
        awaitFrom(robot, released, t -> t.contains("\"mode\":\"STANDING\""), "stood up");
        Thread.sleep(2_500); // rising to standing height at the body's height rate
      }
      // The stick goes on to the end of the run: without it the link's watchdog would sit the
      // robot down, and the report's final height is what shows it stood up.
      Cli result = robot.join(60_000);
      assertEquals(0, result.status, result.err);
    } finally {
      driving.set(false);
      stick.join(2_000);
      tablet.disconnectForcibly(100);
    }
    SimReport r = SimReport.read(report);
    System.out.println("stops: " + r.stops() + "; final body height " + r.finalBodyHeightM());
    assertEquals(0, r.falls(), "neither stop is a fall");
    assertEquals(2, r.stops().size(), r.stops().toString());
    SimReport.Stop settle = r.stops().get(0);
    SimReport.Stop cut = r.stops().get(1);
    assertEquals("settle", settle.category());
    assertEquals("cut", cut.category());
    assertTrue(settle.powerOffAfterS() > 0.5 && settle.powerOffAfterS() <= 2.05, settle.toString());
    assertTrue(cut.powerOffAfterS() < 0.05, cut.toString());
    // Measured 0.22 against 0.80 m/s and 12-28 against 36-68 m/s² (the cut's peak depends on
    // the gait phase it meets): the drop speed is the steadier figure, so it carries the margin.
    assertTrue(
        settle.peakDropSpeedMps() < 0.4 * cut.peakDropSpeedMps(),
        "the camera case comes down far slower: " + settle + " against " + cut);
    assertTrue(
        settle.peakVerticalAccelMps2() < 0.75 * cut.peakVerticalAccelMps2(),
        "and is shaken less: " + settle + " against " + cut);
    assertTrue(
        r.finalBodyHeightM() > 0.10,
        "standing again at the end, body at " + r.finalBodyHeightM() + " m");
  }
}
