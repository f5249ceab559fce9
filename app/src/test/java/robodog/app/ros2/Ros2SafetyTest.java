package robodog.app.ros2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import robodog.app.TelemetryProbe;
import robodog.operatorlink.testing.Tablet;

/**
 * ROS 2 without {@code --ros2-drive}, against the controller in the realtime simulator and an
 * independent Cyclone DDS peer (see {@link CyclonePeer}) on loopback: DDS peers observe and stop
 * the robot, they never drive it.
 */
class Ros2SafetyTest {
  @TempDir static Path dir;
  static Path peer;

  /** A domain of our own (apart from {@link Ros2AcceptanceTest}'s). */
  static final int DOMAIN = 170 + (int) (ProcessHandle.current().pid() % 60);

  private static final double VX = 0.12;

  @BeforeAll
  static void buildPeer() throws Exception {
    peer = CyclonePeer.build(Files.createDirectories(dir.resolve("peer")));
  }

  /**
   * Without {@code --ros2-drive} a DDS peer that asks for the lease and publishes /cmd_vel moves
   * nothing and holds nothing; while the crew walks the robot over MQTT, a peer without any lease
   * engages the E-stop on /robodog/estop (telemetry shows ESTOP) and its release request right
   * after is refused: the robot stays stopped and the crew keeps the lease.
   */
  @Test
  void withoutRos2DriveAPeerCannotDriveButItsEstopStopsTheWalkingRobot() throws Exception {
    int domain = DOMAIN;
    try (Sim sim = Sim.start(Map.of("ROS_LOCALHOST_ONLY", "1"), domain, 120, null)) {
      assertTrue(sim.out.stream().anyMatch(l -> l.contains("driving off")), sim.out.toString());
      int mqtt = sim.printedPort("MQTT broker tcp://127.0.0.1:(\\d+)");
      try (TelemetryProbe robot = new TelemetryProbe(mqtt, "ros2test", 15_000)) {
        CyclonePeer intruder = CyclonePeer.start(peer, domain, 4, VX, true);
        intruder.await(60);
        assertEquals(1, intruder.events("LEASE").size());
        assertTrue(intruder.events("CMD").size() > 20, "the peer did publish cmd_vel");
        for (String[] o : intruder.events("ODOM")) {
          assertEquals(0.0, Double.parseDouble(o[3]), 1e-9, "commanded vx without --ros2-drive");
        }
        assertTrue(
            Math.abs(Ros2AcceptanceTest.lastOdom(intruder)[1]) < 0.01,
            "moved without --ros2-drive");
        robot.await("telemetry", 5_000, t -> true);
        assertNull(robot.latest().leaseHolder(), "a DDS peer got the lease");
        assertTrue(
            sim.err.stream().anyMatch(l -> l.contains("driving over ROS 2 is off")),
            "the refusal is reported: " + sim.err);

        try (Tablet crew = new Tablet("tcp://127.0.0.1:" + mqtt, "ros2test", "crew", null, null)) {
          crew.send("cmd/lease", "{%s,\"action\":\"acquire\"}");
          crew.send("cmd/mode", "{%s,\"mode\":\"walk\"}");
          java.util.concurrent.atomic.AtomicBoolean driving =
              new java.util.concurrent.atomic.AtomicBoolean(true);
          Thread stick =
              new Thread(
                  () -> {
                    try {
                      while (driving.get()) {
                        crew.send("cmd/velocity", "{%s,\"vx\":" + VX + ",\"ttl_ms\":300}");
                        Thread.sleep(100);
                      }
                    } catch (Exception e) {
                      // the robot went away: the test's assertions say what happened
                    }
                  },
                  "crew-stick");
          stick.setDaemon(true);
          stick.start();
          try {
            robot.await("walking for the crew", 30_000, t -> t.vx() > VX / 2);
            CyclonePeer guard = CyclonePeer.start(peer, domain, 3, null, false, 1.0);
            TelemetryProbe.Sample stopped =
                robot.await("ESTOP from the ROS 2 peer", 30_000, t -> t.mode().equals("ESTOP"));
            guard.await(60);
            List<String[]> estops = guard.events("ESTOP");
            assertEquals(3, estops.size(), "release request, engage, release request");
            long engaged = Long.parseLong(estops.get(1)[1]);
            long release = Long.parseLong(estops.get(2)[1]);
            System.out.printf(
                Locale.ROOT,
                "ros2 /robodog/estop: telemetry showed ESTOP %.0f ms after the peer wrote it%n",
                (stopped.nanos() - engaged) / 1e6);
            assertTrue(stopped.nanos() > engaged, "ESTOP before the peer engaged it");
            // Release requests are refused by the link (the first, sent while the robot still
            // runs, is reported). The software E-stop settles the body: the speed ramps down
            // and never rises again, and the mode stays ESTOP through and after the settle.
            assertTrue(
                Tablet.within(
                    5_000,
                    () ->
                        sim.err.stream()
                            .anyMatch(
                                l ->
                                    l.contains("cmd/estop: refused from ros2")
                                        && l.contains("held by crew"))),
                "the release over ROS 2 is refused: " + sim.err);
            robot.await("standstill in the E-stop", 10_000, t -> t.vx() == 0.0);
            double previous = Double.MAX_VALUE;
            for (TelemetryProbe.Sample t : robot.since(release)) {
              assertEquals("ESTOP", t.mode(), "released over ROS 2 without the lease");
              assertTrue(t.vx() <= previous + 1e-9, "the speed rose in the E-stop: " + t.vx());
              previous = t.vx();
            }
            assertEquals("ESTOP", robot.latest().mode());
            assertEquals("crew", robot.latest().leaseHolder());
          } finally {
            driving.set(false);
          }
        }
      }
    }
  }
}
