package robodog.locomotion.body;

/**
 * Holds the heading while nobody steers: when the commanded yaw rate is zero during a walk, the
 * heading the IMU measured at that moment becomes the reference and a proportional yaw-rate
 * correction keeps the body on it. Without it, a straight walk turns by itself (uneven slip of the
 * feet yaws the body a few degrees per minute: 15° over a 9 m course), and a robot on a 3 m wide
 * landing walks off its side. Any steering command releases the hold; the next zero yaw rate takes
 * the heading the robot then has, so the operator's turns are never undone.
 *
 * <p>The IMU's yaw is the fused heading the hardware reports (on the Pi, gyro-integrated with bias
 * correction, so it drifts slowly; the hold follows the same drift the odometry sees). Control
 * thread only; allocation-free.
 */
public final class HeadingHold {
  /** Correction gain, rad/s per rad of heading error. */
  static final double GAIN_PER_S = 0.8;

  /** Largest correction, rad/s (about 6°/s): a hold never turns the robot faster than this. */
  static final double MAX_RATE = Math.toRadians(6);

  /** Yaw rates at or below this, rad/s, count as "not steering". */
  static final double STEER_THRESHOLD = 1e-3;

  private boolean holding;
  private double reference;
  private double correction;

  /**
   * One tick.
   *
   * @param walking true while the robot walks and may be steered
   * @param commandedYawRate the operator's yaw rate, rad/s
   * @param imuYaw measured heading, rad; a non-finite value releases the hold
   * @return the yaw-rate correction to add, rad/s (0 when not holding)
   */
  public double update(boolean walking, double commandedYawRate, double imuYaw) {
    if (!walking || Math.abs(commandedYawRate) > STEER_THRESHOLD || !Double.isFinite(imuYaw)) {
      holding = false;
      correction = 0;
      return 0;
    }
    if (!holding) {
      holding = true;
      reference = imuYaw;
    }
    double error = Math.IEEEremainder(reference - imuYaw, 2 * Math.PI);
    correction = RateLimit.clamp(GAIN_PER_S * error, -MAX_RATE, MAX_RATE);
    return correction;
  }

  /** True while a heading is held. */
  public boolean holding() {
    return holding;
  }

  /** The held heading, rad (meaningful while {@link #holding}). */
  public double reference() {
    return reference;
  }

  /** The last correction, rad/s. */
  public double correction() {
    return correction;
  }
}
