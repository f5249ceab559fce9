package robodog.hardware.imu;

import robodog.core.Rotations;
import robodog.hardware.i2c.I2cDevice;

/**
 * InvenSense MPU-6050 accelerometer and gyro over I2C (register map rev. 4.2): wake on the X-gyro
 * PLL clock, 44 Hz digital low-pass, chosen full-scale ranges, and one 14-byte burst per reading
 * (accel, temperature, gyro, big-endian). Sensor axes are taken as base_link axes (mount the board
 * x forward, z up); readings come out in SI: m/s² specific force and rad/s.
 *
 * <p>Control thread only; {@link #read} allocates nothing.
 */
public final class Mpu6050 {
  static final int SMPLRT_DIV = 0x19;
  static final int CONFIG = 0x1A;
  static final int GYRO_CONFIG = 0x1B;
  static final int ACCEL_CONFIG = 0x1C;
  static final int ACCEL_XOUT_H = 0x3B;
  static final int PWR_MGMT_1 = 0x6B;
  static final int WHO_AM_I = 0x75;
  static final int WHO_AM_I_VALUE = 0x68;
  private static final double G = 9.80665;

  private final I2cDevice device;
  private final int gyroSel;
  private final int accelSel;
  private final double accelPerLsb;
  private final double gyroPerLsb;
  private final byte[] burst = new byte[14];
  private final byte[] two = new byte[2];
  private final byte[] one = new byte[1];
  private final double[] r = {1, 0, 0, 0, 1, 0, 0, 0, 1};

  /**
   * A chip mounted rotated on the body: readings are rotated into base_link.
   *
   * @param mountRollPitchYaw the board's orientation in base_link, rad (REP-103 fixed axes)
   */
  public Mpu6050(I2cDevice device, int gyroRangeDps, int accelRangeG, double[] mountRollPitchYaw) {
    this(device, gyroRangeDps, accelRangeG);
    Rotations.rpyToMatrix(mountRollPitchYaw[0], mountRollPitchYaw[1], mountRollPitchYaw[2], r);
  }

  /**
   * @param gyroRangeDps 250, 500, 1000 or 2000 °/s
   * @param accelRangeG 2, 4, 8 or 16 g
   */
  public Mpu6050(I2cDevice device, int gyroRangeDps, int accelRangeG) {
    this.device = device;
    this.gyroSel = select(gyroRangeDps, new int[] {250, 500, 1000, 2000}, "gyro range °/s");
    this.accelSel = select(accelRangeG, new int[] {2, 4, 8, 16}, "accelerometer range g");
    this.accelPerLsb = G / (16384.0 / (1 << accelSel));
    this.gyroPerLsb = Math.toRadians(1.0 / (131.0 / (1 << gyroSel)));
  }

  private static int select(int v, int[] allowed, String what) {
    for (int i = 0; i < allowed.length; i++) {
      if (allowed[i] == v) {
        return i;
      }
    }
    throw new IllegalArgumentException(
        "MPU-6050 "
            + what
            + " must be one of "
            + java.util.Arrays.toString(allowed)
            + ", got "
            + v);
  }

  /** Checks WHO_AM_I, wakes the chip and sets filter and ranges. Throws naming what was found. */
  public void initialize() {
    device.readRegister(WHO_AM_I, one, 0, 1);
    int who = one[0] & 0x7E; // bits 6:1 hold the address; bit 0 and 7 are reserved
    if (who != WHO_AM_I_VALUE) {
      throw new IllegalStateException(
          String.format(
              "no MPU-6050 at 0x%02x: WHO_AM_I read 0x%02x, expected 0x68",
              device.address(), one[0] & 0xFF));
    }
    writeRegister(PWR_MGMT_1, 0x01); // wake, clock from the X gyro PLL (more stable)
    writeRegister(SMPLRT_DIV, 0x00);
    writeRegister(CONFIG, 0x03); // DLPF 44 Hz accel / 42 Hz gyro: well above gait frequencies
    writeRegister(GYRO_CONFIG, gyroSel << 3);
    writeRegister(ACCEL_CONFIG, accelSel << 3);
  }

  private void writeRegister(int r, int v) {
    two[0] = (byte) r;
    two[1] = (byte) v;
    device.write(two, 0, 2);
  }

  /**
   * One burst read.
   *
   * @param accelToPack specific force x, y, z, m/s² (reads +9.81 on z lying flat)
   * @param gyroToPack angular rate x, y, z, rad/s (before bias correction)
   * @return false when the transaction failed (absorbed by a retrying device): the values written
   *     are then not a reading and must not be used
   */
  public boolean read(double[] accelToPack, double[] gyroToPack) {
    device.readRegister(ACCEL_XOUT_H, burst, 0, 14);
    if (device.lastFailed()) {
      return false;
    }
    double ax = word(0) * accelPerLsb;
    double ay = word(2) * accelPerLsb;
    double az = word(4) * accelPerLsb;
    double gx = word(8) * gyroPerLsb;
    double gy = word(10) * gyroPerLsb;
    double gz = word(12) * gyroPerLsb;
    for (int i = 0; i < 3; i++) {
      accelToPack[i] = r[3 * i] * ax + r[3 * i + 1] * ay + r[3 * i + 2] * az;
      gyroToPack[i] = r[3 * i] * gx + r[3 * i + 1] * gy + r[3 * i + 2] * gz;
    }
    return true;
  }

  private int word(int i) {
    return (short) (((burst[i] & 0xFF) << 8) | (burst[i + 1] & 0xFF));
  }
}
