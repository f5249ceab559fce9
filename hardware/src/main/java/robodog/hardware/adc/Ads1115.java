package robodog.hardware.adc;

import robodog.hardware.i2c.I2cDevice;

/**
 * TI ADS1115 16-bit ADC measuring the battery through a resistor divider on AIN0. Runs in
 * continuous-conversion mode at 128 samples/s with the ±4.096 V range, so the control loop only
 * ever reads the latest conversion (one 2-byte read, no waiting for a conversion to finish).
 *
 * <p>Control thread only; {@link #readVolts} allocates nothing.
 */
public final class Ads1115 {
  static final int CONVERSION = 0x00;
  static final int CONFIG = 0x01;

  /** AIN0 vs GND, ±4.096 V, continuous, 128 SPS, comparator off (datasheet table 8). */
  static final int CONFIG_VALUE = 0b0_100_001_0_100_0_0_0_11;

  private static final double VOLTS_PER_LSB = 4.096 / 32768;

  private final I2cDevice device;
  private final double dividerRatio;
  private final byte[] three = new byte[3];
  private final byte[] two = new byte[2];

  /**
   * @param dividerRatio battery volts per ADC volt (e.g. (R1 + R2) / R2 = 3.0 for a 2S pack)
   */
  public Ads1115(I2cDevice device, double dividerRatio) {
    if (!(dividerRatio >= 1 && dividerRatio <= 100)) {
      throw new IllegalArgumentException("divider ratio must be in [1, 100], got " + dividerRatio);
    }
    this.device = device;
    this.dividerRatio = dividerRatio;
  }

  /** Starts continuous conversions. */
  public void initialize() {
    three[0] = CONFIG;
    three[1] = (byte) (CONFIG_VALUE >> 8);
    three[2] = (byte) CONFIG_VALUE;
    device.write(three, 0, 3);
  }

  /**
   * The latest conversion as battery volts, or NaN when the transaction failed (the buffer would
   * hold the previous reading's bytes, which must not pass for a new one).
   */
  public double readVolts() {
    device.readRegister(CONVERSION, two, 0, 2);
    if (device.lastFailed()) {
      return Double.NaN;
    }
    int raw = (short) (((two[0] & 0xFF) << 8) | (two[1] & 0xFF));
    return raw * VOLTS_PER_LSB * dividerRatio;
  }
}
