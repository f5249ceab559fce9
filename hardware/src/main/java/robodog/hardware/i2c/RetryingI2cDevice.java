package robodog.hardware.i2c;

/**
 * Retries failed transactions a few times inside the same tick (an I2C glitch from servo noise is
 * common and transient), counts every failure, and gives up loudly after too many consecutive
 * failed transactions: the exception reaches the loop, which calls the hardware's onError and puts
 * the controller in its safe state.
 *
 * <p>Control thread only; allocation-free unless the bus fails.
 */
public final class RetryingI2cDevice implements I2cDevice {
  private final I2cDevice inner;
  private final int retries;
  private final int maxConsecutive;
  private long failures;
  private int consecutive;
  private boolean lastFailed;

  /**
   * @param retries extra attempts per transaction (keep the tick budget in mind: ~0.5 ms each)
   * @param maxConsecutive failed transactions in a row before giving up
   */
  public RetryingI2cDevice(I2cDevice inner, int retries, int maxConsecutive) {
    this.inner = inner;
    this.retries = retries;
    this.maxConsecutive = maxConsecutive;
  }

  @Override
  public int address() {
    return inner.address();
  }

  @Override
  public void write(byte[] data, int offset, int length) {
    RuntimeException last = null;
    for (int attempt = 0; attempt <= retries; attempt++) {
      try {
        inner.write(data, offset, length);
        consecutive = 0;
        lastFailed = false;
        return;
      } catch (RuntimeException e) {
        failures++;
        last = e;
      }
    }
    fail(last);
  }

  @Override
  public void readRegister(int register, byte[] buffer, int offset, int length) {
    RuntimeException last = null;
    for (int attempt = 0; attempt <= retries; attempt++) {
      try {
        inner.readRegister(register, buffer, offset, length);
        consecutive = 0;
        lastFailed = false;
        return;
      } catch (RuntimeException e) {
        failures++;
        last = e;
      }
    }
    fail(last);
  }

  private void fail(RuntimeException last) {
    consecutive++;
    lastFailed = true;
    if (consecutive >= maxConsecutive) {
      throw new IllegalStateException(
          "I2C device 0x"
              + Integer.toHexString(address())
              + " failed "
              + consecutive
              + " transactions in a row ("
              + failures
              + " failed attempts in all)",
          last);
    }
  }

  @Override
  public boolean lastFailed() {
    return lastFailed;
  }

  /** Failed attempts since start. */
  public long failures() {
    return failures;
  }
}
