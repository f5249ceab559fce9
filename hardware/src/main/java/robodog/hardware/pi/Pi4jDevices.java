package robodog.hardware.pi;

import com.pi4j.Pi4J;
import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalInput;
import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.io.gpio.digital.PullResistance;
import com.pi4j.io.i2c.I2C;
import robodog.core.Joints;
import robodog.core.LegId;
import robodog.hardware.PiHardware;
import robodog.hardware.adc.Ads1115;
import robodog.hardware.adc.BatteryMonitor;
import robodog.hardware.gpio.DigitalIn;
import robodog.hardware.gpio.DigitalOut;
import robodog.hardware.i2c.I2cDevice;
import robodog.hardware.i2c.Pi4jI2cDevice;
import robodog.hardware.i2c.RetryingI2cDevice;
import robodog.hardware.imu.Mpu6050;
import robodog.hardware.pca9685.Pca9685Registers;
import robodog.hardware.servo.ServoCalibration;
import robodog.hardware.servo.ServoOutput;

/**
 * Builds {@link PiHardware} from a Pi4J 2 context: one I2C handle per chip on the configured bus
 * (wrapped to retry glitches), GPIO inputs with pull-ups for switches, the relay output low at
 * start and at shutdown. Start-up only. Failures name the bus, address or pin that could not be
 * opened.
 */
public final class Pi4jDevices implements AutoCloseable {
  private final Context pi4j;
  private final String i2cProvider;

  /** Opens Pi4J with its auto-detected platform (Raspberry Pi, linuxfs I2C). */
  public Pi4jDevices() {
    this(Pi4J.newAutoContext(), null);
  }

  /**
   * Uses a given context, e.g. one holding the hardware-in-the-loop I2C provider.
   *
   * @param i2cProvider Pi4J provider id for I2C, or null for the context's default
   */
  public Pi4jDevices(Context pi4j, String i2cProvider) {
    this.pi4j = pi4j;
    this.i2cProvider = i2cProvider;
  }

  private I2cDevice i2c(int bus, int address) {
    try {
      I2C dev =
          pi4j.create(
              I2C.newConfigBuilder(pi4j)
                  .id(String.format("i2c-%d-%02x", bus, address))
                  .bus(bus)
                  .device(address));
      return new RetryingI2cDevice(new Pi4jI2cDevice(dev), 2, 5);
    } catch (RuntimeException e) {
      throw new IllegalStateException(
          String.format(
              "cannot open I2C bus %d address 0x%02x (is I2C enabled, is this a Raspberry Pi?): %s",
              bus, address, e.getMessage()),
          e);
    }
  }

  private DigitalIn input(String id, int bcm, boolean activeLow) {
    try {
      DigitalInput in =
          pi4j.create(
              DigitalInput.newConfigBuilder(pi4j)
                  .id(id)
                  .address(bcm)
                  .pull(activeLow ? PullResistance.PULL_UP : PullResistance.PULL_DOWN));
      return activeLow ? () -> in.isLow() : () -> in.isHigh();
    } catch (RuntimeException e) {
      throw new IllegalStateException(
          "cannot open GPIO " + bcm + " (" + id + "): " + e.getMessage(), e);
    }
  }

  private DigitalOut output(String id, int bcm) {
    try {
      DigitalOutput out =
          pi4j.create(
              DigitalOutput.newConfigBuilder(pi4j)
                  .id(id)
                  .address(bcm)
                  .initial(DigitalState.LOW)
                  .shutdown(DigitalState.LOW));
      return high -> out.state(high ? DigitalState.HIGH : DigitalState.LOW);
    } catch (RuntimeException e) {
      throw new IllegalStateException(
          "cannot open GPIO " + bcm + " (" + id + "): " + e.getMessage(), e);
    }
  }

  /** The servo boards alone (the calibration tool). */
  public ServoOutput servoOutput(PinMap pins, ServoCalibration cal) {
    int bus = pins.i2cBus();
    I2cDevice[] boards = new I2cDevice[cal.boardAddresses().size()];
    for (int b = 0; b < boards.length; b++) {
      boards[b] = i2c(bus, cal.boardAddresses().get(b));
    }
    return new ServoOutput(cal, boards, i2c(bus, Pca9685Registers.ALL_CALL_ADDRESS));
  }

  /**
   * The I2C side of the robot with the given pins (hardware-in-the-loop: the simulator provides
   * switches, E-stop and relay).
   */
  public PiHardware build(
      PinMap pins,
      ServoCalibration cal,
      double[] initialJoints,
      DigitalIn[] feet,
      DigitalIn estop,
      DigitalOut relay) {
    return assemble(pins, servoOutput(pins, cal), initialJoints, feet, estop, relay, null);
  }

  /** The robot's hardware port on this Pi. */
  public PiHardware build(PinMap pins, ServoCalibration cal, double[] initialJoints) {
    ServoOutput servos = servoOutput(pins, cal); // the I2C bus first: nothing works without it
    DigitalIn[] feet = new DigitalIn[LegId.COUNT];
    for (LegId leg : LegId.VALUES) {
      feet[leg.ordinal()] =
          input(
              "foot-" + leg.shortName(),
              pins.footSwitchBcm().get(leg.ordinal()),
              pins.switchesActiveLow());
    }
    return assemble(
        pins,
        servos,
        initialJoints,
        feet,
        input("estop", pins.estopBcm(), pins.estopActiveLow()),
        output("servo-relay", pins.relayBcm()),
        pins.oeBcm() < 0 ? null : output("pca9685-oe", pins.oeBcm()));
  }

  private PiHardware assemble(
      PinMap pins,
      ServoOutput servos,
      double[] initialJoints,
      DigitalIn[] feet,
      DigitalIn estop,
      DigitalOut relay,
      DigitalOut oeBar) {
    if (initialJoints.length != Joints.COUNT) {
      throw new IllegalArgumentException("expected 18 initial joint angles");
    }
    int bus = pins.i2cBus();
    double[] mount = {
      pins.imuMountRpyRad().get(0), pins.imuMountRpyRad().get(1), pins.imuMountRpyRad().get(2)
    };
    return new PiHardware(
        servos,
        new Mpu6050(i2c(bus, pins.imuAddress()), 500, 4, mount),
        new Ads1115(i2c(bus, pins.adcAddress()), pins.batteryDivider()),
        new BatteryMonitor(
            pins.batteryWarnVolts(),
            pins.batteryCriticalVolts(),
            0.1,
            robodog.core.BatteryCharge.FILTER_SECONDS),
        feet,
        estop,
        relay,
        oeBar,
        initialJoints);
  }

  @Override
  public void close() {
    pi4j.shutdown();
  }
}
