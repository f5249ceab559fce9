package robodog.locomotion.health;

import robodog.core.JointKind;
import robodog.core.Joints;
import robodog.core.RobotState;

/**
 * The joint-tracking evidence of {@link LegHealthMonitor}, per joint: how far and how long each
 * joint stayed off the target it was sent, and whether it moved at all when told to. Each measure
 * is a fraction of its limit; 1 fails the joint's leg.
 *
 * <ul>
 *   <li>Score: the excess of |error| over {@value #TRACK_TOLERANCE_RAD} rad (above the servo's lag
 *       at full speed, 0.14 rad, plus its dead band) integrated over time, draining while the joint
 *       tracks; limit {@value #TRACK_SCORE_RADS} rad·s.
 *   <li>Mean |error| (first-order, {@value #MEAN_ERROR_TAU_S} s): a joint always somewhat behind;
 *       limit {@value #MEAN_ERROR_LIMIT_RAD} rad. A sound one averages a few hundredths, but
 *       reached 0.14 rad on equipment-run (a femur at the wave-to-ripple change, seed 17), hence
 *       this high.
 *   <li>Frozen: commanded along at least {@value #MIN_PATH_RAD} rad of path (leaky sum, {@value
 *       #PATH_TAU_S} s), or {@value #SLOW_MIN_PATH_RAD} rad over {@value #SLOW_PATH_TAU_S} s, and
 *       moved less than {@value #MOVED_FRACTION} of it: a stuck servo wherever it stuck, never far
 *       behind, never moving.
 * </ul>
 *
 * <p>Control thread only; allocation-free.
 */
final class JointTracking {
  static final double TRACK_TOLERANCE_RAD = 0.2;
  static final double TRACK_SCORE_RADS = 0.03;
  static final double MEAN_ERROR_LIMIT_RAD = 0.2;
  static final double MEAN_ERROR_TAU_S = 1.0;
  static final double MIN_PATH_RAD = 0.3;
  static final double PATH_TAU_S = 0.4;

  /**
   * A tripod coxa at 0.1 m/s is commanded 0.17 rad each way per 0.8 s cycle, never 0.3 rad within
   * 0.4 s, so a coxa stuck mid-range was never found. Over a cycle its path sums to 0.34 rad; the
   * movement it made before it stuck has drained below a fifth of that 1.3 s later.
   */
  static final double SLOW_PATH_TAU_S = 0.8;

  static final double SLOW_MIN_PATH_RAD = 0.2;
  static final double MOVED_FRACTION = 0.2;

  private static final double FILTER_TAU_S = 0.1;
  private static final double PATH_STEP_RAD = 0.05;
  private static final double EFFORT_TAU_S = 0.2;

  private final double[] trackScore = new double[Joints.COUNT];
  private final double[] meanError = new double[Joints.COUNT];
  private final double[] filtered = new double[Joints.COUNT];
  private final double[] lastSent = new double[Joints.COUNT];
  private final double[] lastMoved = new double[Joints.COUNT];
  private final double[] filteredTarget = new double[Joints.COUNT];
  private final double[] targetPath = new double[Joints.COUNT];
  private final double[] movedPath = new double[Joints.COUNT];
  private final double[] slowTargetPath = new double[Joints.COUNT];
  private final double[] slowMovedPath = new double[Joints.COUNT];
  private final double[] meanEffort = new double[Joints.COUNT];
  private boolean primed;

  /**
   * Advances the paths and the mean torques by one tick (every joint, watched or not).
   *
   * @param sent the joint targets the servos held during the last period, rad (18)
   */
  void advance(RobotState s, double[] sent, double dt) {
    if (!primed) {
      primed = true;
      for (int j = 0; j < Joints.COUNT; j++) {
        filtered[j] = s.jointPosition[j];
        lastMoved[j] = s.jointPosition[j];
        lastSent[j] = sent[j];
        filteredTarget[j] = sent[j];
      }
    }
    double a = Math.min(1, dt / EFFORT_TAU_S);
    double keep = 1 - Math.min(1, dt / PATH_TAU_S);
    double keepSlow = 1 - Math.min(1, dt / SLOW_PATH_TAU_S);
    double f = Math.min(1, dt / FILTER_TAU_S);
    for (int j = 0; j < Joints.COUNT; j++) {
      double e = s.jointEffort[j];
      meanEffort[j] += a * ((Double.isNaN(e) ? 0 : Math.abs(e)) - meanEffort[j]);
      // Path travelled lately, commanded and measured, both low-passed (0.1 s) and counted in
      // steps of PATH_STEP_RAD (a ratchet): fast small wiggles of the target, which a sound servo
      // smooths out, and read-back noise would otherwise count for one side and not the other
      // (healthy femurs on slope-15 then "moved" a third of their raw commanded path).
      filtered[j] += f * (s.jointPosition[j] - filtered[j]);
      filteredTarget[j] += f * (sent[j] - filteredTarget[j]);
      targetPath[j] *= keep;
      movedPath[j] *= keep;
      slowTargetPath[j] *= keepSlow;
      slowMovedPath[j] *= keepSlow;
      double dTarget = Math.abs(filteredTarget[j] - lastSent[j]);
      if (dTarget >= PATH_STEP_RAD) {
        targetPath[j] += dTarget;
        slowTargetPath[j] += dTarget;
        lastSent[j] = filteredTarget[j];
      }
      double dMoved = Math.abs(filtered[j] - lastMoved[j]);
      if (dMoved >= PATH_STEP_RAD) {
        movedPath[j] += dMoved;
        slowMovedPath[j] += dMoved;
        lastMoved[j] = filtered[j];
      }
    }
  }

  /**
   * Updates joint {@code j}'s error measures with this tick's |error| and returns the largest
   * fraction of a limit it now stands at (1 fails the leg).
   */
  double fraction(int j, double errorRad, double dt) {
    trackScore[j] = Math.max(0, trackScore[j] + (errorRad - TRACK_TOLERANCE_RAD) * dt);
    meanError[j] += Math.min(1, dt / MEAN_ERROR_TAU_S) * (errorRad - meanError[j]);
    double frozen =
        Math.max(
            frozen(targetPath[j], movedPath[j], MIN_PATH_RAD),
            frozen(slowTargetPath[j], slowMovedPath[j], SLOW_MIN_PATH_RAD));
    return Math.max(
        Math.max(trackScore[j] / TRACK_SCORE_RADS, meanError[j] / MEAN_ERROR_LIMIT_RAD), frozen);
  }

  /** Mean |torque| of joint {@code j} over the last 0.2 s, N·m (0 when the servo reports none). */
  double meanEffortNm(int j) {
    return meanEffort[j];
  }

  private static double frozen(double target, double moved, double minPath) {
    return target >= minPath ? (1 - moved / target) / (1 - MOVED_FRACTION) : 0;
  }

  /** Forgets leg {@code leg}'s evidence (it proved sound). */
  void forgetLeg(int leg) {
    for (int k = 0; k < JointKind.COUNT; k++) {
      reset(Joints.index(leg, k));
    }
  }

  /** Forgets everything; the filters start again from the next reading. */
  void drain() {
    for (int j = 0; j < Joints.COUNT; j++) {
      reset(j);
    }
    primed = false;
  }

  private void reset(int j) {
    trackScore[j] = 0;
    meanError[j] = 0;
    targetPath[j] = 0;
    movedPath[j] = 0;
    slowTargetPath[j] = 0;
    slowMovedPath[j] = 0;
  }
}
