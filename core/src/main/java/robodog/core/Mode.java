package robodog.core;

/**
 * Controller modes. Transitions are owned by the locomotion mode machine:
 *
 * <pre>
 *   PASSIVE -&gt; SITTING -&gt; STANDING -&gt; WALKING
 *                  ^__________|   ^________|
 *   any -&gt; ESTOP (latched; only an explicit release leaves it, to PASSIVE)
 *   any -&gt; FAULT (a tick threw; joints hold their last good targets; release like ESTOP)
 * </pre>
 */
public enum Mode {
  /** Servos unpowered; the robot lies on its belly. */
  PASSIVE,
  /** Powered, belly near the ground, all feet down. */
  SITTING,
  /** Standing at body height with all feet down; body pose commands apply. */
  STANDING,
  /** Stepping in the current gait, following the velocity command. */
  WALKING,
  /**
   * Latched emergency stop: outputs off until explicitly released. A software E-stop may first
   * settle the body to the ground (notice {@link Notice#ESTOP_SETTLING}, servos still on, no
   * velocity obeyed) before the outputs go off; a detected fall latches it too.
   */
  ESTOP,
  /** Latched fault after an exception: last good joint targets held, no stepping. */
  FAULT;

  /** Cached {@code values()}. */
  public static final Mode[] VALUES = values();
}
