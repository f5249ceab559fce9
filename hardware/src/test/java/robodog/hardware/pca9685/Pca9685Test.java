package robodog.hardware.pca9685;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class Pca9685Test {
  private static final double OSC = 25_000_000;

  @Test
  void initialisationFollowsTheDatasheetByteForByte() {
    Pca9685Bus bus = new Pca9685Bus();
    Pca9685Model chip = bus.add(0x40);
    long[] paused = {0};
    new Pca9685(bus.device(0x40), OSC, 50).initialize(us -> paused[0] += us);
    byte[][] expected = {
      {0x00, 0x11}, // MODE1: SLEEP (+ALLCALL) so PRE_SCALE can be written
      {(byte) 0xFE, 121}, // PRE_SCALE = round(25 MHz / (4096 * 50 Hz)) - 1
      {0x01, 0x04}, // MODE2: totem-pole outputs
      {0x00, 0x21}, // MODE1: wake, auto-increment, ALLCALL kept
      {0x00, (byte) 0xA1} // MODE1: RESTART after >= 500 µs
    };
    assertEquals(expected.length, chip.transactions.size());
    for (int i = 0; i < expected.length; i++) {
      assertArrayEquals(expected[i], chip.transactions.get(i), "transaction " + i);
    }
    assertEquals(500, paused[0], "the oscillator needs 500 µs before RESTART");
    assertEquals(0, chip.ignoredPrescaleWrites, "PRE_SCALE must be written while asleep");
    assertEquals(50.0, chip.pwmHz(OSC), 0.1);
  }

  @Test
  void aFrameOfNineServosIsOneBurstOf38BytesPerBoard() {
    Pca9685Bus bus = new Pca9685Bus();
    Pca9685Model a = bus.add(0x40);
    Pca9685Model b = bus.add(0x41);
    Pca9685 pa = new Pca9685(bus.device(0x40), OSC, 50);
    Pca9685 pb = new Pca9685(bus.device(0x41), OSC, 50);
    pa.initialize(us -> {});
    pb.initialize(us -> {});
    bus.transactions = 0;
    bus.wireBytes = 0;
    double[] pulses = new double[9];
    for (int i = 0; i < 9; i++) {
      pulses[i] = 0.0010 + i * 0.000125; // 1.0 ms .. 2.0 ms
    }
    pa.writePulses(pulses, 0, 9);
    pb.writePulses(pulses, 0, 9);
    assertEquals(2, bus.transactions);
    assertEquals(76, bus.wireBytes, "2 x (address + register + 9 x 4)");
    double period = 122 * 4096 / OSC;
    for (int i = 0; i < 9; i++) {
      int expected = (int) Math.round(pulses[i] / period * 4096);
      assertEquals(expected, a.offCount(i), "channel " + i);
      assertEquals(expected, b.offCount(i));
      assertFalse(a.fullOff(i));
    }
    assertEquals(307, pa.counts(0.0015), "1.5 ms at 50 Hz from 25 MHz");
    assertTrue(a.fullOff(9), "channels not written stay off");
  }

  @Test
  void theOscillatorFrequencyIsCalibratedPerBoard() {
    Pca9685 nominal = new Pca9685(new Pca9685Bus().device(0x40), 25_000_000, 50);
    Pca9685 fast = new Pca9685(new Pca9685Bus().device(0x40), 26_600_000, 50);
    assertEquals(121, nominal.prescale());
    assertEquals(129, fast.prescale());
    // The same pulse maps to the counts that give that width on each board's real clock.
    assertEquals(0.0015, fast.counts(0.0015) * fast.periodSeconds() / 4096, 5e-6);
  }

  @Test
  void emergencyStopTurnsEveryChannelOfEveryBoardOffInOneTransaction() {
    Pca9685Bus bus = new Pca9685Bus();
    Pca9685Model a = bus.add(0x40);
    Pca9685Model b = bus.add(0x41);
    Pca9685 pa = new Pca9685(bus.device(0x40), OSC, 50);
    Pca9685 pb = new Pca9685(bus.device(0x41), OSC, 50);
    pa.initialize(us -> {});
    pb.initialize(us -> {});
    double[] pulses = new double[16];
    Arrays.fill(pulses, 0.0015);
    pa.writePulses(pulses, 0, 16);
    pb.writePulses(pulses, 0, 16);
    bus.transactions = 0;
    Pca9685.allOff(bus.device(0x70), new byte[2]);
    assertEquals(1, bus.transactions);
    for (int ch = 0; ch < 16; ch++) {
      assertTrue(a.fullOff(ch) && b.fullOff(ch), "channel " + ch);
    }
  }

  @Test
  void misuseIsRefusedWithTheReason() {
    Pca9685Bus bus = new Pca9685Bus();
    bus.add(0x40);
    Pca9685 p = new Pca9685(bus.device(0x40), OSC, 50);
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> p.writePulses(new double[] {0.0015}, 0, 1));
    assertTrue(e.getMessage().contains("before initialize"));
    IllegalArgumentException f =
        assertThrows(
            IllegalArgumentException.class, () -> new Pca9685(bus.device(0x40), OSC, 5000));
    assertTrue(f.getMessage().contains("prescale"), f.getMessage());
    p.initialize(us -> {});
    assertThrows(IllegalArgumentException.class, () -> p.writePulses(new double[8], 12, 8));
  }
}
