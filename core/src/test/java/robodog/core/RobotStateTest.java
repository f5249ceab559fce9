package robodog.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * IMU roll and pitch from the orientation quaternion, checked against quaternions composed by
 * Hamilton products of single-axis rotations (not the closed-form Euler-to-quaternion formula).
 */
class RobotStateTest {
  private static final double DEG = Math.PI / 180;

  /** Rotation by {@code angle} about unit axis (ax, ay, az), as w, x, y, z. */
  private static double[] axisAngle(double ax, double ay, double az, double angle) {
    double s = Math.sin(angle / 2);
    return new double[] {Math.cos(angle / 2), ax * s, ay * s, az * s};
  }

  /** Hamilton product a * b (apply b first, then a). */
  private static double[] mul(double[] a, double[] b) {
    return new double[] {
      a[0] * b[0] - a[1] * b[1] - a[2] * b[2] - a[3] * b[3],
      a[0] * b[1] + a[1] * b[0] + a[2] * b[3] - a[3] * b[2],
      a[0] * b[2] - a[1] * b[3] + a[2] * b[0] + a[3] * b[1],
      a[0] * b[3] + a[1] * b[2] - a[2] * b[1] + a[3] * b[0]
    };
  }

  private static void set(RobotState s, double[] q, double sign) {
    for (int k = 0; k < 4; k++) {
      s.imuOrientation[k] = sign * q[k];
    }
  }

  @Test
  void rollAndPitchMatchQuaternionsBuiltFromAxisRotations() {
    SplittableRandom r = new SplittableRandom(20240611L);
    RobotState s = new RobotState();
    for (int i = 0; i < 20_000; i++) {
      double roll = (r.nextDouble() * 2 - 1) * 170 * DEG;
      double pitch = (r.nextDouble() * 2 - 1) * 80 * DEG;
      double yaw = (r.nextDouble() * 2 - 1) * 180 * DEG;
      // REP-103 fixed axes x, y, z: roll first, then pitch, then yaw.
      double[] q =
          mul(axisAngle(0, 0, 1, yaw), mul(axisAngle(0, 1, 0, pitch), axisAngle(1, 0, 0, roll)));
      // q and -q are the same rotation: the IMU may report either.
      for (double sign : new double[] {1, -1}) {
        set(s, q, sign);
        String at = "roll " + roll / DEG + " pitch " + pitch / DEG + " yaw " + yaw / DEG;
        assertEquals(roll, s.imuRoll(), 1e-9, at);
        assertEquals(pitch, s.imuPitch(), 1e-9, at);
      }
    }
  }

  @Test
  void levelAndSimpleTiltsReadAsExpected() {
    RobotState s = new RobotState();
    assertEquals(0, s.imuRoll(), 0, "a fresh state reads level");
    assertEquals(0, s.imuPitch(), 0);
    // Nose down by 30 degrees is positive pitch about +y (REP-103, right-handed).
    set(s, axisAngle(0, 1, 0, 30 * DEG), 1);
    assertEquals(30 * DEG, s.imuPitch(), 1e-12);
    assertEquals(0, s.imuRoll(), 1e-12);
    // Left side down (right side up) is negative roll about +x.
    set(s, axisAngle(1, 0, 0, -20 * DEG), 1);
    assertEquals(-20 * DEG, s.imuRoll(), 1e-12);
    assertEquals(0, s.imuPitch(), 1e-12);
    // Pure yaw changes neither.
    set(s, axisAngle(0, 0, 1, 2.5), 1);
    assertEquals(0, s.imuRoll(), 1e-12);
    assertEquals(0, s.imuPitch(), 1e-12);
  }

  @Test
  void pitchStaysFiniteWhenRoundingPushesPastVertical() {
    RobotState s = new RobotState();
    // |2(wy - zx)| slightly above 1 from rounding must clamp, not give NaN.
    double h = Math.sqrt(0.5) * (1 + 1e-12);
    set(s, new double[] {h, 0, h, 0}, 1);
    assertEquals(Math.PI / 2, s.imuPitch(), 1e-6);
    assertTrue(Double.isFinite(s.imuRoll()));
  }

  @Test
  void copyFromCopiesEveryField() {
    RobotState a = new RobotState();
    a.stampNanos = 42;
    for (int i = 0; i < Joints.COUNT; i++) {
      a.jointPosition[i] = i;
      a.jointVelocity[i] = -i;
      a.jointEffort[i] = 0.5 * i;
    }
    a.footContact[4] = true;
    a.contactsValid = true;
    set(a, axisAngle(0, 1, 0, 0.3), 1);
    a.imuAngularVelocity[1] = 0.7;
    a.imuLinearAcceleration[2] = 9.81;
    a.estopPressed = true;
    a.batteryVolts = 7.4;
    a.batteryCritical = true;

    RobotState b = new RobotState();
    b.copyFrom(a);
    assertEquals(42, b.stampNanos);
    assertArrayEquals(a.jointPosition, b.jointPosition, 0);
    assertArrayEquals(a.jointVelocity, b.jointVelocity, 0);
    assertArrayEquals(a.jointEffort, b.jointEffort, 0);
    assertArrayEquals(a.footContact, b.footContact);
    assertTrue(b.contactsValid);
    assertArrayEquals(a.imuOrientation, b.imuOrientation, 0);
    assertArrayEquals(a.imuAngularVelocity, b.imuAngularVelocity, 0);
    assertArrayEquals(a.imuLinearAcceleration, b.imuLinearAcceleration, 0);
    assertTrue(b.estopPressed);
    assertEquals(7.4, b.batteryVolts, 0);
    assertTrue(b.batteryCritical);
  }
}
