package robodog.hardware.i2c;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import robodog.hardware.imu.StuckSensorDetector;

class FaultTest {
  /** A device that fails the next {@code failNext} attempts. */
  static final class Flaky implements I2cDevice {
    int failNext;
    int delivered;

    @Override
    public int address() {
      return 0x40;
    }

    @Override
    public void write(byte[] d, int o, int n) {
      if (failNext > 0) {
        failNext--;
        throw new IllegalStateException("NACK");
      }
      delivered++;
    }

    @Override
    public void readRegister(int r, byte[] b, int o, int n) {
      write(b, o, n);
    }
  }

  @Test
  void aTransientGlitchIsRetriedAndCounted() {
    Flaky f = new Flaky();
    RetryingI2cDevice d = new RetryingI2cDevice(f, 2, 3);
    f.failNext = 2;
    d.write(new byte[2], 0, 2);
    assertEquals(1, f.delivered);
    assertEquals(2, d.failures());
  }

  @Test
  void aDeadBusGivesUpAfterTooManyFailedTransactionsInARow() {
    Flaky f = new Flaky();
    RetryingI2cDevice d = new RetryingI2cDevice(f, 1, 3);
    f.failNext = Integer.MAX_VALUE;
    d.write(new byte[2], 0, 2); // 1st failed transaction: absorbed, frame lost
    d.write(new byte[2], 0, 2); // 2nd
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> d.write(new byte[2], 0, 2));
    assertTrue(e.getMessage().contains("failed 3 transactions in a row"), e.getMessage());
    f.failNext = 0;
    d.write(new byte[2], 0, 2); // the bus came back: the run resets
    f.failNext = 2;
    d.write(new byte[2], 0, 2);
  }

  @Test
  void aStuckImuIsDetected() {
    StuckSensorDetector s = new StuckSensorDetector(100);
    double[] a = {0, 0, 9.81};
    double[] g = {0.001, 0, 0};
    for (int k = 0; k < 500; k++) {
      g[1] = (k % 3) * 1e-4; // live noise
      s.check(a, g);
    }
    g[1] = 0;
    for (int k = 0; k < 100; k++) {
      assertFalse(s.check(a, g), "sample " + k + " of a run is still a reading");
    }
    assertTrue(s.check(a, g), "101 identical samples: stuck");
    g[1] = 1e-4;
    assertFalse(s.check(a, g), "a live sample ends the run");
  }
}
