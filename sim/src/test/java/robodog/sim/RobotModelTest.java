package robodog.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import robodog.core.JointKind;
import robodog.core.Joints;
import robodog.core.LegId;
import robodog.core.RobotState;
import robodog.core.config.RobotDescription;
import robodog.sim.terrain.FlatTerrain;
import robodog.sim.terrain.Patch;

class RobotModelTest {
  private static final RobotDescription R = SimFixtures.ROBOT;

  /** The documented FK: the same formula as the URDF and the controller, written out here. */
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

  @Test
  void hingeAnglesAndFootPositionsFollowTheDocumentedConvention() {
    SplittableRandom rnd = new SplittableRandom(11);
    for (int trial = 0; trial < 20; trial++) {
      double[] q = new double[Joints.COUNT];
      for (int j = 0; j < Joints.COUNT; j++) {
        JointKind k = JointKind.VALUES[j % 3];
        q[j] = R.jointMin(k) + 0.1 + rnd.nextDouble() * (R.jointMax(k) - R.jointMin(k) - 0.2);
      }
      SimWorld w =
          new SimWorld(R, new FlatTerrain(Patch.GROUND), SimConfig.defaults(1), 0, 0, 0, q, 1.0);
      double z0 = w.bodyPosition().get2();
      for (LegId leg : LegId.VALUES) {
        int j = leg.ordinal() * 3;
        for (int k = 0; k < 3; k++) {
          assertEquals(q[j + k], w.jointAngle(j + k), 1e-9, "joint " + Joints.name(j + k));
        }
        double[] p = fk(leg, q[j], q[j + 1], q[j + 2]);
        assertEquals(p[0], w.footPosition(leg.ordinal()).get0(), 1e-9);
        assertEquals(p[1], w.footPosition(leg.ordinal()).get1(), 1e-9);
        assertEquals(p[2] + z0, w.footPosition(leg.ordinal()).get2(), 1e-9);
      }
    }
  }

  @Test
  void servosHoldTheNeutralStanceAtTheConfiguredHeight() {
    SimWorld w = SimFixtures.world(new FlatTerrain(Patch.GROUND), 1);
    SimHardware hw = new SimHardware(w);
    hw.activate();
    SimFixtures.hold(hw, SimFixtures.neutral(), true, 5.0);
    assertFalse(w.fallen());
    assertEquals(R.stance().bodyHeightM(), w.bodyPosition().get2(), 0.015);
    RobotState s = new RobotState();
    hw.read(0, SimFixtures.PERIOD, s);
    for (int i = 0; i < LegId.COUNT; i++) {
      assertTrue(s.footContact[i], "foot " + i + " must touch the ground");
    }
    assertTrue(s.contactsValid);
    assertEquals(9.81, s.imuLinearAcceleration[2], 0.5, "IMU reads gravity as +z specific force");
    double[] target = SimFixtures.neutral();
    for (int j = 0; j < Joints.COUNT; j++) {
      assertEquals(target[j], s.jointPosition[j], 0.02, Joints.name(j));
    }
  }

  @Test
  void unpoweredServosLetTheRobotCollapse() {
    SimWorld w = SimFixtures.world(new FlatTerrain(Patch.GROUND), 1);
    SimHardware hw = new SimHardware(w);
    hw.activate();
    SimFixtures.hold(hw, SimFixtures.neutral(), false, 3.0);
    assertTrue(w.fallen() || w.bodyPosition().get2() < 0.06, "z " + w.bodyPosition().get2());
  }

  @Test
  void sameSeedGivesTheSameTrajectoryBitForBit() {
    double[] a = trajectory(9);
    double[] b = trajectory(9);
    org.junit.jupiter.api.Assertions.assertArrayEquals(a, b, 0.0);
    double[] c = trajectory(10);
    assertFalse(java.util.Arrays.equals(a, c), "a different seed must give a different run");
  }

  private static double[] trajectory(long seed) {
    SimWorld w =
        SimFixtures.world(
            new robodog.sim.terrain.RoughTerrain(
                -1, -2, 4, 4, 0.03, 0.4, 0.03, seed, Patch.GROUND, false),
            seed);
    SimHardware hw = new SimHardware(w);
    hw.activate();
    robodog.core.JointCommand c = new robodog.core.JointCommand();
    c.enabled = true;
    double[] q = SimFixtures.neutral();
    RobotState s = new RobotState();
    double[] out = new double[400 * 4];
    for (int k = 0; k < 400; k++) {
      for (int j = 0; j < Joints.COUNT; j++) {
        c.position[j] = q[j] + (j % 3 == 0 ? 0.2 * Math.sin(k * 0.05 + j) : 0);
      }
      hw.write(k * SimFixtures.PERIOD, SimFixtures.PERIOD, c);
      hw.read(k * SimFixtures.PERIOD, SimFixtures.PERIOD, s);
      out[k * 4] = w.bodyPosition().get0();
      out[k * 4 + 1] = w.bodyPosition().get1();
      out[k * 4 + 2] = w.bodyPosition().get2();
      out[k * 4 + 3] = s.imuAngularVelocity[2];
    }
    return out;
  }
}
