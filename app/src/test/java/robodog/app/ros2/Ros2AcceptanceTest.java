package robodog.app.ros2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import robodog.core.Joints;
import robodog.harness.sim.SimReport;

/**
 * The ROS 2 bridge end to end: the controller in the realtime simulator with {@code --ros2}, and an
 * independent Cyclone DDS peer in C (see {@link CyclonePeer}) on loopback. The peer sees the ROS 2
 * types and names, drives the robot over rt/cmd_vel only while the ROS 2 source holds the lease,
 * and its death stops the robot through the operator link's watchdog/ttl. The peer also reads the
 * simulated pack on rt/battery_state.
 */
class Ros2AcceptanceTest {
  @TempDir static Path dir;
  static Path peer;

  /** A domain of our own, so parallel runs on one machine do not see each other. */
  static final int DOMAIN = 10 + (int) (ProcessHandle.current().pid() % 150);

  private static final double VX = 0.12;

  @BeforeAll
  static void buildPeer() throws Exception {
    Path d = Files.createDirectories(dir.resolve("peer"));
    peer = CyclonePeer.build(d);
  }

  @Test
  void peerSeesStandardTopicsAndDrivesOnlyWithTheLease() throws Exception {
    Path report = dir.resolve("lease.json");
    try (Sim sim =
        Sim.start(Map.of("ROS_LOCALHOST_ONLY", "1"), DOMAIN, 30, report, "--ros2-drive")) {
      sim.assertLoopbackOnly();
      // No lease: the peer sees everything but its cmd_vel is refused.
      CyclonePeer without = CyclonePeer.start(peer, DOMAIN, 4, VX, false);
      without.await(60);
      assertTypes(without);
      List<String[]> js = without.events("JS");
      assertTrue(js.size() > 50, "joint_states samples: " + js.size());
      for (String[] s : js) {
        assertEquals("18", s[2], String.join(" ", s));
        assertEquals(Joints.name(0), s[3]);
      }
      assertTrue(without.events("CMD").size() > 20, "the peer did publish cmd_vel");
      double xWithout = lastOdom(without)[1];
      for (String[] o : without.events("ODOM")) {
        assertEquals(0.0, Double.parseDouble(o[3]), 1e-9, "commanded vx without the lease");
      }
      assertTrue(Math.abs(xWithout) < 0.01, "moved without the lease: x " + xWithout);
      assertTrue(
          sim.err.stream().anyMatch(l -> l.contains("refused from ros2")),
          "the refusal is reported");
      assertTrue(without.events("DESC").stream().anyMatch(d -> d[2].equals("<?xml")));
      assertBattery(without, 4);

      // Lease requested on /robodog/lease: the same cmd_vel now walks the robot.
      CyclonePeer with = CyclonePeer.start(peer, DOMAIN, 5, VX, true);
      with.await(60);
      assertEquals(1, with.events("LEASE").size());
      double xWith = lastOdom(with)[1];
      assertTrue(xWith - xWithout > 0.15, "odom x went from " + xWithout + " to " + xWith);
      rates("lease run", with);
      assertEquals(0, sim.await(240), String.join("\n", sim.err));
    }
    SimReport r = SimReport.read(report);
    assertTrue(r.distanceM() > 0.15, "physics distance " + r.distanceM() + " m");
    assertEquals(0, r.falls());
  }

  @Test
  void killingThePeerMidWalkStopsTheRobot() throws Exception {
    int domain = DOMAIN + 1;
    try (Sim sim =
        Sim.start(
            Map.of("ROS_AUTOMATIC_DISCOVERY_RANGE", "LOCALHOST"),
            domain,
            120, // ended by close(): no report needed here
            null,
            "--ros2-drive",
            "--ros2-lease")) {
      sim.assertLoopbackOnly();
      CyclonePeer observer = CyclonePeer.start(peer, domain, 9, null, false);
      CyclonePeer driver = CyclonePeer.start(peer, domain, 30, VX, false);
      // Walk until odometry shows full commanded speed for a while, then SIGKILL the driver.
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (System.nanoTime() < deadline && countAtSpeed(observer) < 100) {
        Thread.sleep(20);
      }
      assertTrue(countAtSpeed(observer) >= 100, "the robot never walked at " + VX);
      driver.process.destroyForcibly().waitFor();
      List<String[]> cmds = driver.events("CMD");
      long lastCmd = Long.parseLong(cmds.get(cmds.size() - 1)[1]);
      observer.await(60);
      long decel = -1;
      long still = -1;
      for (String[] o : observer.events("ODOM")) {
        long t = Long.parseLong(o[1]);
        double vx = Double.parseDouble(o[3]);
        if (t > lastCmd && decel < 0 && vx < VX - 1e-6) {
          decel = t - lastCmd;
        }
        if (t > lastCmd && still < 0 && vx == 0) {
          still = t - lastCmd;
        }
      }
      System.out.printf(
          Locale.ROOT,
          "ros2 stop after peer SIGKILL: commanded velocity falls %.0f ms after the last"
              + " cmd_vel, reaches 0 after %.0f ms (observed on rt/odom)%n",
          decel / 1e6,
          still / 1e6);
      assertTrue(decel > 0, "the robot did not stop after the peer died");
      // 500 ms watchdog + one 5 ms control tick; what we measure also includes the observation
      // path (link tick, 100 Hz publish, DDS), so it is an upper bound of the real stop time.
      assertTrue(decel <= 505_000_000L, "stop began " + decel / 1e6 + " ms after the last cmd");
      rates("kill run", observer);
    }
  }

