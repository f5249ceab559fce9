package robodog.locomotion.health;

import robodog.core.JointKind;
import robodog.core.Joints;
import robodog.core.LegFailureEvidence;
import robodog.core.LegId;
import robodog.core.RobotState;
import robodog.locomotion.gait.StepPlanner;

/**
 * Notices a broken leg from what the hardware reports, so the controller can fold it and walk on
 * five without anyone declaring it. Two independent checks, each run per leg:
 *
 * <ul>
 *   <li><b>Joint tracking.</b> A joint whose measured angle stays away from the target it was sent
 *       by more than {@value #TRACK_TOLERANCE_RAD} rad (above the servo's lag at full speed, 0.14
 *       rad, plus its dead band) builds up a score of the excess error integrated over time (rad·s)
 *       that drains while it tracks; at {@value #TRACK_SCORE_RADS} rad·s the leg is failed. A joint
 *       whose mean error over about a second reaches {@value #MEAN_ERROR_LIMIT_RAD} rad is failed
 *       too, and so is one commanded along {@value #MIN_PATH_RAD} rad of path in 0.4 s (or in
 *       {@value #SLOW_PATH_TAU_S} s, for joints that swing little: a coxa at walking speed) that moved
 *       less than a fifth of it (a joint frozen mid-range: never far behind, never moving). The
 *       mean joint torque then tells a stuck servo (it still holds its frozen angle with torque)
 *       from a limp one (no torque). Needs position feedback: with servos that report their own
 *       command back (the Pi's hobby servos) the error is zero and this check never fires.
 *   <li><b>Foot contact.</b> A foot whose switch has not closed for {@value #NO_CONTACT_S} s (or
 *       {@value #GAP_CYCLES} gait cycles, when longer: 3.6 s in wave), while at least two other
 *       feet are on the ground (the body is supported, so ground is within reach), and that also
 *       found nothing at a touch-down the planner made inside that gap ({@value #AFTER_LANDING_S} s
 *       after it: longer than the planner's search for ground below the planned height), is failed.
 *       A stance foot alone may go unloaded for over a second (on the stairs, the wave gait lifts
 *       the body off a front foot), so a gap without a failed touch-down never counts; while
 *       standing this check therefore never fires. It cannot tell a short leg from a dead switch
 *       (joint torques overlap in the simulator's runs), and need not: either way the planner can
 *       no longer trust that foot.
 * </ul>
 *
 * <p>A joint that stopped following while torque held it may be broken or only obstructed (a foot
 * on top of a case, a femur pressed against a ridge): the leg folds at once either way, and a
 * {@link FoldTest} then drives the suspect joint in the air. If it follows, the leg was sound: the
 * detection is withdrawn, counted as an obstruction, and the leg walks again; if not, the
 * detection is confirmed. A limp joint (no torque) and a foot without contact are confirmed at
 * once: folding cannot tell anything about them.
 *
 * <p>Both checks run only while the robot stands or walks under its own power ({@code active} in
 * {@link #update}) and only after {@value #WARMUP_S} s of that, so power-on, sitting, E-stops and
 * the first moments of standing up never count. A detection latches (one leg; later evidence on
 * other legs is ignored) until {@link #clear}, which the controller calls at the next power-on.
 *
 * <p>Control thread only; allocation-free.
 */
public final class LegHealthMonitor {
  /** Tracking error a sound joint may show, rad. */
  public static final double TRACK_TOLERANCE_RAD = 0.2;

  /** Excess tracking error integrated over time that fails a leg, rad·s. */
  public static final double TRACK_SCORE_RADS = 0.03;

  /**
   * Mean |tracking error| (first-order average over {@value #MEAN_ERROR_TAU_S} s) that fails a leg,
   * rad: a joint always somewhat behind. A sound one averages a few hundredths, but reached 0.14
   * rad on equipment-run (a femur at the wave-to-ripple change, seed 17), hence this high.
   */
  public static final double MEAN_ERROR_LIMIT_RAD = 0.2;

  /** Time constant of that mean, s. */
  public static final double MEAN_ERROR_TAU_S = 1.0;

