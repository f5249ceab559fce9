package robodog.hardware.imu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ImuTest {
  @Test
  void initialisationWakesTheChipAndSetsTheRangesByteForByte() {
    Mpu6050Model chip = new Mpu6050Model();
    new Mpu6050(chip, 500, 4).initialize();
    byte[][] expected = {{0x6B, 0x01}, {0x19, 0x00}, {0x1A, 0x03}, {0x1B, 0x08}, {0x1C, 0x08}};
    assertEquals(expected.length, chip.writes.size());
    for (int i = 0; i < expected.length; i++) {
      assertArrayEquals(expected[i], chip.writes.get(i), "write " + i);
    }
  }

  @Test
  void aBurstReadGivesSiUnitsInTheChosenRanges() {
    Mpu6050Model chip = new Mpu6050Model();
    Mpu6050 imu = new Mpu6050(chip, 2000, 16);
    imu.initialize();
    chip.accelG = new double[] {0.5, -0.25, 1.0};
    chip.gyroDps = new double[] {90, -45, 1000};
    double[] a = new double[3];
    double[] g = new double[3];
    imu.read(a, g);
    assertEquals(0.5 * 9.80665, a[0], 0.01);
    assertEquals(-0.25 * 9.80665, a[1], 0.01);
    assertEquals(9.80665, a[2], 0.01);
    assertEquals(Math.toRadians(90), g[0], Math.toRadians(0.1));
    assertEquals(Math.toRadians(-45), g[1], Math.toRadians(0.1));
    assertEquals(Math.toRadians(1000), g[2], Math.toRadians(0.1));
  }

  @Test
  void aBoardMountedTurnedReportsInBaseLinkAxes() {
    Mpu6050Model chip = new Mpu6050Model();
    // Board yawed +90° on the body: its x axis points along base_link +y.
    Mpu6050 imu = new Mpu6050(chip, 500, 4, new double[] {0, 0, Math.PI / 2});
    imu.initialize();
    chip.accelG = new double[] {1, 0, 0};
    chip.gyroDps = new double[] {0, 0, 90};
    double[] a = new double[3];
    double[] g = new double[3];
    imu.read(a, g);
    assertEquals(0, a[0], 0.01);
    assertEquals(9.80665, a[1], 0.01);
    assertEquals(
        Math.toRadians(90), g[2], Math.toRadians(0.1), "yaw rate is unchanged by a yaw mount");
  }

  @Test
  void aMissingOrWrongChipIsNamed() {
    Mpu6050Model chip = new Mpu6050Model();
    chip.whoAmI = 0x71; // an MPU-9250 answers 0x71
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> new Mpu6050(chip, 500, 4).initialize());
    assertTrue(e.getMessage().contains("WHO_AM_I read 0x71, expected 0x68"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> new Mpu6050(chip, 300, 4));
  }

  @Test
  void gyroBiasIsTheMeanAtRestAndRefusedWhenTheRobotMoves() {
    SplittableRandom r = new SplittableRandom(3);
    double[] bias =
        GyroBias.measure(
            (a, g) -> {
              g[0] = 0.02 + 0.001 * r.nextGaussian();
              g[1] = -0.01 + 0.001 * r.nextGaussian();
              g[2] = 0.005 + 0.001 * r.nextGaussian();
            },
            2000,
            0.005);
    assertEquals(0.02, bias[0], 2e-4);
    assertEquals(-0.01, bias[1], 2e-4);
    assertEquals(0.005, bias[2], 2e-4);
    double[] t = {0};
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () -> GyroBias.measure((a, g) -> g[0] = Math.sin(t[0] += 0.01), 2000, 0.005));
    assertTrue(e.getMessage().contains("the robot moved"), e.getMessage());
  }

  private static double roll(double[] q) {
    return Math.atan2(2 * (q[0] * q[1] + q[2] * q[3]), 1 - 2 * (q[1] * q[1] + q[2] * q[2]));
  }

  private static double pitch(double[] q) {
    return Math.asin(2 * (q[0] * q[2] - q[3] * q[1]));
  }

  @Test
  void mahonyConvergesToTheTiltTheAccelerometerSeesAndIgnoresShakes() {
    MahonyFilter f = new MahonyFilter(2.0, 0.05);
    double roll = Math.toRadians(20);
    double pitch = Math.toRadians(-10);
    // Specific force of a resting body with this roll and pitch, in body axes: R^T (0, 0, g).
    double ax = -Math.sin(pitch) * 9.81;
    double ay = Math.cos(pitch) * Math.sin(roll) * 9.81;
    double az = Math.cos(pitch) * Math.cos(roll) * 9.81;
    SplittableRandom r = new SplittableRandom(1);
    double[] q = new double[4];
    for (int k = 0; k < 5000; k++) { // 10 s at 500 Hz with footfall-like accelerometer noise
      f.update(
          0,
          0,
          0,
          ax + 2 * r.nextGaussian(),
          ay + 2 * r.nextGaussian(),
          az + 2 * r.nextGaussian(),
          0.002);
    }
    f.quaternion(q);
    assertEquals(roll, roll(q), Math.toRadians(1.5));
    assertEquals(pitch, pitch(q), Math.toRadians(1.5));
  }

  @Test
  void mahonyIntegratesRotationAboutTheVertical() {
    MahonyFilter f = new MahonyFilter(2.0, 0.0);
    double[] q = new double[4];
    for (int k = 0; k < 1000; k++) {
      f.update(0, 0, 0.5, 0, 0, 9.81, 0.002); // 0.5 rad/s for 2 s
    }
    f.quaternion(q);
    double yaw = Math.atan2(2 * (q[0] * q[3] + q[1] * q[2]), 1 - 2 * (q[2] * q[2] + q[3] * q[3]));
    assertEquals(1.0, yaw, 1e-6);
  }
}
