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
    assertTrue(r.err.contains("--ros2-drive, --ros2-lease and --ros2-rate need --ros2"), r.err);
    r = Cli.run("run", "--ros2-rate", "20");
    assertEquals(2, r.status, r.err);
    assertTrue(r.err.contains("need --ros2"), r.err);
    r = Cli.run("run", "--ros2", "--ros2-lease");
    assertEquals(2, r.status, r.err);
    assertTrue(r.err.contains("--ros2-lease needs --ros2-drive"), r.err);
  }

  /** DDS has no authentication: driving over ROS 2 is refused unless DDS stays on loopback. */
  @Test
  void ros2DriveIsRefusedUnlessDdsIsConfinedToLoopback() {
    org.junit.jupiter.api.Assumptions.assumeTrue(
        System.getenv("ROS_LOCALHOST_ONLY") == null
            && System.getenv("ROS_AUTOMATIC_DISCOVERY_RANGE") == null,
        "this JVM's environment already confines ROS 2");
    Cli r = Cli.run("run", "--hardware", "sim", "--ros2", "--ros2-drive", "--duration", "1");
    assertEquals(2, r.status, r.err);
    assertTrue(r.err.contains("--ros2-drive needs ROS 2 confined to this machine"), r.err);
    assertTrue(r.err.contains("ROS_LOCALHOST_ONLY=1"), r.err);
  }
}
