package robodog.app.ros2;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/** The controller in its own JVM, so the ROS_* variables are really its environment. */
final class Sim implements AutoCloseable {
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
   * Every UDP socket of the robot is bound to 127.0.0.1 or the discovery multicast group: none on a
   * wildcard or another interface (checked with {@code ss}).
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
