package robodog.locomotion.kinematics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import robodog.core.JointKind;
import robodog.core.LegId;
import robodog.core.config.RobotDescription;
import robodog.locomotion.Fixtures;

class LegKinematicsTest {
  private final RobotDescription robot = Fixtures.config().robot();

  private static double uniform(SplittableRandom r, double lo, double hi) {
    return lo + (hi - lo) * r.nextDouble();
  }

  @Test
  void forwardOfInverseReturnsTheTargetForTenThousandReachableTargets() {
    SplittableRandom rnd = new SplittableRandom(20261128);
    double[] q = new double[3];
    double[] p = new double[3];
    double[] back = new double[3];
    int checked = 0;
    for (LegId leg : LegId.VALUES) {
      LegKinematics k = new LegKinematics(robot, leg);
      for (int n = 0; n < 2000; n++) {
        // A target produced by in-limit angles is reachable by construction.
        for (JointKind j : JointKind.VALUES) {
          q[j.ordinal()] = uniform(rnd, robot.jointMin(j), robot.jointMax(j));
        }
        if (q[2] > -1e-3) {
          q[2] = -1e-3 - rnd.nextDouble(); // the knee-up branch: a straight tibia is singular
        }
        k.forward(q, 0, p, 0);
        double[] solved = new double[3];
        IkResult r = k.inverse(p[0], p[1], p[2], solved, 0);
        if (r != IkResult.OK) {
          continue; // the other coxa branch (foot behind the coxa axis) is out of limits
        }
        k.forward(solved, 0, back, 0);
        for (int i = 0; i < 3; i++) {
          assertEquals(p[i], back[i], 1e-9, () -> "leg " + leg + " target mismatch");
        }
        checked++;
      }
    }
    assertTrue(checked > 10_000, "too few reachable targets checked: " + checked);
  }

  @Test
  void inverseRecoversTheAnglesOnTheKneeUpBranch() {
    SplittableRandom rnd = new SplittableRandom(7);
    double[] q = new double[3];
    double[] p = new double[3];
    double[] solved = new double[3];
    LegKinematics k = new LegKinematics(robot, LegId.RIGHT_MIDDLE);
    for (int n = 0; n < 5000; n++) {
      q[0] = uniform(rnd, -1.0, 1.0);
      q[1] = uniform(rnd, -1.2, 1.5);
      q[2] = uniform(rnd, -2.8, -0.05);
      double r = 0.06 + 0.12 * Math.cos(q[1]) + 0.16 * Math.cos(q[1] + q[2]);
      if (r < 0.01) {
        continue; // foot behind the coxa axis: IK takes the other coxa branch, out of limits
      }
      k.forward(q, 0, p, 0);
      assertEquals(IkResult.OK, k.inverse(p[0], p[1], p[2], solved, 0));
      for (int i = 0; i < 3; i++) {
        assertEquals(q[i], solved[i], 1e-7);
      }
    }
  }

  @Test
  void unreachableTargetsAreReportedAndClampedWithoutThrowing() {
    LegKinematics k = new LegKinematics(robot, LegId.LEFT_FRONT);
    double[] q = new double[3];
    assertEquals(IkResult.TOO_FAR, k.inverse(2.0, 2.0, 0, q, 0));
    assertFinite(q);
    assertEquals(IkResult.TOO_NEAR, k.inverse(0.2 + 0.06 * 0.7071, 0.1 + 0.06 * 0.7071, 0, q, 0));
    assertFinite(q);
    // Pointing the front leg back along the body needs coxa +108 deg, beyond +60.
    IkResult behind = k.inverse(0.0, 0.2, -0.05, q, 0);
    assertEquals(IkResult.COXA_LIMIT, behind);
    assertEquals(robot.jointMax(JointKind.COXA), q[0], 1e-12);
    // Foot far above the body needs a femur beyond its upper limit.
    IkResult high = k.inverse(0.2 + 0.07 * 0.7071, 0.1 + 0.07 * 0.7071, 0.27, q, 0);
    assertEquals(IkResult.FEMUR_LIMIT, high);
  }

  private static void assertFinite(double[] q) {
    for (double v : q) {
      assertTrue(Double.isFinite(v));
    }
  }
}
