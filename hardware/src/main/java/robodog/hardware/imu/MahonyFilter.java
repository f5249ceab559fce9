package robodog.hardware.imu;

/**
 * Mahony's complementary filter on SO(3): integrates the gyro and pulls the estimated "up" toward
 * the accelerometer's with a PI correction, so roll and pitch neither drift (gyro alone) nor shake
 * with every footfall (accelerometer alone). Yaw is gyro-only (no magnetometer). Output is the
 * orientation quaternion (w, x, y, z) of base_link in odom.
 *
 * <p>Control thread only; allocation-free.
 */
public final class MahonyFilter {
  private final double kp;
  private final double ki;
  private double qw = 1;
  private double qx;
  private double qy;
  private double qz;
  private double ix;
  private double iy;
  private double iz;

  /**
   * @param kp proportional gain, 1/s (how fast the accelerometer corrects; ~1–2)
   * @param ki integral gain, 1/s² (learns the residual gyro bias; ~0.01–0.1)
   */
  public MahonyFilter(double kp, double ki) {
    this.kp = kp;
    this.ki = ki;
  }

  /**
   * One update.
   *
   * @param gx angular rate about x, rad/s (bias removed); likewise gy, gz
   * @param ax specific force along x, m/s² (any scale); likewise ay, az
   * @param dt time step, s
   */
  public void update(double gx, double gy, double gz, double ax, double ay, double az, double dt) {
    double n = Math.sqrt(ax * ax + ay * ay + az * az);
    if (n > 1e-6) {
      ax /= n;
      ay /= n;
      az /= n;
      // Up predicted by the current estimate, in the body frame: third row of R(q).
      double vx = 2 * (qx * qz - qw * qy);
      double vy = 2 * (qw * qx + qy * qz);
      double vz = qw * qw - qx * qx - qy * qy + qz * qz;
      double ex = ay * vz - az * vy;
      double ey = az * vx - ax * vz;
      double ez = ax * vy - ay * vx;
      ix += ki * ex * dt;
      iy += ki * ey * dt;
      iz += ki * ez * dt;
      gx += kp * ex + ix;
      gy += kp * ey + iy;
      gz += kp * ez + iz;
    }
    double hw = 0.5 * dt;
    double w = qw - hw * (qx * gx + qy * gy + qz * gz);
    double x = qx + hw * (qw * gx + qy * gz - qz * gy);
    double y = qy + hw * (qw * gy - qx * gz + qz * gx);
    double z = qz + hw * (qw * gz + qx * gy - qy * gx);
    double m = Math.sqrt(w * w + x * x + y * y + z * z);
    qw = w / m;
    qx = x / m;
    qy = y / m;
    qz = z / m;
  }

  /** Writes the quaternion (w, x, y, z) into {@code out[0..3]}. */
  public void quaternion(double[] out) {
    out[0] = qw;
    out[1] = qx;
    out[2] = qy;
    out[3] = qz;
  }
}
