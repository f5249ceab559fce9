package robodog.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.ode4j.math.DVector3C;
import robodog.core.JointKind;
import robodog.core.Joints;
import robodog.core.LegId;
import robodog.core.RobotState;
import robodog.core.config.RobotDescription;
import robodog.sim.terrain.Terrains;

/** The joint convention, the servo models, standing and collapsing. */
class RobotModelTest {
  private static final RobotDescription R = SimFixtures.ROBOT;

  /**
   * The documented FK written out independently of {@link NeutralStance}: leg frame at the mount,
   * rotated by the mount yaw; r = L1 + L2 cos q2 + L3 cos(q2 + q3), z = L2 sin q2 + L3 sin(q2 +
   * q3). Returns the foot-sphere centre in base_link.
   */
  private static double[] fk(LegId leg, double q1, double q2, double q3) {
    RobotDescription.LegMount m = R.mount(leg);
    double r =
        R.leg().coxaM() + R.leg().femurM() * Math.cos(q2) + R.leg().tibiaM() * Math.cos(q2 + q3);
    double z = R.leg().femurM() * Math.sin(q2) + R.leg().tibiaM() * Math.sin(q2 + q3);
    double lx = r * Math.cos(q1);
    double ly = r * Math.sin(q1);
    return new double[] {
      m.xM() + Math.cos(m.yawRad()) * lx - Math.sin(m.yawRad()) * ly,
      m.yM() + Math.sin(m.yawRad()) * lx + Math.cos(m.yawRad()) * ly,
      m.zM() + z
    };
  }

  private static double[] randomPose(SplittableRandom rnd) {
    double[] q = new double[Joints.COUNT];
    for (int j = 0; j < Joints.COUNT; j++) {
      JointKind k = JointKind.VALUES[j % 3];
      q[j] = R.jointMin(k) + 0.1 + rnd.nextDouble() * (R.jointMax(k) - R.jointMin(k) - 0.2);
    }
    return q;
  }

  @Test
  void buildingInAPoseGivesExactlyThoseHingeAnglesAndFeet() {
    SplittableRandom rnd = new SplittableRandom(11);
    for (int trial = 0; trial < 20; trial++) {
      double[] q = randomPose(rnd);
      SimWorld w = new SimWorld(R, Terrains.flat(0.9), SimConfig.defaults(1), 0, 0, 0, q, 1.0);
      double z0 = w.bodyPosition().get2();
      for (LegId leg : LegId.VALUES) {
        int j = leg.ordinal() * 3;
        for (int k = 0; k < 3; k++) {
          assertEquals(q[j + k], w.jointAngle(j + k), 1e-9, "joint " + Joints.name(j + k));
        }
        double[] p = fk(leg, q[j], q[j + 1], q[j + 2]);
        DVector3C foot = w.footPosition(leg.ordinal());
        assertEquals(p[0], foot.get0(), 1e-9);
        assertEquals(p[1], foot.get1(), 1e-9);
        assertEquals(p[2] + z0, foot.get2(), 1e-9);
      }
    }
  }

  /**
   * The sign and zero convention end to end: the body pinned in the air, the servos commanded to
   * random angles from the neutral pose; once settled, each foot sphere is where the documented FK
   * of the commanded angles puts it (within the dead band and gravity sag: a few mm).
   */
  @Test
  void servosDriveEachFootToWhereTheDocumentedFkPutsIt() {
    SplittableRandom rnd = new SplittableRandom(5);
    for (int trial = 0; trial < 4; trial++) {
      // Pinned 1 m up so no pose reaches the ground.
      SimWorld w =
          new SimWorld(
              R, Terrains.flat(0.9), SimConfig.defaults(1), 0, 0, 0, SimFixtures.neutral(), 1.0);
      w.pinBody(true);
      SimHardware hw = new SimHardware(w);
      hw.configure();
      hw.activate();
      double[] q = randomPose(rnd);
      SimFixtures.hold(hw, q, true, 1.5);
      double[] base = new double[3];
      w.bodyPosition(base);
      assertEquals(1.0, w.bodyQuaternion().get0(), 1e-6, "the pinned body did not move");
      double worst = 0;
      for (LegId leg : LegId.VALUES) {
        int j = leg.ordinal() * 3;
        double[] p = fk(leg, q[j], q[j + 1], q[j + 2]);
        DVector3C foot = w.footPosition(leg.ordinal());
        double d =
            Math.sqrt(
                Math.pow(p[0] + base[0] - foot.get0(), 2)
                    + Math.pow(p[1] + base[1] - foot.get1(), 2)
                    + Math.pow(p[2] + base[2] - foot.get2(), 2));
        worst = Math.max(worst, d);
        for (int k = 0; k < 3; k++) {
          assertEquals(q[j + k], w.jointAngle(j + k), 0.02, Joints.name(j + k));
        }
      }
      assertTrue(worst < 0.004, "foot off the FK position by " + worst + " m");
    }
  }

