package robodog.app.ros2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import robodog.app.TelemetryProbe;
import robodog.core.Joints;
import robodog.harness.sim.SimReport;
import robodog.operatorlink.testing.Tablet;

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

  /**
   * Without {@code --ros2-drive} a DDS peer that asks for the lease and publishes /cmd_vel moves
   * nothing and holds nothing; while the crew walks the robot over MQTT, a peer without any lease
   * engages the E-stop on /robodog/estop (telemetry shows ESTOP) and its release request right
   * after is refused: the robot stays stopped and the crew keeps the lease.
   */
  @Test
  void withoutRos2DriveAPeerCannotDriveButItsEstopStopsTheWalkingRobot() throws Exception {
    int domain = DOMAIN + 2;
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
        assertTrue(Math.abs(lastOdom(intruder)[1]) < 0.01, "moved without --ros2-drive");
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
            assertEquals(2, estops.size(), "engage, then a release request");
            long engaged = Long.parseLong(estops.get(0)[1]);
            long release = Long.parseLong(estops.get(1)[1]);
            System.out.printf(
                Locale.ROOT,
                "ros2 /robodog/estop: telemetry showed ESTOP %.0f ms after the peer wrote it%n",
                (stopped.nanos() - engaged) / 1e6);
            assertTrue(stopped.nanos() > engaged, "ESTOP before the peer engaged it");
            List<TelemetryProbe.Sample> after = robot.since(release + 200_000_000L);
            assertTrue(!after.isEmpty(), "no telemetry after the release request");
            for (TelemetryProbe.Sample t : after) {
              assertEquals("ESTOP", t.mode(), "released over ROS 2 without the lease");
              assertEquals(0.0, t.vx(), 1e-9);
            }
            assertEquals("crew", robot.latest().leaseHolder());
          } finally {
            driving.set(false);
          }
        }
      }
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

  private static double[] lastOdom(CyclonePeer p) {
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

  /** The controller in its own JVM, so the ROS_* variables are really its environment. */
  static final class Sim implements AutoCloseable {
    final Process process;
    final List<String> out = new CopyOnWriteArrayList<>();
    final List<String> err = new CopyOnWriteArrayList<>();

    private Sim(Process p) {
      process = p;
      CyclonePeer.pump(p.getInputStream(), out);
      CyclonePeer.pump(p.getErrorStream(), err);
    }

    static Sim start(
        Map<String, String> env, int domain, double seconds, Path report, String... extra)
        throws Exception {
      List<String> cmd = new ArrayList<>();
      cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      cmd.add("-Drobodog.home=..");
      cmd.add("-cp");
      cmd.add(System.getProperty("java.class.path"));
      cmd.add("robodog.app.Main");
      cmd.addAll(
          List.of(
              "run",
              "--hardware",
              "hil",
              "--duration",
              Double.toString(seconds),
              "--mqtt-port",
              "0",
              "--ws-port",
              "0",
              "--http-port",
              "0",
              "--robot-id",
              "ros2test",
              "--ros2"));
      if (report != null) {
        cmd.add("--report");
        cmd.add(report.toString());
      }
      cmd.addAll(List.of(extra));
      ProcessBuilder pb = new ProcessBuilder(cmd);
      pb.environment().remove("ROS_LOCALHOST_ONLY");
      pb.environment().remove("ROS_AUTOMATIC_DISCOVERY_RANGE");
      pb.environment().putAll(env);
      pb.environment().put("ROS_DOMAIN_ID", Integer.toString(domain));
      Sim s = new Sim(pb.start());
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
      while (s.out.stream().noneMatch(l -> l.startsWith("ROS 2:"))) {
        if (!s.process.isAlive() || System.nanoTime() > deadline) {
          s.close();
          throw new AssertionError("sim did not start ROS 2:\n" + s.out + "\n" + s.err);
        }
        Thread.sleep(50);
      }
      assertTrue(s.out.stream().anyMatch(l -> l.contains("loopback only")), s.out.toString());
      return s;
    }

    /**
     * Every UDP socket of the robot is bound to 127.0.0.1 or the discovery multicast group: none on
     * a wildcard or another interface (checked with {@code ss}).
     */
    void assertLoopbackOnly() throws Exception {
      Process ss = new ProcessBuilder("ss", "-uanp").redirectErrorStream(true).start();
      String text = new String(ss.getInputStream().readAllBytes());
      ss.waitFor();
      String pid = "pid=" + process.pid() + ",";
      int sockets = 0;
      for (String l : text.split("\n")) {
        if (l.contains(pid)) {
          sockets++;
          String local = l.trim().split("\\s+")[3];
          assertTrue(
              local.startsWith("127.0.0.1:") || local.startsWith("239.255.0.1:"),
              "robot UDP socket not on loopback: " + l);
        }
      }
      assertTrue(sockets > 0, "no UDP sockets of the robot found by ss:\n" + text);
    }

    /** The first group of the first line of the robot's output matching {@code regex}. */
    int printedPort(String regex) throws InterruptedException {
      java.util.regex.Pattern p = java.util.regex.Pattern.compile(regex);
      for (int i = 0; i < 300; i++) {
        for (String l : out) {
          java.util.regex.Matcher m = p.matcher(l);
          if (m.find()) {
            return Integer.parseInt(m.group(1));
          }
        }
        Thread.sleep(100);
      }
      throw new AssertionError("the robot never printed " + regex + ":\n" + out + "\n" + err);
    }

    int await(long seconds) throws InterruptedException {
      if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
        throw new AssertionError("sim did not end");
      }
      return process.exitValue();
    }

    @Override
    public void close() {
      process.destroyForcibly();
    }
  }
}
