package robodog.locomotion.stability;

import robodog.core.LegId;
import robodog.locomotion.gait.Gait;

/**
 * The smallest static stability margin a gait reaches over a whole cycle, found by sweeping the
 * nominal pattern: each stance foot slides from half a stride ahead of its neutral foothold to half
 * a stride behind, in each of four walking directions. Used at start-up to decide which gaits are
 * allowed (with and without a failed leg) and to check body poses cheaply: the margin is
 * 1-Lipschitz in the centre of mass, so moving the CoM by d costs at most d of margin.
 *
 * <p>Allocates nothing, but is far too slow for the tick (about a thousand hulls); call it at
 * start-up or off the control thread.
 */
public final class CycleMargin {
  private static final int SAMPLES = 240;
  private static final double[][] DIRECTIONS = {{1, 0}, {-1, 0}, {0, 1}, {0, -1}};

  private final StabilityMargin margin = new StabilityMargin();

  /**
   * @param gait the pattern
   * @param neutralX neutral footholds, walking frame, m, by leg ordinal
   * @param neutralY same, y
   * @param failedMask bit per failed leg (never supports)
   * @param comX centre of mass on the ground, m
   * @param comY same, y
   * @param strideMeters foot travel per stance, m
   * @return worst margin over the cycle and the four directions, m
   */
  public double worst(
      Gait gait,
      double[] neutralX,
      double[] neutralY,
      int failedMask,
      double comX,
      double comY,
      double strideMeters) {
    double worst = Double.POSITIVE_INFINITY;
    double swing = 1 - gait.dutyFactor();
    for (double[] d : DIRECTIONS) {
      for (int k = 0; k < SAMPLES; k++) {
        double phase = (k + 0.5) / SAMPLES;
        margin.clear();
        for (LegId leg : LegId.VALUES) {
          int i = leg.ordinal();
          if ((failedMask & (1 << i)) != 0) {
            continue;
          }
          double off = gait.offset(leg);
          double progress = 0.5;
          if (!Double.isNaN(off)) {
            double psi = phase - off;
            psi -= Math.floor(psi);
            if (psi < swing) {
              continue;
            }
            progress = (psi - swing) / gait.dutyFactor();
          }
          double s = (0.5 - progress) * strideMeters;
          margin.add(neutralX[i] + s * d[0], neutralY[i] + s * d[1]);
        }
        double m = margin.margin(comX, comY);
        if (m < worst) {
          worst = m;
        }
      }
    }
    return worst;
  }
}
