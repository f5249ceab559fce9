package robodog.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** ROS 2 options that cannot apply are refused before anything starts. */
class Ros2CliTest {
  @Test
  void ros2NeedsRealtimeAndItsSubOptionsNeedRos2() {
    Cli r = Cli.run("sim", "--ros2", "--duration", "1");
    assertEquals(2, r.status, r.err);
    assertTrue(r.err.contains("--ros2 needs --realtime"), r.err);
    r = Cli.run("sim", "--ros2-lease", "--duration", "1");
    assertEquals(2, r.status, r.err);
    assertTrue(r.err.contains("--ros2-lease and --ros2-rate need --ros2"), r.err);
    r = Cli.run("run", "--ros2-rate", "20");
    assertEquals(2, r.status, r.err);
    assertTrue(r.err.contains("need --ros2"), r.err);
  }
}
