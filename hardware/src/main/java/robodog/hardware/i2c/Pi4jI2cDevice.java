package robodog.hardware.i2c;

import com.pi4j.io.i2c.I2C;

/** {@link I2cDevice} on a real bus through Pi4J 2. Control thread only. */
public final class Pi4jI2cDevice implements I2cDevice {
  private final I2C i2c;

  public Pi4jI2cDevice(I2C i2c) {
    this.i2c = i2c;
  }

  @Override
  public int address() {
    return i2c.device();
  }

  @Override
  public void write(byte[] data, int offset, int length) {
    int n = i2c.write(data, offset, length);
    if (n != length) {
      throw new IllegalStateException(
          "I2C write to 0x"
              + Integer.toHexString(address())
              + " sent "
              + n
              + " of "
              + length
              + " bytes");
    }
  }

  @Override
  public void readRegister(int register, byte[] buffer, int offset, int length) {
    int n = i2c.readRegister(register, buffer, offset, length);
    if (n != length) {
      throw new IllegalStateException(
          "I2C read from 0x"
              + Integer.toHexString(address())
              + " got "
              + n
              + " of "
              + length
              + " bytes");
    }
  }
}
