package robodog.learning.runtime;

import robodog.core.GaitSetting;

/**
 * How an action vector becomes gait settings, shared by training and the runtime so they cannot
 * drift: components 0..g-1 score the g table gaits (the highest wins), then speed scale, step
 * height and body height, each mapped linearly from [-1, 1] onto its range.
 */
public final class TerrainActions {
  /**
   * Policy decisions per second: the rate the policy was trained at and the robot decides at (one
   * number, so training and the robot cannot drift apart).
   */
  public static final double DECISION_HZ = 1.0;

  /** Speed scale range, dimensionless factor on the operator's velocity. */
  public static final double SPEED_MIN = 0.5;

  public static final double SPEED_MAX = 1.5;

  /** Step height range, m. */
  public static final double STEP_MIN = 0.02;

  public static final double STEP_MAX = 0.08;

  /** Body height range around the neutral height, m. */
  public static final double BODY_DELTA = 0.02;

  /** An action component beyond ±this is garbage, not a saturated choice. */
  public static final double GARBAGE = 10;

  private final int gaits;
  private final double neutralBodyHeight;

  /**
   * @param gaits number of table gaits the policy chooses among
   * @param neutralBodyHeight standing body height, m
   */
  public TerrainActions(int gaits, double neutralBodyHeight) {
    this.gaits = gaits;
    this.neutralBodyHeight = neutralBodyHeight;
  }

  /** Length of an action vector. */
  public int size() {
    return gaits + 3;
  }

  /** True when every component is finite and within ±{@link #GARBAGE}. */
  public boolean valid(double[] a) {
    if (a.length != size()) {
      return false;
    }
    for (double v : a) {
      if (!(Math.abs(v) <= GARBAGE)) {
        return false;
      }
    }
    return true;
  }

  /** Decodes a valid action into {@code out} (sets active and status OK); allocation-free. */
  public void decode(double[] a, GaitSetting out) {
    int best = 0;
    for (int i = 1; i < gaits; i++) {
      if (a[i] > a[best]) {
        best = i;
      }
    }
    out.active = true;
    out.gaitIndex = best;
    out.speedScale = lerp(SPEED_MIN, SPEED_MAX, a[gaits]);
    out.stepHeight = lerp(STEP_MIN, STEP_MAX, a[gaits + 1]);
    out.bodyHeight = neutralBodyHeight + lerp(-BODY_DELTA, BODY_DELTA, a[gaits + 2]);
    out.status = GaitSetting.Status.OK;
  }

  /** Maps a setting back to the [-1, 1] scale of its range (for observations). */
  public static double unlerp(double lo, double hi, double v) {
    return Math.max(-1, Math.min(1, 2 * (v - lo) / (hi - lo) - 1));
  }

  private static double lerp(double lo, double hi, double a) {
    double c = Math.max(-1, Math.min(1, a));
    return lo + (c + 1) * 0.5 * (hi - lo);
  }
}
