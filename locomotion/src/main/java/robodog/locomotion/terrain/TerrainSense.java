package robodog.locomotion.terrain;

import robodog.core.LegId;
import robodog.locomotion.gait.StepPlanner;

/**
 * The ground under the feet as the legs feel it, without a camera: at every sensed touch-down the
 * height where the foot met the ground relative to where its swing planned to land ({@link
 * StepPlanner#touchdownDz}). Pavement gives millimetres; gravel and rough dirt a centimetre or two;
 * a step its rise. {@link #unevenness} is the largest recent deviation, decaying with a time
 * constant of {@value #DECAY_S} s of walking, so one stone does not keep the robot slow for long
 * but a field of them does.
 *
 * <p>Control thread only; allocation-free.
 */
public final class TerrainSense {
  /** Decay time constant of the unevenness peak, s. */
  static final double DECAY_S = 3.0;

  private final long[] seen = new long[LegId.COUNT];

  /** Weight of one touch-down in the fast running mean of signed deviations. */
  static final double FAST_WEIGHT = 0.25;

  /** Weight of one touch-down in the slow baseline (the surface's own bias). */
  static final double SLOW_WEIGHT = 0.02;

  private double unevenness;
  private double lastDz;
  private double climb;
  private double fast;
  private double slow;

  /**
   * Reads the touch-downs since the last call.
   *
   * @param walking false while standing: the peak then holds (nothing new is felt)
   * @param dt tick, s
   */
  public void update(StepPlanner planner, boolean walking, double dt) {
    if (walking) {
      unevenness *= Math.exp(-dt / DECAY_S);
    }
    for (int i = 0; i < LegId.COUNT; i++) {
      long n = planner.touchdowns(i);
      if (n != seen[i]) {
        seen[i] = n;
        double dz = planner.touchdownDz(i);
        if (Double.isFinite(dz)) {
          lastDz = dz;
          unevenness = Math.max(unevenness, Math.abs(dz));
          fast += FAST_WEIGHT * (dz - fast);
          slow += SLOW_WEIGHT * (dz - slow);
          climb = fast - slow;
        }
      }
    }
  }

  /** Largest recent touch-down height deviation, m (decaying). */
  public double unevenness() {
    return unevenness;
  }

  /**
   * Whether the feet keep landing high (positive, m) or low: a fast running mean of the signed
   * touch-down deviations (the last few touch-downs) against a slow one (the surface's own bias:
   * feet reaching a few millimetres below the plan on pavement). Near 0 on level or randomly rough
   * ground, where feet land as often high as low; clearly positive on a flight of steps up, where
   * every foot meets each riser early, and negative going down.
   */
  public double climb() {
    return climb;
  }

  /** The latest touch-down's deviation, m (positive: above the plan). */
  public double lastDz() {
    return lastDz;
  }

  /** Forgets what was felt (power-on). */
  public void reset() {
    unevenness = 0;
    lastDz = 0;
    climb = 0;
    fast = 0;
    slow = 0;
  }
}
