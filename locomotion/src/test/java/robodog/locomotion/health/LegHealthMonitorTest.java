package robodog.locomotion.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import robodog.core.JointKind;
import robodog.core.Joints;
import robodog.core.LegFailureEvidence;
import robodog.core.LegId;
import robodog.core.RobotState;

/**
 * The detector's gating and latching on hand-made readings (the physics cases are closed-loop tests
 * in app): what it may never do matters as much as what it finds.
 */
class LegHealthMonitorTest {
  private static final double DT = 0.002;
  private static final long TICK = 2_000_000L;
  private final RobotState s = new RobotState();
  private final double[] sent = new double[Joints.COUNT];
  // A folded leg's pose and the joint limits (coxa, femur, tibia), rad, near the shipped robot's.
  static final double[] FOLD = {0, 1.57, -2.2};
  static final double[] MIN = {-0.8, -1.75, -2.4};
  static final double[] MAX = {0.8, 1.75, 0.5};
  private final LegHealthMonitor m = new LegHealthMonitor(3.4, FOLD, MIN, MAX);
  private long now;

  LegHealthMonitorTest() {
    s.contactsValid = true;
    java.util.Arrays.fill(s.footContact, true);
    java.util.Arrays.fill(s.jointEffort, 1.0);
  }

  /** Runs {@code seconds}; returns the time of the first detection, s after the start, or NaN. */
  private double run(double seconds, boolean active, int swingMask) {
    long t0 = now;
    for (int k = 0; k < Math.round(seconds / DT); k++) {
      now += TICK;
      if (m.update(now, DT, active, s, sent, 0, swingMask, 0.8)) {
        return (now - t0) * 1e-9;
      }
    }
    return Double.NaN;
  }

  @Test
  void aJointThatStopsFollowingIsFoundAndLatchedUntilCleared() {
    run(2, true, 0);
    int j = Joints.index(LegId.LEFT_REAR, JointKind.FEMUR);
    s.jointEffort[j] = 0.02; // the servo lost its torque ...
    run(0.5, true, 0);
    // ... and the joint no longer follows a target moving at 1 rad/s: the excess over 0.2 rad
    // integrates to 0.03 rad·s at 0.2 + sqrt(0.06) s at the latest.
    double found = Double.NaN;
    for (int k = 0; k < 1000 && Double.isNaN(found); k++) {
      sent[j] += DT;
      found = run(DT, true, 0) >= 0 ? k * DT : Double.NaN;
    }
    // The frozen measure (0.2 rad commanded within about a second, nothing moved) may come first.
    assertTrue(found > 0.2 && found <= 0.2 + Math.sqrt(0.06) + 0.01, "found at " + found + " s");
    assertEquals(1 << LegId.LEFT_REAR.ordinal(), m.detectedMask());
    assertEquals(LegFailureEvidence.JOINT_LIMP, m.evidence());
    assertEquals(j, m.joint());
    sent[j] = 0;
    run(1, true, 0);
    assertEquals(LegId.LEFT_REAR.ordinal(), m.leg(), "latched after the joint recovers");
    m.clear();
    assertEquals(0, m.detectedMask());
    assertEquals(LegFailureEvidence.NONE, m.evidence());
  }

  @Test
  void aJointFrozenMidRangeIsFoundThoughNeverFarBehind() {
    run(2, true, 0);
    int j = Joints.index(LegId.RIGHT_MIDDLE, JointKind.FEMUR);
    double found = Double.NaN;
    double maxError = 0;
    // Commanded to and fro by 0.2 rad at the tripod's 1.25 Hz; the joint stays where it is.
    for (int k = 0; k < 2000 && Double.isNaN(found); k++) {
      sent[j] = 0.2 * Math.sin(2 * Math.PI * 1.25 * k * DT);
      maxError = Math.max(maxError, Math.abs(sent[j]));
      found = run(DT, true, 0) >= 0 ? k * DT : Double.NaN;
    }
    assertTrue(maxError <= LegHealthMonitor.TRACK_TOLERANCE_RAD + 1e-9, "never beyond tolerance");
    assertTrue(found < 1.5, "found at " + found + " s");
    assertEquals(j, m.joint());
    assertEquals(LegFailureEvidence.JOINT_BLOCKED, m.evidence());
  }

