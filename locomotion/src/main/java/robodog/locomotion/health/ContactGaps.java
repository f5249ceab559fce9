package robodog.locomotion.health;

import robodog.core.LegId;

/**
 * The foot-contact evidence of {@link LegHealthMonitor}, per leg: a foot whose switch has not
 * closed for {@link LegHealthMonitor#NO_CONTACT_S} s (or {@link LegHealthMonitor#GAP_CYCLES} gait
 * cycles, when longer), while at least two other feet are on the ground (the body is supported, so
 * ground is within reach), and that also found nothing at a touch-down the planner made inside that
 * gap ({@link LegHealthMonitor#AFTER_LANDING_S} s after it: longer than the planner's search for
 * ground below the planned height). A stance foot alone may go unloaded for over a second (on the
 * stairs, the wave gait lifts the body off a front foot), so a gap without a failed touch-down
 * never counts; while standing this check therefore never fires.
 *
 * <p>Control thread only; allocation-free.
 */
final class ContactGaps {
  private final double[] noContactS = new double[LegId.COUNT];
  private final double[] sinceLandS = new double[LegId.COUNT];
  private final boolean[] landedInGap = new boolean[LegId.COUNT];
  private final boolean[] wasSwinging = new boolean[LegId.COUNT];
  private double limitS = LegHealthMonitor.NO_CONTACT_S;
  private double peakS;

  /** The running gait's cycle, s: a gap must outlast {@link LegHealthMonitor#GAP_CYCLES} of it. */
  void setCycle(double gaitCycleS) {
    limitS = Math.max(LegHealthMonitor.NO_CONTACT_S, LegHealthMonitor.GAP_CYCLES * gaitCycleS);
  }

  /** Leg {@code i} is not watched this tick (folded). */
  void ignore(int i) {
    noContactS[i] = 0;
  }

  /** Whether the planner has leg {@code i} in swing this tick; a swing's end is a touch-down. */
  void swing(int i, boolean swinging) {
    if (wasSwinging[i] && !swinging) {
      landedInGap[i] = true; // a touch-down the planner made: ground was expected from here on
      sinceLandS[i] = 0;
    }
    wasSwinging[i] = swinging;
  }

  /**
   * One tick of leg {@code i}; true when its gap now fails it.
   *
   * @param grounded watched feet in contact this tick
   */
  boolean failed(int i, boolean contact, int grounded, double dt) {
    if (contact) {
      noContactS[i] = 0;
      landedInGap[i] = false;
      return false;
    }
    sinceLandS[i] += dt;
    if (grounded < 2) {
      return false; // the body may not be on the ground at all: no expectation for this foot
    }
    noContactS[i] += dt;
    boolean counts = landedInGap[i] && sinceLandS[i] >= LegHealthMonitor.AFTER_LANDING_S;
    if (counts) {
      peakS = Math.max(peakS, noContactS[i]);
    }
    return counts && noContactS[i] >= limitS;
  }

  /** Forgets leg {@code i}'s gap (it proved sound). */
  void forgetLeg(int i) {
    noContactS[i] = 0;
    landedInGap[i] = false;
    wasSwinging[i] = false;
  }

  /** Forgets every gap. */
  void drain() {
    for (int i = 0; i < LegId.COUNT; i++) {
      noContactS[i] = 0;
      landedInGap[i] = false;
    }
  }

  /** Longest counted gap since start, s. */
  double peakS() {
    return peakS;
  }
}
