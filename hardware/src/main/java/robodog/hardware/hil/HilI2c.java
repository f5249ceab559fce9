package robodog.hardware.hil;

import com.pi4j.io.i2c.I2CBase;
import com.pi4j.io.i2c.I2CConfig;
import com.pi4j.io.i2c.I2CProvider;
import robodog.hardware.i2c.I2cDevice;

/**
 * One Pi4J I2C handle on a simulated chip: every Pi4J read or write becomes the same bus
 * transaction on the chip's register model (pointer byte then data, or a register read).
 */
final class HilI2c extends I2CBase<HilI2cProvider.DirectBus> {
  private final I2cDevice chip;
  private final byte[] one = new byte[1];
  private final byte[] two = new byte[2];

  HilI2c(I2CProvider provider, I2CConfig config, I2cDevice chip) {
    super(provider, config, new HilI2cProvider.DirectBus());
    this.chip = chip;
  }

  @Override
  public int write(byte b) {
    one[0] = b;
    chip.write(one, 0, 1);
    return 1;
  }

  @Override
  public int write(byte[] data, int offset, int length) {
    chip.write(data, offset, length);
    return length;
  }

  @Override
  public int read() {
    throw new UnsupportedOperationException("the drivers read through registers");
  }

  @Override
  public int read(byte[] buffer, int offset, int length) {
    throw new UnsupportedOperationException("the drivers read through registers");
  }

  @Override
  public int readRegister(int register) {
    chip.readRegister(register, one, 0, 1);
    return one[0] & 0xFF;
  }

  @Override
  public int readRegister(int register, byte[] buffer, int offset, int length) {
    chip.readRegister(register, buffer, offset, length);
    return length;
  }

  @Override
  public int readRegister(byte[] register, byte[] buffer, int offset, int length) {
    chip.readRegister(register[0] & 0xFF, buffer, offset, length);
    return length;
  }

  @Override
  public int writeRegister(int register, byte b) {
    two[0] = (byte) register;
    two[1] = b;
    chip.write(two, 0, 2);
    return 1;
  }

  @Override
  public int writeRegister(int register, byte[] data, int offset, int length) {
    byte[] frame = new byte[length + 1];
    frame[0] = (byte) register;
    System.arraycopy(data, offset, frame, 1, length);
    chip.write(frame, 0, frame.length);
    return length;
  }

  @Override
  public int writeRegister(byte[] register, byte[] data, int offset, int length) {
    return writeRegister(register[0] & 0xFF, data, offset, length);
  }
}
