package robodog.hardware.hil;

import com.pi4j.io.i2c.I2C;
import com.pi4j.io.i2c.I2CBus;
import com.pi4j.io.i2c.I2CConfig;
import com.pi4j.io.i2c.I2CProviderBase;
import java.lang.ref.WeakReference;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import robodog.hardware.i2c.I2cDevice;

/**
 * A Pi4J I2C provider whose devices are the project's register models instead of a Linux bus:
 * hardware-in-the-loop simulation runs the real drivers through Pi4J exactly as on the Pi, and the
 * simulator reads and fills the chips' registers. Register a device per address with {@link
 * #attach} before the drivers open it.
 *
 * <p>Every chip sits behind a {@link ScriptedI2cFaults} ({@link #faults}), idle until a script is
 * set, and every provider made in this JVM is findable through {@link #latest}: a test (or bench)
 * running the whole robot in process with {@code run --hardware hil} reaches the bus of that robot
 * to inject bus faults while it walks, as a probe on a real bus would.
 */
public final class HilI2cProvider extends I2CProviderBase {
  /** Pi4J provider id to name in I2C configs. */
  public static final String ID = "robodog-hil-i2c";

  private static final List<WeakReference<HilI2cProvider>> MADE = new CopyOnWriteArrayList<>();

  private final Map<Integer, ScriptedI2cFaults> devices = new ConcurrentHashMap<>();

  public HilI2cProvider() {
    super(ID, "robodog hardware-in-the-loop I2C");
    MADE.removeIf(r -> r.get() == null);
    MADE.add(new WeakReference<>(this));
  }

  /** The provider made last in this JVM, or null. Any thread. */
  public static HilI2cProvider latest() {
    for (int i = MADE.size() - 1; i >= 0; i--) {
      HilI2cProvider p = MADE.get(i).get();
      if (p != null) {
        return p;
      }
    }
    return null;
  }

  /** Puts a chip model on the bus at its address. */
  public HilI2cProvider attach(I2cDevice chip) {
    devices.put(chip.address(), new ScriptedI2cFaults(chip, chip.address()));
    return this;
  }

  /** The fault script in front of the chip at {@code address}; throws if there is none. */
  public ScriptedI2cFaults faults(int address) {
    ScriptedI2cFaults f = devices.get(address);
    if (f == null) {
      throw new IllegalArgumentException(
          String.format("no simulated chip at I2C address 0x%02x", address));
    }
    return f;
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
