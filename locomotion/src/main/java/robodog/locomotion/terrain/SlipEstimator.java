package robodog.locomotion.terrain;

/**
 * How fast the feet slide over the ground, m/s: the body's velocity as the stance legs drive it
 * (the commanded walking-frame velocity the feet execute) against the body's velocity as the IMU
 * measures it. The IMU's horizontal acceleration (specific force rotated to level, gravity taken
 * off) is integrated and pulled toward the legs' velocity with a time constant of {@value #TAU_S}
 * s, so the accelerometer's bias cannot run away; while the feet grip, the two agree and the
 * residual is noise; when they slide, the body lags the legs and the residual grows. The yaw part
 * is direct: the gyro's yaw rate against the commanded one, times a foot's lever arm. Both are
 * low-passed over {@value #SMOOTH_S} s.
 *
 * <p>What it cannot see: a steady slide. The legs' velocity is its only long-term reference (there
 * is no camera odometry in the loop), so a sudden loss of grip reads about a third of the sliding
 * speed at its peak and then fades over a few time constants; a yaw slip reads fully for as long as
 * it lasts. That is enough to slow down on the first slide onto ice; it is not a friction estimate.
 *
 * <p>Control thread only; allocation-free.
 */
public final class SlipEstimator {
  static final double TAU_S = 0.5;
  static final double SMOOTH_S = 0.4;

  /** Lever arm turning a yaw-rate mismatch into a foot sliding speed, m (neutral foot radius). */
  private final double leverM;

  private double vx;
  private double vy;
  private double slip;
  private boolean primed;

  /**
   * @param leverM distance from the body centre to a neutral foothold, m
   */
  public SlipEstimator(double leverM) {
    this.leverM = leverM;
  }

  /**
   * One tick.
   *
   * @param q IMU orientation (w, x, y, z) of base_link in odom
   * @param accel IMU specific force in base_link, m/s²
   * @param gyroZ IMU yaw rate, rad/s (about base_link z)
   * @param legVx body velocity the stance legs drive, walking frame, m/s
   * @param legVy same, y
   * @param legWz yaw rate the stance legs drive, rad/s
   * @param supported true while at least three feet stand (no slip is defined otherwise)
   * @param dt tick, s
   */
  public void update(
      double[] q,
      double[] accel,
      double gyroZ,
      double legVx,
      double legVy,
      double legWz,
      boolean supported,
      double dt) {
    double w = q[0];
    double x = q[1];
    double y = q[2];
    double z = q[3];
    double fx = accel[0];
    double fy = accel[1];
    double fz = accel[2];
    // Rotate the specific force to odom (R·f), then to the heading frame, and take gravity off.
    double wx =
        (1 - 2 * (y * y + z * z)) * fx + 2 * (x * y - w * z) * fy + 2 * (x * z + w * y) * fz;
    double wy =
        2 * (x * y + w * z) * fx + (1 - 2 * (x * x + z * z)) * fy + 2 * (y * z - w * x) * fz;
    double yaw = Math.atan2(2 * (w * z + x * y), 1 - 2 * (y * y + z * z));
    double c = Math.cos(yaw);
    double s = Math.sin(yaw);
    double ax = c * wx + s * wy;
    double ay = -s * wx + c * wy;
    if (!(Double.isFinite(ax) && Double.isFinite(ay) && Double.isFinite(gyroZ))) {
      return;
    }
    if (!primed || !supported) {
      vx = legVx;
      vy = legVy;
      primed = true;
    }
    double k = dt / TAU_S;
    vx += ax * dt + (legVx - vx) * k;
    vy += ay * dt + (legVy - vy) * k;
    double linear = Math.hypot(legVx - vx, legVy - vy);
    double yawSlip = Math.abs(gyroZ - legWz) * leverM;
    double now = supported ? linear + yawSlip : 0;
    slip += (now - slip) * Math.min(1, dt / SMOOTH_S);
  }

  /** Estimated foot sliding speed, m/s (low-passed). */
  public double slip() {
    return slip;
  }

  /** Forgets the estimate (power-on). */
  public void reset() {
    primed = false;
    slip = 0;
  }
}
