package robodog.hardware.imu;

import java.util.ArrayList;
import java.util.List;
import robodog.hardware.i2c.I2cDevice;

/**
 * A register model of the MPU-6050, for driver tests and hardware-in-the-loop simulation (the
 * simulator sets {@link #accelG} and {@link #gyroDps} from the simulated body): power-on in sleep
 * with WHO_AM_I 0x68, register pointer with auto-increment on burst reads and writes, and output
 * registers that encode a "physical" acceleration and rate with whatever full-scale range the
 * driver chose.
 */
public final class Mpu6050Model implements I2cDevice {
  public final int[] reg = new int[128];
  public final List<byte[]> writes = new ArrayList<>();

  /** Specific force along the chip's axes, g. */
  public double[] accelG = {0, 0, 1};

  /** Angular rate about the chip's axes, °/s. */
  public double[] gyroDps = {0, 0, 0};

  public int whoAmI = 0x68;

  public Mpu6050Model() {
    reg[Mpu6050.PWR_MGMT_1] = 0x40; // SLEEP at power-on
  }

  @Override
  public int address() {
    return 0x68;
  }

  @Override
  public void write(byte[] data, int offset, int length) {
    writes.add(java.util.Arrays.copyOfRange(data, offset, offset + length));
    int p = data[offset] & 0x7F;
    for (int i = 1; i < length; i++) {
      reg[(p + i - 1) & 0x7F] = data[offset + i] & 0xFF;
    }
  }

  @Override
  public void readRegister(int register, byte[] buffer, int offset, int length) {
    refreshOutputs();
    for (int i = 0; i < length; i++) {
      int r = (register + i) & 0x7F;
      buffer[offset + i] = (byte) (r == Mpu6050.WHO_AM_I ? whoAmI : reg[r]);
    }
  }

  private void refreshOutputs() {
    boolean asleep = (reg[Mpu6050.PWR_MGMT_1] & 0x40) != 0;
    int afs = (reg[Mpu6050.ACCEL_CONFIG] >> 3) & 3;
    int fs = (reg[Mpu6050.GYRO_CONFIG] >> 3) & 3;
    for (int i = 0; i < 3; i++) {
      put(Mpu6050.ACCEL_XOUT_H + 2 * i, asleep ? 0 : accelG[i] * 16384.0 / (1 << afs));
      put(Mpu6050.ACCEL_XOUT_H + 8 + 2 * i, asleep ? 0 : gyroDps[i] * 131.0 / (1 << fs));
    }
  }

  private void put(int r, double value) {
    int v = (int) Math.max(-32768, Math.min(32767, Math.round(value)));
    reg[r] = (v >> 8) & 0xFF;
    reg[r + 1] = v & 0xFF;
  }
}
