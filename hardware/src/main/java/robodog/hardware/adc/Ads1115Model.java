package robodog.hardware.adc;

import java.util.ArrayList;
import java.util.List;
import robodog.hardware.i2c.I2cDevice;

/**
 * A register model of the ADS1115: the config register and a conversion register that encodes the
 * AIN0 voltage with whatever gain the driver chose. For driver tests and hardware-in-the-loop
 * simulation.
 */
public final class Ads1115Model implements I2cDevice {
  private static final double[] FULL_SCALE = {
    6.144, 4.096, 2.048, 1.024, 0.512, 0.256, 0.256, 0.256
  };

  public final List<byte[]> writes = new ArrayList<>();
  public int config = 0x8583; // power-on default: single-shot, ±2.048 V

  /** Voltage on AIN0, V. */
  public double pinVolts;

  @Override
  public int address() {
    return 0x48;
  }

  @Override
  public void write(byte[] d, int o, int n) {
    writes.add(java.util.Arrays.copyOfRange(d, o, o + n));
    if ((d[o] & 0xFF) == 0x01 && n == 3) {
      config = ((d[o + 1] & 0xFF) << 8) | (d[o + 2] & 0xFF);
    }
  }

  @Override
  public void readRegister(int r, byte[] b, int o, int n) {
    int pga = (config >> 9) & 7;
    double fullScale = FULL_SCALE[pga]; // read every few ticks in hardware in the loop: no garbage
    int raw = (int) Math.max(-32768, Math.min(32767, Math.round(pinVolts / fullScale * 32768)));
    int v = r == 0 ? raw : config;
    b[o] = (byte) (v >> 8);
    b[o + 1] = (byte) v;
  }
}
