package robodog.hardware.adc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class AdcTest {
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
