package robodog.hardware.adc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import robodog.hardware.i2c.I2cDevice;

class AdcTest {
  /** ADS1115 register model: config register, conversion register fed from a pin voltage. */
  static final class Ads1115Model implements I2cDevice {
    final List<byte[]> writes = new ArrayList<>();
    int config = 0x8583; // power-on default: single-shot, ±2.048 V
    double pinVolts;

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
      double fullScale = new double[] {6.144, 4.096, 2.048, 1.024, 0.512, 0.256, 0.256, 0.256}[pga];
      int raw = (int) Math.max(-32768, Math.min(32767, Math.round(pinVolts / fullScale * 32768)));
      int v = r == 0 ? raw : config;
      b[o] = (byte) (v >> 8);
      b[o + 1] = (byte) v;
    }
  }

  @Test
  void continuousConversionOfTheBatteryThroughItsDivider() {
    Ads1115Model adc = new Ads1115Model();
    Ads1115 a = new Ads1115(adc, 3.0);
    a.initialize();
    assertArrayEquals(new byte[] {0x01, 0x42, (byte) 0x83}, adc.writes.get(0));
    adc.pinVolts = 8.1 / 3.0; // a 2S pack at 8.1 V through a 3:1 divider
    assertEquals(8.1, a.readVolts(), 0.001);
  }

  @Test
  void batteryLevelsIgnoreSagSpikesUseHysteresisAndLatchCritical() {
    BatteryMonitor m = new BatteryMonitor(7.2, 6.8, 0.1, 1.0);
    double dt = 0.01;
    assertEquals(BatteryMonitor.Level.OK, m.update(7.6, dt));
    // A 50 ms servo-current sag to 6.5 V is not an empty pack.
    for (int k = 0; k < 5; k++) {
      assertEquals(BatteryMonitor.Level.OK, m.update(6.5, dt));
    }
    for (int k = 0; k < 500; k++) {
      m.update(7.1, dt);
    }
    assertEquals(BatteryMonitor.Level.LOW, m.update(7.1, dt));
    for (int k = 0; k < 500; k++) {
      m.update(7.25, dt); // above warning but inside the hysteresis band: still LOW
    }
    assertEquals(BatteryMonitor.Level.LOW, m.update(7.25, dt));
    for (int k = 0; k < 1000; k++) {
      m.update(6.6, dt);
    }
    assertEquals(BatteryMonitor.Level.CRITICAL, m.update(6.6, dt));
    for (int k = 0; k < 1000; k++) {
      m.update(7.5, dt); // rebound after the load is gone
    }
    assertEquals(BatteryMonitor.Level.CRITICAL, m.update(7.5, dt), "critical is latched");
  }
}