  @Test
  void aJointThatFollowsAMovingTargetIsNeverFound() {
    run(2, true, 0);
    int j = Joints.index(LegId.RIGHT_MIDDLE, JointKind.FEMUR);
    for (int k = 0; k < 5000; k++) {
      sent[j] = 0.4 * Math.sin(2 * Math.PI * 1.25 * k * DT);
      assertTrue(Double.isNaN(run(DT, true, 0)), "a sound joint, " + k * DT + " s");
      // The servo's lag at this speed: a few hundredths of a radian, and read-back noise.
      s.jointPosition[j] = sent[j] - 0.03 * Math.signum(Math.cos(2 * Math.PI * 1.25 * k * DT));
    }
  }

  @Test
  void nothingCountsWhileInactiveOrWarmingUp() {
    int j = Joints.index(LegId.RIGHT_FRONT, JointKind.COXA);
    sent[j] = 1.0;
    java.util.Arrays.fill(s.footContact, false);
    assertTrue(Double.isNaN(run(5, false, 0)), "sitting, E-stopped or powering on: never");
    double found = run(2, true, 0);
    // Warm-up, then 0.03 rad·s at 0.8 rad of excess.
    assertEquals(LegHealthMonitor.WARMUP_S + 0.0375, found, 0.01, "after the warm-up only");
    assertEquals(LegFailureEvidence.JOINT_BLOCKED, m.evidence(), "the servo still had torque");
  }

  @Test
  void aFootWithoutContactCountsOnlyAfterATouchDownThatFoundNothing() {
    run(2, true, 0);
    int leg = LegId.RIGHT_MIDDLE.ordinal();
    s.footContact[leg] = false;
    assertTrue(Double.isNaN(run(3, true, 0)), "an unloaded stance foot alone is not a failure");
    run(0.4, true, 1 << leg); // a swing ...
    double found = run(2, true, 0); // ... and a landing on nothing
    assertEquals(LegHealthMonitor.AFTER_LANDING_S, found, 0.01);
    assertEquals(1 << leg, m.detectedMask());
    assertEquals(LegFailureEvidence.FOOT_NO_CONTACT, m.evidence());
    assertEquals(-1, m.joint());
  }

  @Test
  void aFootIsNotExpectedWhenTheBodyIsNotOnTheGround() {
    run(2, true, 0);
    java.util.Arrays.fill(s.footContact, false);
    s.footContact[0] = true;
    run(0.4, true, 0b111110);
    assertTrue(Double.isNaN(run(3, true, 0)), "one foot down: the robot is held or lifted");
    assertEquals(0, m.detectedMask());
  }

  /**
   * A femur pushed off its target while torque holds it: folds, then the test drives it in the air
   * as the controller would (the sent target rate-limited at 4 rad/s toward the test angle); {@code
   * follows} says whether the joint comes along. Returns the seconds until the verdict.
   */
  private double suspectThenTest(int j, boolean follows) {
    run(2, true, 0);
    sent[j] = 0.6;
    assertTrue(run(1, true, 0) >= 0, "suspected");
    assertEquals(LegFailureEvidence.JOINT_BLOCKED, m.evidence());
    assertTrue(m.testing() && !m.confirmed(), "folded and under test, not yet confirmed");
    assertEquals(j, m.testJoint());
    int leg = j / JointKind.COUNT;
    double t = 0;
    while (m.testing() && t < 3) {
      double step = 4 * DT;
      sent[j] += Math.max(-step, Math.min(step, m.testTargetRad() - sent[j]));
      if (follows) {
        s.jointPosition[j] += 0.5 * (sent[j] - s.jointPosition[j]);
      }
      now += TICK;
      m.update(now, DT, true, s, sent, m.detectedMask() & (1 << leg), 0, 0.8);
      t += DT;
    }
    return t;
  }

