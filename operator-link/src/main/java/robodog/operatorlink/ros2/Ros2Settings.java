package robodog.operatorlink.ros2;

import java.util.Map;

/**
 * How the ROS 2 bridge joins DDS, read from the standard ROS 2 environment variables and the CLI.
 *
 * <ul>
 *   <li>{@code ROS_DOMAIN_ID}: DDS domain, 0..232 (default 0). 232 is the highest id whose RTPS
 *       ports still fit below 65535 with the default port mapping.
 *   <li>{@code ROS_LOCALHOST_ONLY=1} (Humble) or {@code ROS_AUTOMATIC_DISCOVERY_RANGE=LOCALHOST}
 *       (Jazzy on): all DDS traffic, discovery included, stays on the loopback interface.
 * </ul>
 *
 * Immutable; any thread.
 *
 * @param domainId DDS domain id
 * @param localhostOnly true to bind every transport to 127.0.0.1
 * @param rateHz publish rate of joint states, odometry, IMU and tf, Hz
 * @param leaseAtStart acquire the control lease for the ROS 2 source when the bridge starts
 * @param drive whether {@code /cmd_vel} and {@code /robodog/lease} are obeyed at all ({@code
 *     --ros2-drive}); DDS has no authentication, so this needs {@code localhostOnly}: only
 *     processes on the robot itself may drive. {@code /robodog/estop} engages either way.
 */
public record Ros2Settings(
    int domainId, boolean localhostOnly, double rateHz, boolean leaseAtStart, boolean drive) {
  /** Default publish rate, Hz (at least 50 Hz is required). */
  public static final double DEFAULT_RATE_HZ = 100;

  /** Validates; throws {@link IllegalArgumentException} naming the bad value. */
  public Ros2Settings {
    if (domainId < 0 || domainId > 232) {
      throw new IllegalArgumentException("ROS_DOMAIN_ID " + domainId + ": expected 0..232");
    }
    if (!(rateHz >= 1 && rateHz <= 1000)) {
      throw new IllegalArgumentException("--ros2-rate " + rateHz + ": expected 1..1000 Hz");
    }
    if (drive && !localhostOnly) {
      throw new IllegalArgumentException(
          "--ros2-drive needs ROS 2 confined to this machine: set ROS_LOCALHOST_ONLY=1 (or"
              + " ROS_AUTOMATIC_DISCOVERY_RANGE=LOCALHOST); DDS has no authentication, so on the"
              + " network any peer could take the lease and drive");
    }
    if (leaseAtStart && !drive) {
      throw new IllegalArgumentException(
          "--ros2-lease needs --ros2-drive: without it ROS 2 may not drive");
    }
  }

  /** Observation only: no driving over ROS 2 (E-stop engage still works). */
  public Ros2Settings(int domainId, boolean localhostOnly, double rateHz) {
    this(domainId, localhostOnly, rateHz, false, false);
  }

  /**
   * Reads the ROS 2 variables from {@code env} (normally {@link System#getenv()}).
   *
   * @throws IllegalArgumentException for a value ROS 2 itself would not accept, naming it
   */
  public static Ros2Settings fromEnvironment(
      Map<String, String> env, double rateHz, boolean leaseAtStart, boolean drive) {
    int domain = 0;
    String d = trimmed(env.get("ROS_DOMAIN_ID"));
    if (d != null) {
      try {
        domain = Integer.parseInt(d);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            "ROS_DOMAIN_ID '" + d + "': expected an integer 0..232", e);
      }
    }
    boolean local = false;
    String lo = trimmed(env.get("ROS_LOCALHOST_ONLY"));
    if (lo != null) {
      if (lo.equals("1")) {
        local = true;
      } else if (!lo.equals("0")) {
        throw new IllegalArgumentException("ROS_LOCALHOST_ONLY '" + lo + "': expected 0 or 1");
      }
    }
    String range = trimmed(env.get("ROS_AUTOMATIC_DISCOVERY_RANGE"));
    if (range != null) {
      switch (range) {
        case "LOCALHOST":
          local = true;
          break;
        case "SUBNET":
        case "SYSTEM_DEFAULT":
          break;
        default: // OFF would need static peers, which this bridge does not take
          throw new IllegalArgumentException(
              "ROS_AUTOMATIC_DISCOVERY_RANGE '"
                  + range
                  + "': expected LOCALHOST, SUBNET or SYSTEM_DEFAULT");
      }
    }
    return new Ros2Settings(domain, local, rateHz, leaseAtStart, drive);
  }

  private static String trimmed(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }
}