  private static long countAtSpeed(CyclonePeer p) {
    return p.events("ODOM").stream().filter(o -> Double.parseDouble(o[3]) >= VX - 1e-6).count();
  }

  private static void assertTypes(CyclonePeer p) {
    List<String> pubs = new ArrayList<>();
    for (String[] e : p.events("PUB")) {
      pubs.add(e[1] + " " + e[2]);
    }
    for (String want :
        new String[] {
          "rt/joint_states sensor_msgs::msg::dds_::JointState_",
          "rt/odom nav_msgs::msg::dds_::Odometry_",
          "rt/imu/data sensor_msgs::msg::dds_::Imu_",
          "rt/tf tf2_msgs::msg::dds_::TFMessage_",
          "rt/battery_state sensor_msgs::msg::dds_::BatteryState_",
          "rt/robot_description std_msgs::msg::dds_::String_",
        }) {
      assertTrue(pubs.contains(want), want + " not discovered; saw " + pubs);
    }
  }

  /**
   * rt/battery_state as the peer received it over {@code seconds} s: about 1 Hz (not the 100 Hz of
   * the state topics), a plausible 2S pack voltage, a fraction 0..1, present, discharging, LiPo,
   * two cells, in base_link.
   */
  private static void assertBattery(CyclonePeer p, double seconds) {
    List<String[]> b = p.events("BAT");
    assertTrue(b.size() >= 2 && b.size() <= seconds + 3, "battery_state samples: " + b.size());
    for (String[] e : b) {
      String line = String.join(" ", e);
      double volts = Double.parseDouble(e[2]);
      double fraction = Double.parseDouble(e[3]);
      assertTrue(volts >= 6.0 && volts <= 8.5, "voltage: " + line);
      assertTrue(fraction >= 0 && fraction <= 1, "percentage: " + line);
      assertEquals("1", e[4], "present: " + line);
      assertEquals("2", e[5], "DISCHARGING: " + line);
      assertEquals("3", e[6], "LIPO: " + line);
      assertEquals("2", e[7], "cells: " + line);
      assertEquals("base_link", e[8], line);
    }
  }

  static double[] lastOdom(CyclonePeer p) {
    List<String[]> o = p.events("ODOM");
    assertTrue(!o.isEmpty(), "no rt/odom samples");
    String[] l = o.get(o.size() - 1);
    return new double[] {Long.parseLong(l[1]), Double.parseDouble(l[2]), Double.parseDouble(l[3])};
  }

  /**
   * Prints the receive rates the peer saw (samples over the span from first to last) and checks the
   * stream did not stall.
   */
  private static void rates(String what, CyclonePeer p) {
    for (String kind : new String[] {"JS", "ODOM"}) {
      List<String[]> e = p.events(kind);
      double span = (Long.parseLong(e.get(e.size() - 1)[1]) - Long.parseLong(e.get(0)[1])) / 1e9;
      double hz = (e.size() - 1) / span;
      System.out.printf(
          Locale.ROOT,
          "ros2 %s: %s %d samples in %.2f s = %.1f Hz%n",
          what,
          kind,
          e.size(),
          span,
          hz);
      // The >= 50 Hz goal is a measurement (printed above), not asserted: a busy CI machine must
      // not fail this test. A stalled stream would, though.
      assertTrue(hz >= 10, kind + " stalled: " + hz + " Hz");
    }
  }
}