  @Test
  void anObstructedJointThatFollowsInTheAirIsWithdrawnAndCounted() {
    int j = Joints.index(LegId.LEFT_MIDDLE, JointKind.FEMUR);
    double t = suspectThenTest(j, true);
    assertEquals(0, m.detectedMask(), "the leg walks again");
    assertEquals(1, m.obstructions());
    assertEquals(LegFailureEvidence.NONE, m.evidence());
    assertTrue(t < 1.0, "verdict after " + t + " s");
    // Sound again: the same joint standing on its target raises nothing.
    sent[j] = s.jointPosition[j];
    assertTrue(Double.isNaN(run(2, true, 0)), "no evidence left over from the obstruction");
  }

  @Test
  void aStuckJointThatDoesNotFollowInTheAirIsConfirmed() {
    int j = Joints.index(LegId.LEFT_MIDDLE, JointKind.FEMUR);
    suspectThenTest(j, false);
    assertEquals(1 << LegId.LEFT_MIDDLE.ordinal(), m.detectedMask());
    assertTrue(m.confirmed(), "confirmed: stays folded until power-on");
    assertEquals(0, m.obstructions());
  }

  @Test
  void aLimpJointIsConfirmedWithoutATest() {
    run(2, true, 0);
    int j = Joints.index(LegId.RIGHT_REAR, JointKind.TIBIA);
    s.jointEffort[j] = 0;
    run(0.5, true, 0);
    sent[j] = 0.8;
    assertTrue(run(1, true, 0) >= 0);
    assertEquals(LegFailureEvidence.JOINT_LIMP, m.evidence());
    assertTrue(m.confirmed() && !m.testing());
  }

  @Test
  void theTestAngleIsTheFoldUnlessTheJointStandsNearItThenAwayFromTheStop() {
    AirCheck t = new AirCheck();
    t.start(4, 0.2, FOLD[1], MIN[1], MAX[1]);
    assertEquals(FOLD[1], t.targetRad(), 1e-12, "far from the fold: the fold angle");
    t.start(4, 1.5, FOLD[1], MIN[1], MAX[1]);
    assertEquals(1.2, t.targetRad(), 1e-12, "near the fold, high in the range: 0.3 rad down");
    t.start(5, -2.3, -2.2, MIN[2], MAX[2]);
    assertEquals(-2.0, t.targetRad(), 1e-12, "near the fold, low in the range: 0.3 rad up");
    t.start(5, -2.3, -2.38, MIN[2], MAX[2]);
    assertTrue(t.targetRad() <= MAX[2] - 0.05 && t.targetRad() >= MIN[2] + 0.05, "inside limits");
  }

  @Test
  void aConfirmedLegIsTestedAgainAndWalksOnceItMovesFreely() {
    int j = Joints.index(LegId.RIGHT_FRONT, JointKind.FEMUR);
    suspectThenTest(j, false);
    assertTrue(m.confirmed());
    int bit = 1 << LegId.RIGHT_FRONT.ordinal();
    // Still held: the retest after RETEST_S fails again and the leg stays folded and confirmed.
    boolean retested = false;
    double t = 0;
    for (; t < LegHealthMonitor.RETEST_S + 2; t += DT) {
      now += TICK;
      m.update(now, DT, true, s, sent, bit, 0, 0.8);
      retested |= m.testing();
    }
    assertTrue(retested, "tested again");
    assertEquals(bit, m.detectedMask());
    assertTrue(m.confirmed());
    // Freed: the next retest drives it and it follows.
    for (t = 0; t < LegHealthMonitor.RETEST_S + 2 && m.detectedMask() != 0; t += DT) {
      if (m.testing()) {
        double step = 4 * DT;
        sent[j] += Math.max(-step, Math.min(step, m.testTargetRad() - sent[j]));
        s.jointPosition[j] += 0.5 * (sent[j] - s.jointPosition[j]);
      }
      now += TICK;
      m.update(now, DT, true, s, sent, bit, 0, 0.8);
    }
    assertEquals(0, m.detectedMask(), "walks again");
    assertEquals(1, m.obstructions());
    assertTrue(!m.confirmed());
  }
}
