package robodog.operatorlink.ros2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class Ros2SettingsTest {
  private static Ros2Settings of(Map<String, String> env) {
    return Ros2Settings.fromEnvironment(env, 100, false, false);
  }

  @Test
  void standardVariablesAreHonoured() {
    assertEquals(0, of(Map.of()).domainId());
    assertFalse(of(Map.of()).localhostOnly());
    assertEquals(42, of(Map.of("ROS_DOMAIN_ID", " 42 ")).domainId());
    assertTrue(of(Map.of("ROS_LOCALHOST_ONLY", "1")).localhostOnly());
    assertFalse(of(Map.of("ROS_LOCALHOST_ONLY", "0")).localhostOnly());
    assertTrue(of(Map.of("ROS_AUTOMATIC_DISCOVERY_RANGE", "LOCALHOST")).localhostOnly());
    assertFalse(of(Map.of("ROS_AUTOMATIC_DISCOVERY_RANGE", "SUBNET")).localhostOnly());
  }

  @Test
  void badValuesAreNamedWithWhatWasExpected() {
    assertMessage(Map.of("ROS_DOMAIN_ID", "x"), "ROS_DOMAIN_ID 'x': expected an integer 0..232");
    assertMessage(Map.of("ROS_DOMAIN_ID", "233"), "ROS_DOMAIN_ID 233: expected 0..232");
    assertMessage(Map.of("ROS_LOCALHOST_ONLY", "yes"), "ROS_LOCALHOST_ONLY 'yes': expected 0 or 1");
    assertMessage(
        Map.of("ROS_AUTOMATIC_DISCOVERY_RANGE", "OFF"),
        "ROS_AUTOMATIC_DISCOVERY_RANGE 'OFF': expected LOCALHOST, SUBNET or SYSTEM_DEFAULT");
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> new Ros2Settings(0, true, 0.5));
    assertTrue(e.getMessage().contains("--ros2-rate"), e.getMessage());
  }

  /** DDS has no authentication: driving is only for processes on the robot itself. */
  @Test
  void drivingNeedsLoopbackOnlyAndTheLeaseAtStartNeedsDriving() {
    Map<String, String> lo = Map.of("ROS_LOCALHOST_ONLY", "1");
    assertTrue(Ros2Settings.fromEnvironment(lo, 100, true, true).drive());
    assertFalse(of(lo).drive(), "observation only unless asked");
    IllegalArgumentException lan =
        assertThrows(
            IllegalArgumentException.class,
            () -> Ros2Settings.fromEnvironment(Map.of(), 100, false, true));
    assertTrue(lan.getMessage().startsWith("--ros2-drive needs ROS 2 confined"), lan.getMessage());
    assertTrue(lan.getMessage().contains("ROS_LOCALHOST_ONLY=1"), lan.getMessage());
    IllegalArgumentException lease =
        assertThrows(
            IllegalArgumentException.class,
            () -> Ros2Settings.fromEnvironment(lo, 100, true, false));
    assertTrue(lease.getMessage().contains("--ros2-lease needs --ros2-drive"), lease.getMessage());
  }

  private static void assertMessage(Map<String, String> env, String expected) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> of(env));
    assertEquals(expected, e.getMessage());
  }
}
