package robodog.hardware.imu;

/**
 * Gyro bias measured at start while the robot stands still: the mean of N readings, refused when
 * the spread says the robot moved (a bias taken while moving would tilt the attitude estimate for
 * the whole run). Start-up only.
 */
public final class GyroBias {
  /** A reading source (the driver's {@code read}). */
  @FunctionalInterface
  public interface Source {
    void read(double[] accel, double[] gyro);
  }

  private GyroBias() {}

  /**
   * @param samples readings to average
   * @param maxStdRadPerS largest acceptable standard deviation per axis, rad/s
   * @return bias x, y, z, rad/s
   * @throws IllegalStateException if the robot moved
   */
  public static double[] measure(Source source, int samples, double maxStdRadPerS) {
    double[] a = new double[3];
    double[] g = new double[3];
    double[] sum = new double[3];
    double[] sq = new double[3];
    for (int k = 0; k < samples; k++) {
      source.read(a, g);
      for (int i = 0; i < 3; i++) {
        sum[i] += g[i];
        sq[i] += g[i] * g[i];
      }
    }
    double[] bias = new double[3];
    for (int i = 0; i < 3; i++) {
      bias[i] = sum[i] / samples;
      double std = Math.sqrt(Math.max(0, sq[i] / samples - bias[i] * bias[i]));
      if (std > maxStdRadPerS) {
        throw new IllegalStateException(
            String.format(
                "gyro calibration refused: the robot moved (axis %c spread %.4f rad/s, expected at"
                    + " most %.4f); keep it still at power-on",
                "xyz".charAt(i), std, maxStdRadPerS));
      }
    }
    return bias;
  }
}
