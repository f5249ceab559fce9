package robodog.app.ros2;

import java.io.PrintWriter;
import java.util.Locale;
import picocli.CommandLine.Option;
import robodog.core.Mailbox;
import robodog.core.Telemetry;
import robodog.core.config.RobotDescription;
import robodog.locomotion.LocomotionConfig;
import robodog.locomotion.urdf.UrdfWriter;
import robodog.operatorlink.OperatorLink;
import robodog.operatorlink.ros2.Ros2Bridge;
import robodog.operatorlink.ros2.Ros2Settings;

/**
 * The {@code --ros2} options of {@code sim} and {@code run}, and the wiring of the ROS 2 bridge
 * between the controller's mailboxes and the operator link (docs/ros2.md). Main thread only.
 */
public final class Ros2Options {
  /**
   * The operator link's refusals and errors (one per refused command, with its reason): logged as
   * component {@code operator}, so {@code --log-level operator=error} silences them.
   */
  @Option(
      names = "--ros2",
      description =
          "publish /joint_states, /odom, /imu/data, /tf, /robot_description and take /cmd_vel on"
              + " ROS 2 (DDS domain ROS_DOMAIN_ID; ROS_LOCALHOST_ONLY=1 or"
              + " ROS_AUTOMATIC_DISCOVERY_RANGE=LOCALHOST keep it on loopback)")
  boolean enabled;

  @Option(
      names = "--ros2-drive",
      description =
          "with --ros2: obey /cmd_vel and /robodog/lease (needs ROS_LOCALHOST_ONLY=1 or"
              + " ROS_AUTOMATIC_DISCOVERY_RANGE=LOCALHOST: DDS has no authentication, so only"
              + " processes on the robot may drive); without it ROS 2 observes and can only"
              + " engage the E-stop (/robodog/estop)")
  boolean drive;

  @Option(
      names = "--ros2-lease",
      description = "with --ros2-drive: the ROS 2 side acquires the control lease at start")
  boolean leaseAtStart;

  @Option(
      names = "--ros2-rate",
      defaultValue = "100",
      description = "with --ros2: state publish rate, Hz (default ${DEFAULT-VALUE})")
  double rateHz;

  /** Refuses ROS 2 options that would be silently ignored. */
  public void check(boolean realtime) {
    if (!enabled && (drive || leaseAtStart || rateHz != Ros2Settings.DEFAULT_RATE_HZ)) {
      throw new IllegalArgumentException("--ros2-drive, --ros2-lease and --ros2-rate need --ros2");
    }
    if (leaseAtStart && !drive) {
      throw new IllegalArgumentException(
          "--ros2-lease needs --ros2-drive: without it ROS 2 may not drive");
    }
    if (enabled && !realtime) {
      throw new IllegalArgumentException(
          "--ros2 needs --realtime: a headless run has no time base for ROS 2 peers");
    }
    if (enabled) {
      // The ROS_* variables and --ros2-drive's loopback rule, before anything is opened.
      Ros2Settings.fromEnvironment(System.getenv(), rateHz, leaseAtStart, drive);
    }
  }

  /**
   * Starts the bridge if {@code --ros2} was given, beside an existing operator link that someone
   * else ticks (sim --realtime).
   *
   * @param telemetry the mailbox the rest of the app reads telemetry from
   * @param errors receives the bridge's refusals (published on {@code state/error})
   */
  public Ros2Session start(
      OperatorLink link,
      Mailbox<Telemetry> telemetry,
      RobotDescription robot,
      java.util.function.Consumer<String> errors,
      PrintWriter out)
      throws Exception {
    return start(link, false, telemetry, robot, errors, out);
  }

  private Ros2Session start(
      OperatorLink link,
      boolean tickLink,
      Mailbox<Telemetry> telemetry,
      RobotDescription robot,
      java.util.function.Consumer<String> errors,
      PrintWriter out)
      throws Exception {
    if (!enabled) {
      return new Ros2Session(null, telemetry);
    }
    Ros2Settings s = Ros2Settings.fromEnvironment(System.getenv(), rateHz, leaseAtStart, drive);
    Mailbox<Telemetry> controllerSide = LocomotionConfig.telemetryMailbox();
    Ros2Bridge bridge =
        new Ros2Bridge(
            s, link, tickLink, controllerSide, telemetry, UrdfWriter.write(robot), errors);
    out.printf(
        Locale.ROOT,
        "ROS 2: domain %d, %s, %.0f Hz, %s, /robodog/estop engages%n",
        s.domainId(),
        s.localhostOnly() ? "loopback only" : "all interfaces",
        s.rateHz(),
        !s.drive()
            ? "driving off (observe only; --ros2-drive)"
            : s.leaseAtStart()
                ? "/cmd_vel drives, lease acquired at start"
                : "/cmd_vel drives with the lease from /robodog/lease");
    out.flush();
    return new Ros2Session(bridge, controllerSide);
  }
}
