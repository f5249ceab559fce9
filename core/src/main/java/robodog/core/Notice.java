package robodog.core;

/**
 * Why the controller did not do exactly what was asked. Each has a human sentence so the tablet,
 * logs and CLI say the same thing.
 */
public enum Notice {
  NONE("ok"),
  POSE_REFUSED_UNSTABLE("body pose refused: it would put the centre of mass outside the feet"),
  GAIT_REFUSED_UNSTABLE(
      "gait refused: with the failed legs it would make the stability margin negative"),
  GAIT_INDEX_INVALID("gait refused: no such gait"),
  TOO_MANY_FAILED_LEGS("failed legs refused: at most one leg may be failed"),
  SPEED_LIMITED("velocity limited to what the gait can step"),
  SLOWED_FOR_SLIP("feet slipping: slowed down, short steps in the wave gait"),
  RECOVERING(
      "recovering balance: body tilted or sagging; stopped, stepping the feet back under it"),
  COMMAND_EXPIRED("velocity command expired (ttl or operator watchdog): stopping"),
  IK_LIMITED("a foot target was outside reach or joint limits and was clamped"),
  ESTOP_LATCHED("E-stop latched: release explicitly to continue"),
  ESTOP_SETTLING(
      "E-stop: lowering the body to the ground, then servo power off; no velocity is obeyed"),
  FALL_DETECTED(
      "fall detected (body tilted beyond 45 degrees): servo power off; release the E-stop and"
          + " ask for a mode to stand up"),
  FAULT_LATCHED("fault latched after a controller error: release explicitly to continue"),
  MODE_REFUSED("mode change refused from the current mode"),
  BATTERY_CRITICAL("battery critical: the robot sits down and will not stand until it is charged"),
  COMMAND_FIELD_REFUSED(
      "command field refused: not a finite number in range; its previous value holds"),
  GAIT_ADVICE_REFUSED(
      "gait advice refused: not a finite number in range; the previous advice holds"),
  SAFETY_LIMIT_REFUSED(
      "perception safety limit refused: not a finite number in range; treated as degraded"),
  SENSOR_SAMPLE_DROPPED(
      "sensor sample dropped: not a finite number in range; the previous good sample holds"),
  SENSOR_FAULT(
      "fault latched: a sensor stayed invalid; holding the last good pose, release to continue"),
  NON_FINITE_FAULT(
      "fault latched: a non-finite value inside the controller; holding the last good pose,"
          + " release to continue"),
  ACTUATOR_FAULT(
      "fault latched: the servo driver refused a non-finite joint target; holding the last good"
          + " pose, release to continue"),
  LEG_CHECKING(
      "a leg stopped following its target: folded, walking on five while its joint is tested in"
          + " the air"),
  LEG_OBSTRUCTED(
      "the leg was obstructed, not broken: its joint moved freely in the air, it walks again"),
  LEG_FAILURE_DETECTED(
      "leg failure detected: the leg is folded and the robot walks on five; power off and on to"
          + " clear (see the telemetry's leg failure evidence)");

  /** Cached {@code values()}. */
  public static final Notice[] VALUES = values();

  private final String text;

  Notice(String text) {
    this.text = text;
  }

  /** A sentence for operators. */
  public String text() {
    return text;
  }
}
