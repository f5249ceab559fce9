package robodog.core;

/**
 * What made the controller declare a leg failed by itself (see {@code LegHealthMonitor} in
 * locomotion). Each has a sentence for the tablet, logs and reports, and a short wire name.
 * Immutable; any thread.
 */
public enum LegFailureEvidence {
  NONE("none", "no leg failure detected"),
  JOINT_BLOCKED(
      "joint_blocked",
      "a joint stopped following its target while torque held it (stuck servo, jammed joint, or a"
          + " limp joint resting on its stop)"),
  JOINT_LIMP("joint_limp", "a joint stopped following its target with no torque (limp servo)"),
  JOINT_NOT_TRACKING("joint_not_tracking", "a joint stopped following its target"),
  FOOT_NO_CONTACT(
      "foot_no_contact",
      "the foot has not touched the ground for over a second while the other feet stand (leg"
          + " shortened, foot lost, or its contact switch failed)");

  /** Cached {@code values()}. */
  public static final LegFailureEvidence[] VALUES = values();

  private final String wireName;
  private final String text;

  LegFailureEvidence(String wireName, String text) {
    this.wireName = wireName;
    this.text = text;
  }

  /** Lower-case name used on the wire and in reports, e.g. {@code joint_limp}. */
  public String wireName() {
    return wireName;
  }

  /** A sentence for operators. */
  public String text() {
    return text;
  }
}
