package robodog.hardware.hil;

import com.pi4j.io.i2c.I2C;
import com.pi4j.io.i2c.I2CBus;
import com.pi4j.io.i2c.I2CConfig;
import com.pi4j.io.i2c.I2CProviderBase;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import robodog.hardware.i2c.I2cDevice;

/**
 * A Pi4J I2C provider whose devices are the project's register models instead of a Linux bus:
 * hardware-in-the-loop simulation runs the real drivers through Pi4J exactly as on the Pi, and the
 * simulator reads and fills the chips' registers. Register a device per address with {@link
 * #attach} before the drivers open it.
 */
public final class HilI2cProvider extends I2CProviderBase {
  /** Pi4J provider id to name in I2C configs. */
  public static final String ID = "robodog-hil-i2c";

  private final Map<Integer, I2cDevice> devices = new ConcurrentHashMap<>();

  public HilI2cProvider() {
    super(ID, "robodog hardware-in-the-loop I2C");
  }

  /** Puts a chip model on the bus at its address. */
  public HilI2cProvider attach(I2cDevice chip) {
    devices.put(chip.address(), chip);
    return this;
  }

  @Override
  public I2C create(I2CConfig config) {
    I2cDevice chip = devices.get(config.device());
    if (chip == null) {
      throw new IllegalStateException(
          String.format("no simulated chip at I2C address 0x%02x", config.device()));
    }
    HilI2c i2c = new HilI2c(this, config, chip);
    context.registry().add(i2c);
    return i2c;
  }

  /** Transactions run on the caller's thread; the models are not shared between threads. */
  static final class DirectBus implements I2CBus {
    @Override
    public <R> R execute(I2C i2c, Callable<R> action) {
      try {
        return action.call();
      } catch (RuntimeException e) {
        throw e;
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }
  }
}