  /**
   * Effort sign and size: legs held straight out in the air carry their own weight, so each femur
   * servo pushes up (positive) with g × (femur mass × 0.06 m + tibia mass × 0.20 m) and each tibia
   * servo with g × tibia mass × 0.08 m; the coxas carry nothing about their vertical axes.
   */
  @Test
  void effortIsTheServoTorqueInTheJointConvention() {
    double[] zero = new double[Joints.COUNT];
    SimWorld w = new SimWorld(R, Terrains.flat(0.9), SimConfig.defaults(1), 0, 0, 0, zero, 1.0);
    w.pinBody(true);
    SimHardware hw = new SimHardware(w);
    hw.configure();
    hw.activate();
    SimFixtures.hold(hw, zero, true, 1.0);
    RobotState s = new RobotState();
    hw.read(0, SimFixtures.PERIOD, s);
    double g = 9.81;
    double femur =
        g
            * (R.leg().femurMassKg() * R.leg().femurM() / 2
                + R.leg().tibiaMassKg() * (R.leg().femurM() + R.leg().tibiaM() / 2));
    double tibia = g * R.leg().tibiaMassKg() * R.leg().tibiaM() / 2;
    for (LegId leg : LegId.VALUES) {
      assertEquals(0, s.jointEffort[Joints.index(leg, JointKind.COXA)], 0.01, leg + " coxa");
      assertEquals(femur, s.jointEffort[Joints.index(leg, JointKind.FEMUR)], 0.01, leg + " femur");
      assertEquals(tibia, s.jointEffort[Joints.index(leg, JointKind.TIBIA)], 0.005, leg + " tibia");
    }
  }

  @Test
  void heldAtTheNeutralPoseTheRobotStandsAtItsConfiguredHeight() {
    SimHardware hw = SimFixtures.hardware(Terrains.flat(0.9), 1);
    SimWorld w = hw.world();
    double[] q = new double[Joints.COUNT];
    hw.neutralJointAngles(q);
    SimFixtures.hold(hw, q, true, 5.0);
    assertFalse(w.fallen());
    assertEquals(R.stance().bodyHeightM(), w.bodyPosition().get2(), 0.015);
    RobotState s = new RobotState();
    hw.read(0, SimFixtures.PERIOD, s);
    for (int i = 0; i < LegId.COUNT; i++) {
      assertTrue(s.footContact[i], "foot " + i + " must touch the ground");
    }
    assertTrue(s.contactsValid);
    assertEquals(9.81, s.imuLinearAcceleration[2], 0.5, "IMU reads gravity as +z specific force");
    assertEquals(0, s.imuLinearAcceleration[0], 0.5);
    assertEquals(1, s.imuOrientation[0], 1e-3);
    for (int j = 0; j < Joints.COUNT; j++) {
      assertEquals(q[j], s.jointPosition[j], 0.02, Joints.name(j));
    }
    double[] err = new double[Joints.COUNT];
    w.trackingError(err);
    for (int j = 0; j < Joints.COUNT; j++) {
      assertEquals(0, err[j], 0.02, Joints.name(j));
    }
  }

  @Test
  void unpoweredServosLetTheRobotCollapse() {
    SimHardware hw = SimFixtures.hardware(Terrains.flat(0.9), 1);
    SimFixtures.hold(hw, SimFixtures.neutral(), false, 3.0);
    SimWorld w = hw.world();
    assertTrue(w.fallen() || w.bodyPosition().get2() < 0.06, "z " + w.bodyPosition().get2());
  }

  @Test
  void deactivateGoesLimpToo() {
    SimHardware hw = SimFixtures.hardware(Terrains.flat(0.9), 1);
    hw.deactivate();
    SimFixtures.hold(hw, SimFixtures.neutral(), true, 3.0);
    assertTrue(hw.world().fallen(), "z " + hw.world().bodyPosition().get2());
  }
}
