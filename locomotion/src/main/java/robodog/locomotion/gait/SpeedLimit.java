package robodog.locomotion.gait;

/**
 * How fast a gait can walk: its fastest foot may cover at most one stride per stance. The foot
 * speed of a body velocity (vx, vy, wz) at foothold (x, y) is |v + ω × p|. Pure functions,
 * allocation-free, any thread.
 */
public final class SpeedLimit {
  private SpeedLimit() {}

  /** Top foot speed of {@code gait}, m/s. */
  public static double footSpeedLimit(Gait gait, double maxStrideMeters) {
    return maxStrideMeters / gait.stanceSeconds();
  }

  /** Speed of the fastest neutral foothold relative to the ground for a body twist, m/s. */
  public static double worstFootSpeed(
      double vx, double vy, double wz, double[] neutralX, double[] neutralY) {
    double worst = 0;
    for (int i = 0; i < neutralX.length; i++) {
      double fx = vx - wz * neutralY[i];
      double fy = vy + wz * neutralX[i];
      worst = Math.max(worst, Math.sqrt(fx * fx + fy * fy));
    }
    return worst;
  }
}
