package robodog.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LegIdTest {
  @Test
  void namesParseBothWaysAndBadOnesListTheAllowed() {
    assertEquals(LegId.LEFT_MIDDLE, LegId.parse("lm"));
    assertEquals(LegId.RIGHT_REAR, LegId.parse(" RIGHT_rear "));
    String m = assertThrows(IllegalArgumentException.class, () -> LegId.parse("x")).getMessage();
    assertTrue(m.contains("lf, lm, lr, rf, rm, rr"), m);
    assertEquals("lf_coxa_joint", Joints.name(0));
    assertEquals("rr_tibia_joint", Joints.name(17));
    assertEquals(Joints.index(LegId.RIGHT_FRONT, JointKind.FEMUR), 10);
  }

  @Test
  void imuRollAndPitchMatchIndependentlyBuiltQuaternions() {
    SplittableRandom r = new SplittableRandom(5);
    RobotState s = new RobotState();
    for (int i = 0; i < 10_000; i++) {
      double roll = (r.nextDouble() - 0.5) * 3;
      double pitch = (r.nextDouble() - 0.5) * 2.8;
      double yaw = (r.nextDouble() - 0.5) * 6;
      // q = qz(yaw) * qy(pitch) * qx(roll)
      double cr = Math.cos(roll / 2), sr = Math.sin(roll / 2);
      double cp = Math.cos(pitch / 2), sp = Math.sin(pitch / 2);
      double cy = Math.cos(yaw / 2), sy = Math.sin(yaw / 2);
      s.imuOrientation[0] = cy * cp * cr + sy * sp * sr;
      s.imuOrientation[1] = cy * cp * sr - sy * sp * cr;
      s.imuOrientation[2] = cy * sp * cr + sy * cp * sr;
      s.imuOrientation[3] = sy * cp * cr - cy * sp * sr;
      assertEquals(roll, s.imuRoll(), 1e-9);
      assertEquals(pitch, s.imuPitch(), 1e-9);
    }
  }
}
