package robodog.hardware.pca9685;

import java.util.ArrayList;
import java.util.List;
import robodog.hardware.i2c.I2cDevice;

/**
 * An I2C bus with PCA9685 register models on it (All-Call included), counting transactions and
 * bytes on the wire: the boards of driver tests and of hardware-in-the-loop simulation.
 */
public final class Pca9685Bus {
  private static final List<java.lang.ref.WeakReference<Pca9685Bus>> MADE =
      new java.util.concurrent.CopyOnWriteArrayList<>();

  // Filled at set-up only; an ArrayList keeps the frame write free of iterator garbage.
  public final List<Pca9685Model> chips = new ArrayList<>();

  public Pca9685Bus() {
    MADE.removeIf(r -> r.get() == null);
    MADE.add(new java.lang.ref.WeakReference<>(this));
  }

  /**
   * The bus made last in this JVM, or null: a test running the whole robot in process on hardware
   * in the loop reads the boards' registers of that robot through it. Any thread.
   */
  public static Pca9685Bus latest() {
    for (int i = MADE.size() - 1; i >= 0; i--) {
      Pca9685Bus b = MADE.get(i).get();
      if (b != null) {
        return b;
      }
    }
    return null;
  }

  public int transactions;
  public int wireBytes;

  /** Adds a board at {@code address}. */
  public Pca9685Model add(int address) {
    Pca9685Model m = new Pca9685Model(address);
    chips.add(m);
    return m;
  }

  /** The device handle a driver gets for {@code address} (0x70 reaches every All-Call chip). */
  public I2cDevice device(int address) {
    return new I2cDevice() {
      @Override
      public int address() {
        return address;
      }

      @Override
      public void write(byte[] data, int offset, int length) {
        transactions++;
        wireBytes += 1 + length; // address byte + payload
        boolean acked = false;
        for (Pca9685Model m : chips) {
          if (m.address == address
              || (address == Pca9685Registers.ALL_CALL_ADDRESS && m.respondsToAllCall())) {
            m.transaction(data, offset, length);
            acked = true;
          }
        }
        if (!acked) {
          throw new IllegalStateException("no ACK from 0x" + Integer.toHexString(address));
        }
      }

      @Override
      public void readRegister(int register, byte[] buffer, int offset, int length) {
        throw new UnsupportedOperationException("not used by the PCA9685 driver");
      }
    };
  }
}
