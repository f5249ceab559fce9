package robodog.hardware.i2c;

/**
 * One device on an I2C bus at a fixed 7-bit address: the seam between our drivers and Pi4J, so
 * drivers are tested byte for byte against register-accurate device models instead of Pi4J's FIFO
 * mock. A write is one bus transaction: START, address, the bytes, STOP.
 *
 * <p>Control thread only (drivers are called from the hardware port); allocation-free.
 */
public interface I2cDevice {
  /** The 7-bit bus address. */
  int address();

  /** Writes {@code length} bytes from {@code data[offset..]} in one transaction. */
  void write(byte[] data, int offset, int length);

  /**
   * Writes the register pointer then reads {@code length} bytes into {@code buffer[offset..]} (a
   * combined write-read transaction with a repeated START).
   */
  void readRegister(int register, byte[] buffer, int offset, int length);

  /**
   * True when the last transaction did not go through but was absorbed without an exception (a
   * retrying device gave up on it within its budget): the bytes of a read are then not a reading.
   */
  default boolean lastFailed() {
    return false;
  }
}
