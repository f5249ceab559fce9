package robodog.locomotion;

/**
 * Planar dead reckoning of base_link in the odom frame (REP-105: continuous, drifts, starts at the
 * origin). Translation integrates the body velocity the gait realises (the stance feet are moved at
 * exactly minus that velocity, so it is the legs' own odometry as long as no foot slips), and so
 * does heading (the realised yaw rate, not the gyro: an MPU-6050's yaw rate drifts ~1°/min after
 * bias removal, about what turning slip costs, and kinematic heading needs no IMU at all). Slip and
 * stumbles show up as drift; autonomy corrects it on markers.
 *
 * <p>Units: m, rad, s. Control thread only; allocation-free.
 */
public final class Odometry {
  private double x;
  private double y;
  private double yaw;

  /**
   * Advances by one tick.
   *
   * @param vx forward velocity in base_link, m/s
   * @param vy leftward velocity in base_link, m/s
   * @param yawRate yaw rate, rad/s
   * @param dt tick length, s
   */
  public void step(double vx, double vy, double yawRate, double dt) {
    // Midpoint heading: exact for a constant twist to second order, cheaper than the exp map.
    double mid = yaw + 0.5 * yawRate * dt;
    double c = Math.cos(mid);
    double s = Math.sin(mid);
    x += (c * vx - s * vy) * dt;
    y += (s * vx + c * vy) * dt;
    yaw = wrap(yaw + yawRate * dt);
  }

  /** Puts the odom origin back under the robot. */
  public void reset() {
    x = 0;
    y = 0;
    yaw = 0;
  }

  public double x() {
    return x;
  }

  public double y() {
    return y;
  }

  public double yaw() {
    return yaw;
  }

  static double wrap(double a) {
    if (a > Math.PI || a < -Math.PI) {
      a = a - 2 * Math.PI * Math.floor((a + Math.PI) / (2 * Math.PI));
    }
    return a;
  }
}
