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
 *   <li><b>Joint tracking</b> ({@link JointTracking}): a joint far off its target for a while,
 *       always somewhat behind, or frozen while commanded to move. The mean joint torque then tells
 *       a stuck servo (it still holds its frozen angle with torque) from a limp one (no torque).
 *       Needs position feedback: with servos that report their own command back (the Pi's hobby
 *       servos) the error is zero and this check never fires.
 *   <li><b>Foot contact</b> ({@link ContactGaps}): a foot that found no ground at a touch-down and
 *       stayed without contact for {@value #NO_CONTACT_S} s (or {@value #GAP_CYCLES} gait cycles,
 *       when longer: 3.6 s in wave) while the body stood on other feet. It cannot tell a short leg
 *       from a dead switch (joint torques overlap in the simulator's runs), and need not: either
 *       way the planner can no longer trust that foot.
 * </ul>
 *
 * <p>A joint that stopped following while torque held it may be broken or only obstructed (a foot
 * on top of a case, a femur pressed against a ridge): the leg folds at once either way, and a
 * {@link AirCheck} then drives the suspect joint in the air. If it follows, the leg was sound: the
 * detection is withdrawn, counted as an obstruction, and the leg walks again; if not, the detection
 * is confirmed. A limp joint (no torque) and a foot without contact are confirmed at once: folding
 * cannot tell anything about them.
 *
 * <p>Both checks run only while the robot stands or walks under its own power ({@code active} in
 * {@link #update}) and only after {@value #WARMUP_S} s of that, so power-on, sitting, E-stops and
 * the first moments of standing up never count. A detection latches (one leg; later evidence on
 * other legs is ignored) until {@link #clear}, which the controller calls at the next power-on; a
 * leg confirmed by its test in the air is tested again every {@value #RETEST_S} s and walks again
 * once it moves freely.
 *
 * <p>Control thread only; allocation-free.
 */
public final class LegHealthMonitor {
  /** Tracking error a sound joint may show, rad. */
  public static final double TRACK_TOLERANCE_RAD = JointTracking.TRACK_TOLERANCE_RAD;

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

  /**
   * A leg confirmed broken by its test in the air is tested again this often while the robot stands
   * or walks, s: a foot still held when it was tested (wedged under a ledge) may be free later, and
   * a leg that then moves freely walks again instead of staying folded until power-on.
   */
  public static final double RETEST_S = 10.0;

  private final double limpBelowNm;
  private final JointTracking tracking = new JointTracking();
  private final ContactGaps contacts = new ContactGaps();
  private final AirCheck test = new AirCheck();
  private final double[] foldRad;
  private final double[] minRad;
  private final double[] maxRad;
  private double activeS;
  private int leg = -1;
  private int joint = -1;
  private LegFailureEvidence evidence = LegFailureEvidence.NONE;
  private long detectedNanos;
  private boolean confirmed;
  private boolean retests;
  private double retestInS;
  private int obstructions;
  private double peakTrackFraction;

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
   * One tick. Returns true on the tick a leg is declared failed (or, for joint evidence with
   * torque, suspected: folded and tested, see {@link #testing}).
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
      tracking.drain();
      contacts.drain();
      return false;
    }
    activeS += dt;
    tracking.advance(s, sentTargets, dt);
    contacts.setCycle(gaitCycleS);
    if (activeS < WARMUP_S) {
      return false;
    }
    if (test.running()) {
      runTest(s, sentTargets, dt);
    } else if (leg >= 0 && retests && (retestInS -= dt) <= 0) {
      int k = joint % JointKind.COUNT;
      test.start(joint, s.jointPosition[joint], foldRad[k], minRad[k], maxRad[k]);
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
        contacts.ignore(i);
        continue;
      }
      contacts.swing(i, (swingMask & (1 << i)) != 0);
      found = checkTracking(i, s, sentTargets, dt) || checkContact(i, s, grounded, dt);
    }
    if (found) {
      detectedNanos = nowNanos;
    }
    return found;
  }

  private void runTest(RobotState s, double[] sent, double dt) {
    int tj = test.joint();
    AirCheck.Verdict v = test.update(dt, sent[tj], s.jointPosition[tj]);
    if (v == AirCheck.Verdict.SOUND) {
      obstructions++;
      tracking.forgetLeg(leg);
      contacts.forgetLeg(leg);
      confirmed = false;
      retests = false;
      leg = -1;
      joint = -1;
      evidence = LegFailureEvidence.NONE;
      detectedNanos = 0;
    } else if (v == AirCheck.Verdict.BROKEN) {
      confirmed = true;
      retests = true;
      retestInS = RETEST_S;
    }
  }

  private boolean checkTracking(int i, RobotState s, double[] sent, double dt) {
    for (int k = 0; k < JointKind.COUNT; k++) {
      int j = Joints.index(i, k);
      double fraction = tracking.fraction(j, Math.abs(sent[j] - s.jointPosition[j]), dt);
      peakTrackFraction = Math.max(peakTrackFraction, fraction);
      if (leg < 0 && fraction >= 1) {
        leg = i;
        joint = j;
        // A stuck servo still holds its (frozen) angle with torque; a limp one gives none.
        evidence =
            Double.isNaN(s.jointEffort[j])
                ? LegFailureEvidence.JOINT_NOT_TRACKING
                : tracking.meanEffortNm(j) <= limpBelowNm
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

  private boolean checkContact(int i, RobotState s, int grounded, double dt) {
    if (contacts.failed(i, s.footContact[i], grounded, dt) && leg < 0) {
      leg = i;
      joint = -1;
      evidence = LegFailureEvidence.FOOT_NO_CONTACT;
      confirmed = true;
      return true;
    }
    return false;
  }

  /** Forgets the detection (the operator power-cycled the robot: the leg may be repaired). */
  public void clear() {
    test.stop();
    confirmed = false;
    retests = false;
    leg = -1;
    joint = -1;
    evidence = LegFailureEvidence.NONE;
    detectedNanos = 0;
    activeS = 0;
    tracking.drain();
    contacts.drain();
  }

  /**
   * True once the detection is certain: a limp joint, a foot without contact, or a joint that did
   * not follow in the air. False while none, or while the folded leg is being tested.
   */
  public boolean confirmed() {
    return leg >= 0 && confirmed;
  }

  /** True while a suspected leg is folded and its joint driven in the air ({@link AirCheck}). */
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
    return contacts.peakS();
  }
}
