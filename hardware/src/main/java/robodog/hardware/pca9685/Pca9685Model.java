package robodog.hardware.pca9685;

import java.util.ArrayList;
import java.util.List;

/**
 * A register-accurate model of the PCA9685 (datasheet rev. 4), for driver tests and for
 * hardware-in-the-loop simulation (the simulator reads the pulses the real driver wrote): 256
 * registers with the power-on values, MODE1 auto-increment (or not: then every byte lands in the
 * addressed register), PRE_SCALE writable only while SLEEP is set, the ALL_LED registers writing
 * every channel, All-Call only while MODE1.ALLCALL is set, and a log of every transaction seen.
 */
public final class Pca9685Model {
  public final int address;
  public final int[] reg = new int[256];
  public final List<byte[]> transactions = new ArrayList<>();
  private boolean logging = true;
  public int ignoredPrescaleWrites;

  /**
   * Per channel, writes of its own OFF_H register with the full-off bit: the channel told to go
   * limp on its own (the All-Call stop, through ALL_LED_OFF_H, is not counted). Any thread may read
   * it.
   */
  public final java.util.concurrent.atomic.AtomicIntegerArray limpWrites =
      new java.util.concurrent.atomic.AtomicIntegerArray(16);

  public Pca9685Model(int address) {
    this.address = address;
    reg[Pca9685Registers.MODE1] = 0x11; // power-on: SLEEP | ALLCALL
    reg[Pca9685Registers.MODE2] = 0x04;
    reg[Pca9685Registers.PRE_SCALE] = 0x1E; // 200 Hz at 25 MHz
    for (int ch = 0; ch < 16; ch++) {
      reg[Pca9685Registers.LED0_ON_L + 4 * ch + 3] = Pca9685Registers.FULL_OFF; // outputs off
    }
  }

  /** One bus transaction addressed to this chip (address byte excluded). */
  public void transaction(byte[] data, int offset, int length) {
    if (logging) {
      transactions.add(java.util.Arrays.copyOfRange(data, offset, offset + length));
    }
    if (length == 0) {
      return;
    }
    int pointer = data[offset] & 0xFF;
    boolean ai = (reg[Pca9685Registers.MODE1] & Pca9685Registers.MODE1_AI) != 0;
    for (int i = 1; i < length; i++) {
      store(pointer, data[offset + i] & 0xFF);
      if (ai) {
        pointer = pointer == 0xFF ? 0 : pointer + 1;
      }
    }
  }

  private void store(int r, int v) {
    if (r == Pca9685Registers.PRE_SCALE
        && (reg[Pca9685Registers.MODE1] & Pca9685Registers.MODE1_SLEEP) == 0) {
      ignoredPrescaleWrites++; // datasheet: blocked unless SLEEP = 1
      return;
    }
    if (r >= Pca9685Registers.ALL_LED_ON_L && r <= Pca9685Registers.ALL_LED_OFF_H) {
      for (int ch = 0; ch < 16; ch++) {
        reg[Pca9685Registers.LED0_ON_L + 4 * ch + (r - Pca9685Registers.ALL_LED_ON_L)] = v;
      }
    }
    int led = r - Pca9685Registers.LED0_ON_L;
    if (led >= 0 && led < 64 && led % 4 == 3 && (v & Pca9685Registers.FULL_OFF) != 0) {
      limpWrites.incrementAndGet(led / 4);
    }
    reg[r] = v;
  }

  public boolean respondsToAllCall() {
    return (reg[Pca9685Registers.MODE1] & Pca9685Registers.MODE1_ALLCALL) != 0;
  }

  /** OFF count of a channel (12 bits). */
  public int offCount(int ch) {
    int b = Pca9685Registers.LED0_ON_L + 4 * ch;
    return reg[b + 2] | ((reg[b + 3] & 0x0F) << 8);
  }

  public boolean fullOff(int ch) {
    return (reg[Pca9685Registers.LED0_ON_L + 4 * ch + 3] & Pca9685Registers.FULL_OFF) != 0;
  }

  /** Stops recording transactions (long simulations would fill memory). */
  public void stopLogging() {
    logging = false;
  }

  /** PWM frequency the chip produces at oscillator {@code osc}, Hz. */
  public double pwmHz(double osc) {
    return osc / (4096.0 * (reg[Pca9685Registers.PRE_SCALE] + 1));
  }
}