  /**
   * A joint commanded along at least {@value #MIN_PATH_RAD} rad of path (leaky sum over {@value
   * #PATH_TAU_S} s) that moved less than {@value #MOVED_FRACTION} of it is frozen: a stuck servo
   * wherever it stuck.
   */
  public static final double MIN_PATH_RAD = 0.3;

  /** Time constant of the commanded and measured paths, s. */
  public static final double PATH_TAU_S = 0.4;

  /**
   * Time constant of the second, slower pair of paths, s: a tripod coxa at 0.1 m/s is commanded
   * 0.17 rad each way per 0.8 s cycle, never 0.3 rad within 0.4 s, so a coxa stuck mid-range was
   * never found; over about a cycle and a half it is.
   */
  public static final double SLOW_PATH_TAU_S = 1.2;

  /** See {@link #MIN_PATH_RAD}. */
  public static final double MOVED_FRACTION = 0.2;

  private static final double FILTER_TAU_S = 0.1;
  private static final double PATH_STEP_RAD = 0.05;

  /**
   * Time without foot contact, body supported, that fails a leg, s; longer in slow gaits ({@value
   * #GAP_CYCLES} cycles: 1.8 s in ripple and tetrapod, 3.6 s in wave), where a healthy foot that
   * found nothing at one touch-down (a stair edge) can hang for most of a cycle (2.32 s seen on the
   * stairs in wave).
   */
  public static final double NO_CONTACT_S = 1.2;

  /** Gait cycles a contact gap must outlast, when that is longer than {@link #NO_CONTACT_S}. */
  public static final double GAP_CYCLES = 1.5;

  /**
   * Time after a planned touch-down, still without contact, before a contact gap counts, s: the
   * planner's search for ground below the planned height ends within 0.53 s.
   */
  public static final double AFTER_LANDING_S = 0.6;

  /** Time standing or walking before the checks count, s. */
  public static final double WARMUP_S = 1.0;

  private static final double EFFORT_TAU_S = 0.2;

  private final double limpBelowNm;
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
  private final double[] noContactS = new double[LegId.COUNT];
  private final double[] sinceLandS = new double[LegId.COUNT];
  private final boolean[] landedInGap = new boolean[LegId.COUNT];
  private final boolean[] wasSwinging = new boolean[LegId.COUNT];
  private double activeS;
  private boolean primed;
  private double gapLimitS = NO_CONTACT_S;
  private int leg = -1;
  private int joint = -1;
  private LegFailureEvidence evidence = LegFailureEvidence.NONE;
  private long detectedNanos;
  private double peakTrackFraction;
  private double peakNoContactS;
  private final FoldTest test = new FoldTest();
  private final double[] foldRad;
  private final double[] minRad;
  private final double[] maxRad;
  private boolean confirmed;
  private int obstructions;

  /**
   * @param maxTorqueNm the servos' stall torque, N·m (to tell blocked from limp)
   * @param foldRad a folded leg's joint angles by {@link JointKind} ordinal, rad
   * @param minRad the joints' lower limits by kind, rad
   * @param maxRad the joints' upper limits by kind, rad
   */
  public LegHealthMonitor(double maxTorqueNm, double[] foldRad, double[] minRad, double[] maxRad) {
    this.limpBelowNm = Math.min(0.15, 0.05 * maxTorqueNm);
    this.foldRad = foldRad.clone();
    this.minRad = minRad.clone();
    this.maxRad = maxRad.clone();
  }

  /**
   * One tick, with the folded legs, the swinging legs and the gait cycle taken from the step
   * planner. Returns true on the tick a leg is declared failed.
   *
   * @param sentTargets the joint targets the servos were holding during the last period, rad (18)
   */
  public boolean update(
      long nowNanos,
      double dt,
      boolean active,
      RobotState s,
      double[] sentTargets,
      StepPlanner planner) {
    int folded = 0;
    int swinging = 0;
    for (int i = 0; i < LegId.COUNT; i++) {
      folded |= planner.isFailed(i) ? 1 << i : 0;
      swinging |= planner.isSwinging(i) ? 1 << i : 0;
    }
    return update(
        nowNanos, dt, active, s, sentTargets, folded, swinging, planner.gait().cycleSeconds());
  }

