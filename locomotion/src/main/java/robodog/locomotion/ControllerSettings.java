package robodog.locomotion;

import java.nio.file.Path;
import java.util.Set;
import robodog.core.config.ConfigNode;

/**
 * Controller limits from {@code config/controller.yaml}, in SI units. Immutable; any thread.
 *
 * @param loopRateHz control tick rate, Hz
 * @param maxAccel linear acceleration limit, m/s²
 * @param maxYawAccel yaw acceleration limit, rad/s²
 * @param maxYawRate yaw rate ceiling, rad/s
 * @param heightRate body height rate, m/s
 * @param angleRate body roll/pitch/yaw rate, rad/s
 * @param shiftRate body x/y shift rate, m/s
 * @param maxRoll roll limit, rad
 * @param maxPitch pitch limit, rad
 * @param maxYaw body yaw offset limit, rad
 * @param maxShift shift limit, m
 * @param minHeight lowest body height, m
 * @param maxHeight highest body height, m
 * @param minMargin smallest static stability margin accepted, m
 * @param neighbourShift yaw shift of a failed leg's same-side neighbours, rad
 * @param fiveLegCycle cycle of the derived five-leg gait, s
 * @param fiveLegStepHeight step height of the five-leg gait, m
 * @param powerOnJointSpeed joint speed when powering on into the sitting pose, rad/s
 * @param softwareEstopSettles true: a software E-stop (no {@code cut}) first lowers the body to
 *     sitting height with its feet planted, then cuts servo power (IEC 60204-1 category 1); false:
 *     it cuts at once (category 0), as the hardware button and a link-level cut always do
 * @param settleMaxS longest a settle may take before servo power is cut whatever it reached, s
 */
public record ControllerSettings(
    double loopRateHz,
    double maxAccel,
    double maxYawAccel,
    double maxYawRate,
    double heightRate,
    double angleRate,
    double shiftRate,
    double maxRoll,
    double maxPitch,
    double maxYaw,
    double maxShift,
    double minHeight,
    double maxHeight,
    double minMargin,
    double neighbourShift,
    double fiveLegCycle,
    double fiveLegStepHeight,
    double powerOnJointSpeed,
    boolean softwareEstopSettles,
    double settleMaxS) {

  /** Default E-stop policy when a file has no {@code estop} section: settle for at most 2 s. */
  public static final double DEFAULT_SETTLE_MAX_S = 2.0;

  /** The limits with the default E-stop policy (settle, {@link #DEFAULT_SETTLE_MAX_S}). */
  public ControllerSettings(
      double loopRateHz,
      double maxAccel,
      double maxYawAccel,
      double maxYawRate,
      double heightRate,
      double angleRate,
      double shiftRate,
      double maxRoll,
      double maxPitch,
      double maxYaw,
      double maxShift,
      double minHeight,
      double maxHeight,
      double minMargin,
      double neighbourShift,
      double fiveLegCycle,
      double fiveLegStepHeight,
      double powerOnJointSpeed) {
    this(
        loopRateHz,
        maxAccel,
        maxYawAccel,
        maxYawRate,
        heightRate,
        angleRate,
        shiftRate,
        maxRoll,
        maxPitch,
        maxYaw,
        maxShift,
        minHeight,
        maxHeight,
        minMargin,
        neighbourShift,
        fiveLegCycle,
        fiveLegStepHeight,
        powerOnJointSpeed,
        true,
        DEFAULT_SETTLE_MAX_S);
  }

  /** Loads and validates a controller file. */
  public static ControllerSettings load(Path file) {
    return from(ConfigNode.load(file));
  }

  /** Validates a parsed controller file; errors name the field. */
  public static ControllerSettings from(ConfigNode root) {
    root.rejectUnknown(
        Set.of(
            "loop_rate_hz",
            "velocity",
            "body",
            "stability",
            "fault",
            "estop",
            "power_on_joint_speed_deg_s"));
    ConfigNode v = root.child("velocity");
    v.rejectUnknown(Set.of("max_accel_mps2", "max_yaw_accel_deg_s2", "max_yaw_rate_deg_s"));
    ConfigNode b = root.child("body");
    b.rejectUnknown(
        Set.of(
            "height_rate_mps",
            "angle_rate_deg_s",
            "shift_rate_mps",
            "max_roll_deg",
            "max_pitch_deg",
            "max_yaw_deg",
            "max_shift_m",
            "min_height_m",
            "max_height_m"));
    ConfigNode s = root.child("stability");
    s.rejectUnknown(Set.of("min_margin_m"));
    ConfigNode f = root.child("fault");
    f.rejectUnknown(Set.of("neighbour_shift_deg", "five_leg_cycle_s", "five_leg_step_height_m"));
    double minH = b.requireDouble("min_height_m", 0.0, 2, "m");
    double maxH = b.requireDouble("max_height_m", 0.0, 2, "m");
    if (maxH <= minH) {
      throw b.error("max_height_m", "a height above min_height_m (" + minH + " m)");
    }
    ConfigNode e = root.optChild("estop");
    e.rejectUnknown(Set.of("software_stop", "settle_max_s"));
    String stop = e.optString("software_stop", "settle");
    if (!stop.equals("settle") && !stop.equals("cut")) {
      throw e.error(
          "software_stop",
          "settle (lower the body, then cut: category 1) or cut (servos off at once: category 0)");
    }
    boolean settles = stop.equals("settle");
    double settleMax = e.optDouble("settle_max_s", DEFAULT_SETTLE_MAX_S, 0.1, 10, "s");
    return new ControllerSettings(
        root.requireDouble("loop_rate_hz", 10, 5000, "Hz"),
        v.requireDouble("max_accel_mps2", 0.01, 20, "m/s²"),
        Math.toRadians(v.requireDouble("max_yaw_accel_deg_s2", 1, 5000, "deg/s²")),
        Math.toRadians(v.requireDouble("max_yaw_rate_deg_s", 1, 720, "deg/s")),
        b.requireDouble("height_rate_mps", 0.001, 2, "m/s"),
        Math.toRadians(b.requireDouble("angle_rate_deg_s", 0.1, 720, "deg/s")),
        b.requireDouble("shift_rate_mps", 0.001, 2, "m/s"),
        Math.toRadians(b.requireDouble("max_roll_deg", 0, 45, "deg")),
        Math.toRadians(b.requireDouble("max_pitch_deg", 0, 45, "deg")),
        Math.toRadians(b.requireDouble("max_yaw_deg", 0, 45, "deg")),
        b.requireDouble("max_shift_m", 0, 0.5, "m"),
        minH,
        maxH,
        s.requireDouble("min_margin_m", 0, 0.5, "m"),
        Math.toRadians(f.requireDouble("neighbour_shift_deg", 0, 60, "deg")),
        f.requireDouble("five_leg_cycle_s", 0.2, 30, "s"),
        f.requireDouble("five_leg_step_height_m", 0, 0.3, "m"),
        Math.toRadians(root.requireDouble("power_on_joint_speed_deg_s", 1, 720, "deg/s")),
        settles,
        settleMax);
  }
}
