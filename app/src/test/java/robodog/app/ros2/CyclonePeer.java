package robodog.app.ros2;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * The independent ROS 2 peer of the acceptance test: a C program on Debian's Cyclone DDS
 * (src/test/resources/ros2peer), built here with idlc and gcc, run as its own process. Lines it
 * prints are collected for the test to read.
 */
final class CyclonePeer implements AutoCloseable {
  /** Cyclone DDS on loopback only, like the robot with ROS_LOCALHOST_ONLY=1. */
  static final String LOOPBACK_URI =
      "<CycloneDDS><Domain><General><Interfaces>"
          + "<NetworkInterface address=\"127.0.0.1\" multicast=\"true\"/>"
          + "</Interfaces></General></Domain></CycloneDDS>";

  final List<String> lines = new CopyOnWriteArrayList<>();
  final Process process;
  private final Thread reader;

  private CyclonePeer(Process p) {
    this.process = p;
    this.reader = pump(p.getInputStream(), lines);
  }

  /**
   * Compiles the peer into {@code dir}; fails with the missing package named if the toolchain is
   * not there.
   */
  static Path build(Path dir) throws Exception {
    for (String[] tool : new String[][] {{"idlc", "cyclonedds-tools"}, {"gcc", "gcc"}}) {
      if (!onPath(tool[0])) {
        throw new AssertionError(
            tool[0]
                + " not found: install Debian package "
                + tool[1]
                + " (scripts/debian-packages.txt lists what the tests need)");
      }
    }
    if (!Files.exists(Path.of("/usr/include/dds/dds.h"))) {
      throw new AssertionError(
          "/usr/include/dds/dds.h not found: install Debian package cyclonedds-dev");
    }
    for (String f : new String[] {"ros_msgs.idl", "ros2peer.c"}) {
      try (InputStream in = CyclonePeer.class.getResourceAsStream("/ros2peer/" + f)) {
        Files.copy(in, dir.resolve(f));
      }
    }
    run(dir, "idlc", "-Wno-implicit-extensibility", "ros_msgs.idl");
    run(dir, "gcc", "-O1", "-Wall", "-o", "ros2peer", "ros2peer.c", "ros_msgs.c", "-I.", "-lddsc");
    return dir.resolve("ros2peer");
  }

  /**
   * Starts the peer: discovers the robot (up to 30 s), then runs {@code seconds}, publishes
   * rt/cmd_vel at 20 Hz with {@code vx} unless null, and requests the lease first if {@code
   * acquire}.
   */
  static CyclonePeer start(Path exe, int domain, double seconds, Double vx, boolean acquire)
      throws IOException {
    return start(exe, domain, seconds, vx, acquire, null);
  }

  /**
   * As above; with {@code estopAtS} the peer also publishes on rt/robodog/estop that many seconds
   * into its run: {@code false} (a release request), {@code true} 0.3 s later, {@code false} again
   * 50 ms after that.
   */
  static CyclonePeer start(
      Path exe, int domain, double seconds, Double vx, boolean acquire, Double estopAtS)
      throws IOException {
    ProcessBuilder pb =
        new ProcessBuilder(
            exe.toString(),
            Double.toString(seconds),
            vx == null ? "-" : Double.toString(vx),
            acquire ? "acquire" : "-",
            estopAtS == null ? "-" : Double.toString(estopAtS));
    Map<String, String> env = pb.environment();
    env.put("ROS_DOMAIN_ID", Integer.toString(domain));
    env.put("CYCLONEDDS_URI", LOOPBACK_URI);
    pb.redirectError(ProcessBuilder.Redirect.INHERIT);
    return new CyclonePeer(pb.start());
  }

  /** Waits for a normal end. */
  void await(long seconds) throws InterruptedException {
    if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
      throw new AssertionError("ros2peer did not finish in " + seconds + " s");
    }
    reader.join(2000);
    if (process.exitValue() != 0) {
      throw new AssertionError(
          "ros2peer exited " + process.exitValue() + " (3: robot not discovered); saw " + lines);
    }
  }

  /** Lines starting with {@code kind + " "}, split on spaces. */
  List<String[]> events(String kind) {
    List<String[]> out = new ArrayList<>();
    for (String l : lines) {
      if (l.startsWith(kind + " ")) {
        out.add(l.split(" "));
      }
    }
    return out;
  }

  static Thread pump(InputStream in, List<String> into) {
    Thread t =
        new Thread(
            () -> {
              try (BufferedReader r =
                  new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                for (String l = r.readLine(); l != null; l = r.readLine()) {
                  into.add(l);
                }
              } catch (IOException e) {
                // process gone
              }
            },
            "peer-output");
    t.setDaemon(true);
    t.start();
    return t;
  }

  private static boolean onPath(String tool) {
    for (String d : System.getenv().getOrDefault("PATH", "").split(":")) {
      if (Files.isExecutable(Path.of(d, tool))) {
        return true;
      }
    }
    return false;
  }

  private static void run(Path dir, String... cmd) throws Exception {
    Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (p.waitFor() != 0) {
      throw new AssertionError(String.join(" ", cmd) + " failed:\n" + out);
    }
  }

  @Override
  public void close() {
    process.destroyForcibly();
  }
}
