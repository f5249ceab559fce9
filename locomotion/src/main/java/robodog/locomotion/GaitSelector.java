package robodog.locomotion;

import robodog.core.LegId;
import robodog.core.Notice;
import robodog.locomotion.gait.GaitLibrary;
import robodog.locomotion.gait.StepPlanner;

/**
 * Which gait runs and which leg (at most one) is failed, and what that implies for the step
 * planner: a failed leg folds, the neighbours' footholds and the body shift come from the derived
 * five-leg plan, and only gaits that stay stable without that leg are allowed.
 *
 * <p>Control thread only; allocation-free. Methods return the {@link Notice} of a refusal, or
 * {@link Notice#NONE}; a refused request changes nothing.
 */
final class GaitSelector {
  private final GaitLibrary gaits;
  private final StepPlanner planner;
  private final double[] baseNeutralX;
  private final double[] baseNeutralY;
  private int gaitIndex;
  private int failedLeg = -1;

  /** Neutral footholds (m, walking frame) with six legs; arrays are read, never written. */
  GaitSelector(
      GaitLibrary gaits, StepPlanner planner, double[] baseNeutralX, double[] baseNeutralY) {
    this.gaits = gaits;
    this.planner = planner;
    this.baseNeutralX = baseNeutralX;
    this.baseNeutralY = baseNeutralY;
    applyNeutrals();
  }

  /** Marks the failed leg from a bit mask ({@code 1 << leg.ordinal()}; 0 = none). */
  Notice applyFailedLegs(int mask) {
    int requested = -1;
    if (mask != 0) {
      if (Integer.bitCount(mask) > 1 || mask >= (1 << LegId.COUNT)) {
        return Notice.TOO_MANY_FAILED_LEGS;
      }
      requested = Integer.numberOfTrailingZeros(mask);
    }
    if (requested == failedLeg) {
      return Notice.NONE;
    }
    if (failedLeg >= 0) {
      planner.setFailed(failedLeg, false);
    }
    failedLeg = requested;
    applyNeutrals();
    if (failedLeg >= 0) {
      planner.setFailed(failedLeg, true);
      gaitIndex = gaits.fiveLegIndex(failedLeg);
      planner.setGait(gaits.get(gaitIndex));
    } else if (gaitIndex >= gaits.table().gaits().size()) {
      gaitIndex = gaits.table().gaits().size() - 1; // the most stable table gait: last row
      planner.setGait(gaits.get(gaitIndex));
    }
    return Notice.NONE;
  }

  /** Switches to gait row {@code requested}; negative or the current one changes nothing. */
  Notice applyGait(int requested) {
    if (requested < 0 || requested == gaitIndex) {
      return Notice.NONE;
    }
    if (requested >= gaits.size()) {
      return Notice.GAIT_INDEX_INVALID;
    }
    if (!gaits.allowed(requested, failedLeg)) {
      return Notice.GAIT_REFUSED_UNSTABLE;
    }
    gaitIndex = requested;
    planner.setGait(gaits.get(requested));
    return Notice.NONE;
  }

  private void applyNeutrals() {
    for (int i = 0; i < LegId.COUNT; i++) {
      if (failedLeg >= 0) {
        planner.setNeutral(
            i, gaits.plan(failedLeg).neutralX()[i], gaits.plan(failedLeg).neutralY()[i]);
      } else {
        planner.setNeutral(i, baseNeutralX[i], baseNeutralY[i]);
      }
    }
  }

  int gaitIndex() {
    return gaitIndex;
  }

  /** The failed leg's ordinal, or -1. */
  int failedLeg() {
    return failedLeg;
  }

  /** Body shift the five-leg plan needs, m (0 with six legs). */
  double shiftX() {
    return failedLeg >= 0 ? gaits.plan(failedLeg).shiftX() : 0;
  }

  double shiftY() {
    return failedLeg >= 0 ? gaits.plan(failedLeg).shiftY() : 0;
  }
}