  /**
   * One tick. Returns true on the tick a leg is declared failed.
   *
   * @param active the robot stands or walks under its own power (not sitting, passive, E-stopped,
   *     settling or powering on)
   * @param s this tick's checked reading
   * @param sentTargets the joint targets the servos were holding during the last period, rad (18)
   * @param ignoredLegMask legs not to watch (already failed and folded), bit per ordinal
   * @param swingMask legs the step planner has in swing this tick, bit per ordinal
   * @param gaitCycleS the running gait's cycle time, s (a contact gap must outlast one cycle)
   */
  public boolean update(
      long nowNanos,
      double dt,
      boolean active,
      RobotState s,
      double[] sentTargets,
      int ignoredLegMask,
      int swingMask,
      double gaitCycleS) {
    if (!active || !s.contactsValid) {
      activeS = 0;
      drain();
      return false;
    }
    activeS += dt;
    if (!primed) {
      primed = true;
      for (int j = 0; j < Joints.COUNT; j++) {
        filtered[j] = s.jointPosition[j];
        lastMoved[j] = s.jointPosition[j];
        lastSent[j] = sentTargets[j];
        filteredTarget[j] = sentTargets[j];
      }
    }
    gapLimitS = Math.max(NO_CONTACT_S, GAP_CYCLES * gaitCycleS);
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
      filteredTarget[j] += f * (sentTargets[j] - filteredTarget[j]);
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
    if (activeS < WARMUP_S) {
      return false;
    }
    if (test.running()) {
      int tj = test.joint();
      FoldTest.Verdict v = test.update(dt, sentTargets[tj], s.jointPosition[tj]);
      if (v == FoldTest.Verdict.SOUND) {
        obstructions++;
        forgetLeg(leg);
        leg = -1;
        joint = -1;
        evidence = LegFailureEvidence.NONE;
        detectedNanos = 0;
      } else if (v == FoldTest.Verdict.BROKEN) {
        confirmed = true;
      }
    }
    int grounded = 0;
    for (int i = 0; i < LegId.COUNT; i++) {
      if (s.footContact[i] && (ignoredLegMask & (1 << i)) == 0) {
        grounded++;
      }
    }
    boolean found = false;
    for (int i = 0; i < LegId.COUNT && !found; i++) {
      if ((ignoredLegMask & (1 << i)) != 0) {
        noContactS[i] = 0;
        continue;
      }
      boolean swinging = (swingMask & (1 << i)) != 0;
      if (wasSwinging[i] && !swinging) {
        landedInGap[i] = true; // a touch-down the planner made: ground was expected from here on
        sinceLandS[i] = 0;
      }
      wasSwinging[i] = swinging;
      found = checkTracking(i, s, sentTargets, dt) || checkContact(i, s, grounded, dt);
    }
    if (found) {
      detectedNanos = nowNanos;
    }
    return found;
  }

  private boolean checkTracking(int i, RobotState s, double[] sent, double dt) {
    for (int k = 0; k < JointKind.COUNT; k++) {
      int j = Joints.index(i, k);
      double err = Math.abs(sent[j] - s.jointPosition[j]);
      trackScore[j] = Math.max(0, trackScore[j] + (err - TRACK_TOLERANCE_RAD) * dt);
      meanError[j] += Math.min(1, dt / MEAN_ERROR_TAU_S) * (err - meanError[j]);
      double frozen = Math.max(frozen(targetPath[j], movedPath[j]), frozen(slowTargetPath[j], slowMovedPath[j]));
      double fraction =
          Math.max(
              Math.max(trackScore[j] / TRACK_SCORE_RADS, meanError[j] / MEAN_ERROR_LIMIT_RAD),
              frozen);
      peakTrackFraction = Math.max(peakTrackFraction, fraction);
      if (leg < 0 && fraction >= 1) {
        leg = i;
        joint = j;
        // A stuck servo still holds its (frozen) angle with torque; a limp one gives none.
        evidence =
            Double.isNaN(s.jointEffort[j])
                ? LegFailureEvidence.JOINT_NOT_TRACKING
                : meanEffort[j] <= limpBelowNm
                    ? LegFailureEvidence.JOINT_LIMP
                    : LegFailureEvidence.JOINT_BLOCKED;
        confirmed = evidence == LegFailureEvidence.JOINT_LIMP;
        if (!confirmed) {
          test.start(j, s.jointPosition[j], foldRad[k], minRad[k], maxRad[k]);
        }
        return true;
      }
    }
    return false;
  }

