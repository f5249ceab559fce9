package robodog.hardware.hil;

import java.util.SplittableRandom;
import robodog.hardware.i2c.I2cDevice;

/**
 * A chip model on the hardware-in-the-loop bus with scripted bus failures in front of it, for fault
 * injection: the next transactions are not acknowledged (NACK) or time out (both reach the driver
 * as exceptions, as Pi4J reports them), or the chip answers reads with the same bytes every time (a
 * hung chip or a stale bus buffer), or with random bytes (noise on the bus). Each script runs for a
 * number of transactions and then the chip answers normally again.
 *
 * <p>Transactions on the control (= simulation) thread; scripts may be set from any thread.
 * Allocation-free unless a failure is thrown.
 */
public final class ScriptedI2cFaults implements I2cDevice {
  private final I2cDevice chip;
  private final SplittableRandom random;
  private final byte[] frozen = new byte[64];
  // Set by a test thread while the control thread runs the bus: volatile, and a script may lose a
  // count to a race, which changes how long it runs, not what it does.
  private volatile int nacks;
  private volatile int timeouts;
  private volatile int stuckReads;
  private volatile int garbageReads;
  private volatile long injected;

  /**
   * @param seed seeds the garbage bytes, so a failing run can be replayed
   */
  public ScriptedI2cFaults(I2cDevice chip, long seed) {
    this.chip = chip;
    this.random = new SplittableRandom(seed);
  }

  /** The next {@code n} transactions are not acknowledged. */
  public ScriptedI2cFaults nack(int n) {
    nacks = n;
    return this;
  }

  /** The next {@code n} transactions time out. */
  public ScriptedI2cFaults timeout(int n) {
    timeouts = n;
    return this;
  }

  /** The next {@code n} reads return the bytes of the read before them, unchanged. */
  public ScriptedI2cFaults stuck(int n) {
    stuckReads = n;
    return this;
  }

  /** The next {@code n} reads return random bytes. */
  public ScriptedI2cFaults garbage(int n) {
    garbageReads = n;
    return this;
  }

  /** Transactions that failed or were corrupted by the script so far. */
  public long injected() {
    return injected;
  }

  @Override
  public int address() {
    return chip.address();
  }

  private void failIfScripted() {
    if (nacks > 0) {
      nacks--;
      injected++;
      throw new IllegalStateException(
          "I2C NACK from 0x" + Integer.toHexString(chip.address()) + " (scripted)");
    }
    if (timeouts > 0) {
      timeouts--;
      injected++;
      throw new IllegalStateException(
          "I2C timeout at 0x" + Integer.toHexString(chip.address()) + " (scripted)");
    }
  }

  @Override
  public void write(byte[] data, int offset, int length) {
    failIfScripted();
    chip.write(data, offset, length);
  }

  @Override
  public void readRegister(int register, byte[] buffer, int offset, int length) {
    failIfScripted();
    int n = Math.min(length, frozen.length);
    if (stuckReads > 0) {
      stuckReads--;
      injected++;
      System.arraycopy(frozen, 0, buffer, offset, n);
      return;
    }
    if (garbageReads > 0) {
      garbageReads--;
      injected++;
      for (int i = 0; i < length; i++) {
        buffer[offset + i] = (byte) random.nextInt(256);
      }
      return;
    }
    chip.readRegister(register, buffer, offset, length);
    System.arraycopy(buffer, offset, frozen, 0, n);
  }
}