  /** Fraction of the frozen limit a joint commanded along {@code target} that moved {@code moved}. */
  private static double frozen(double target, double moved) {
    return target >= MIN_PATH_RAD ? (1 - moved / target) / (1 - MOVED_FRACTION) : 0;
  }

  private boolean checkContact(int i, RobotState s, int grounded, double dt) {
    if (s.footContact[i]) {
      noContactS[i] = 0;
      landedInGap[i] = false;
      return false;
    }
    sinceLandS[i] += dt;
    if (grounded < 2) {
      return false; // the body may not be on the ground at all: no expectation for this foot
    }
    noContactS[i] += dt;
    if (landedInGap[i] && sinceLandS[i] >= AFTER_LANDING_S) {
      peakNoContactS = Math.max(peakNoContactS, noContactS[i]);
    }
    if (leg < 0
        && noContactS[i] >= gapLimitS
        && landedInGap[i]
        && sinceLandS[i] >= AFTER_LANDING_S) {
      leg = i;
      joint = -1;
      evidence = LegFailureEvidence.FOOT_NO_CONTACT;
      confirmed = true;
      return true;
    }
    return false;
  }

  private void drain() {
    for (int j = 0; j < Joints.COUNT; j++) {
      trackScore[j] = 0;
      meanError[j] = 0;
      targetPath[j] = 0;
      movedPath[j] = 0;
      slowTargetPath[j] = 0;
      slowMovedPath[j] = 0;
    }
    primed = false;
    for (int i = 0; i < LegId.COUNT; i++) {
      noContactS[i] = 0;
      landedInGap[i] = false;
    }
  }

  /** Resets the evidence gathered on leg {@code i}: it was found sound and walks again. */
  private void forgetLeg(int i) {
    for (int k = 0; k < JointKind.COUNT; k++) {
      int j = Joints.index(i, k);
      trackScore[j] = 0;
      meanError[j] = 0;
      targetPath[j] = 0;
      movedPath[j] = 0;
      slowTargetPath[j] = 0;
      slowMovedPath[j] = 0;
    }
    noContactS[i] = 0;
    landedInGap[i] = false;
    wasSwinging[i] = false;
  }

  /** Forgets the detection (the operator power-cycled the robot: the leg may be repaired). */
  public void clear() {
    test.stop();
    confirmed = false;
    leg = -1;
    joint = -1;
    evidence = LegFailureEvidence.NONE;
    detectedNanos = 0;
    activeS = 0;
    drain();
  }

  /**
   * True once the detection is certain: a limp joint, a foot without contact, or a joint that did
   * not follow in the air. False while none, or while the folded leg is being tested.
   */
  public boolean confirmed() {
    return leg >= 0 && confirmed;
  }

  /** True while a suspected leg is folded and its joint driven in the air ({@link FoldTest}). */
  public boolean testing() {
    return test.running();
  }

  /** Joint index driven by the test, or -1 when none runs. */
  public int testJoint() {
    return test.joint();
  }

  /** That joint's target while the test runs, rad. */
  public double testTargetRad() {
    return test.targetRad();
  }

  /** Suspected legs that followed in the air (obstructed, not broken) since construction. */
  public int obstructions() {
    return obstructions;
  }

  /** Bit {@code 1 << leg} of the leg declared failed, or 0. */
  public int detectedMask() {
    return leg >= 0 ? 1 << leg : 0;
  }

  /** Ordinal of the leg declared failed, or -1. */
  public int leg() {
    return leg;
  }

  /** Joint index behind joint evidence, or -1. */
  public int joint() {
    return joint;
  }

  public LegFailureEvidence evidence() {
    return evidence;
  }

  /** Loop time of the detection, ns (0 when none). */
  public long detectedNanos() {
    return detectedNanos;
  }

  /**
   * Largest fraction of a tracking threshold (score or mean error) any watched joint reached since
   * start; 1 fails the leg. For calibration reports: how near a healthy run came.
   */
  public double peakTrackFraction() {
    return peakTrackFraction;
  }

  /** Longest contact gap any foot reached since start, s (for calibration reports). */
  public double peakNoContactS() {
    return peakNoContactS;
  }
}
