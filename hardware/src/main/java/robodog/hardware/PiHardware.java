package robodog.hardware;

import robodog.core.HardwarePort;
import robodog.core.JointCommand;
import robodog.core.Joints;
import robodog.core.LegId;
import robodog.core.RobotState;
import robodog.hardware.adc.Ads1115;
import robodog.hardware.adc.BatteryMonitor;
import robodog.hardware.gpio.Debouncer;
import robodog.hardware.gpio.DigitalIn;
import robodog.hardware.gpio.DigitalOut;
import robodog.hardware.imu.GyroBias;
import robodog.hardware.imu.MahonyFilter;
import robodog.hardware.imu.Mpu6050;
import robodog.hardware.imu.StuckSensorDetector;
import robodog.hardware.servo.ServoOutput;

/**
 * The real robot behind {@code core}'s hardware port: servo boards, IMU, foot switches, E-stop,
 * servo power relay and battery. Devices come in as our own small interfaces (I2C devices, pins),
 * built from Pi4J by the composition root, so this class is tested against device models.
 *
 * <p>Hobby servos report no position: joint positions read back as the last command sent. Safety:
 * the E-stop input asserts without debounce delay; servo power off (command disabled, E-stop,
 * deactivate, any error) switches every PWM output off in one All-Call transaction and opens the
 * relay.
 *
 * <p>Sensor faults are not bus faults: an IMU reading that failed (a transaction given up within
 * the retry budget, a chip that stopped answering, a stuck chip) is reported as a NaN IMU sample,
 * which the controller drops, and a sensor that stays bad makes the controller latch FAULT holding
 * its pose with the servos powered. A joint target that is not a finite number is never written:
 * the servo keeps its last pulse and the next reading reports {@link RobotState#actuatorFault}.
 * Only a servo bus that fails (too many transactions in a row) cuts servo power.
 *
 * <p>Control thread only; {@code read} and {@code write} allocate nothing.
 */
public final class PiHardware implements HardwarePort {
  private static final int BATTERY_EVERY_TICKS = 25;

  /** Failed battery readings in a row after which the voltage is reported unknown (NaN). */
  static final int BATTERY_FAILURES_TO_REPORT = 5;

  private final ServoOutput servos;
  private final Mpu6050 imu;
  private final Ads1115 adc;
  private final BatteryMonitor battery;
  private final DigitalIn[] footSwitches;
  private final DigitalIn estopButton;
  private final DigitalOut relay;
  private final DigitalOut oeBar;
  private final Debouncer[] feet = new Debouncer[LegId.COUNT];
  private final Debouncer estop = new Debouncer(0, 0.05, false);
  private final MahonyFilter attitude = new MahonyFilter(1.5, 0.02);
  private final StuckSensorDetector stuck = new StuckSensorDetector(100);
  private final double[] accel = new double[3];
  private final double[] gyro = new double[3];
  private final double[] lastCommand = new double[Joints.COUNT];
  private double[] bias = new double[3];
  private long ticks;
  private BatteryMonitor.Level level = BatteryMonitor.Level.OK;
  private double volts = Double.NaN;
  private int batteryFailures;
  private long batteryReadFailures;
  private boolean powered;
  private final long framePeriodNanos;
  private long sinceFrameNanos = Long.MAX_VALUE / 2;
  private long framesWritten;
  private int failedLegs;
  private boolean actuatorFault;
  private long imuFailures;
  private long refusedTargets;

  /**
   * @param footSwitches one input per leg, by {@link LegId} ordinal
   * @param outputEnableBar the boards' shared /OE pin where wired (high = every output off in
   *     hardware, independent of the I2C bus), or null
   * @param initialJoints joint angles assumed at power-on, rad (the sitting pose)
   */
  public PiHardware(
      ServoOutput servos,
      Mpu6050 imu,
      Ads1115 adc,
      BatteryMonitor battery,
      DigitalIn[] footSwitches,
      DigitalIn estopButton,
      DigitalOut relay,
      DigitalOut outputEnableBar,
      double[] initialJoints) {
    if (footSwitches.length != LegId.COUNT) {
      throw new IllegalArgumentException("expected 6 foot switches, got " + footSwitches.length);
    }
    this.servos = servos;
    this.imu = imu;
    this.adc = adc;
    this.battery = battery;
    this.footSwitches = footSwitches.clone();
    this.estopButton = estopButton;
    this.relay = relay;
    this.oeBar = outputEnableBar != null ? outputEnableBar : high -> {};
    for (int i = 0; i < LegId.COUNT; i++) {
      feet[i] = new Debouncer(0.01, 0.01, false);
    }
    System.arraycopy(initialJoints, 0, lastCommand, 0, Joints.COUNT);
    this.framePeriodNanos = Math.round(1e9 / servos.board(0).pwmHz());
  }

  @Override
  public void configure() {
    relay.set(false);
    oeBar.set(true);
    servos.initialize(us -> java.util.concurrent.locks.LockSupport.parkNanos(us * 1000));
    servos.allOff();
    imu.initialize();
    bias = GyroBias.measure(imu::read, 500, 0.01);
    adc.initialize();
  }

  @Override
  public void activate() {
    oeBar.set(false);
    relay.set(true);
    powered = true;
  }

  @Override
  public void deactivate() {
    powerOff();
  }

  private void powerOff() {
    oeBar.set(true); // first: works even when the I2C bus does not
    try {
      servos.allOff();
    } finally {
      relay.set(false);
      powered = false;
    }
  }

  @Override
  public void read(long nowNanos, long periodNanos, RobotState out) {
    double dt = periodNanos * 1e-9;
    out.stampNanos = nowNanos;
    if (readImu()) {
      for (int i = 0; i < 3; i++) {
        gyro[i] -= bias[i];
      }
      attitude.update(gyro[0], gyro[1], gyro[2], accel[0], accel[1], accel[2], dt);
      attitude.quaternion(out.imuOrientation);
      System.arraycopy(gyro, 0, out.imuAngularVelocity, 0, 3);
      System.arraycopy(accel, 0, out.imuLinearAcceleration, 0, 3);
    } else {
      // No reading this tick: the filter is not fed garbage, and the controller is told.
      imuFailures++;
      java.util.Arrays.fill(out.imuOrientation, Double.NaN);
      java.util.Arrays.fill(out.imuAngularVelocity, Double.NaN);
      java.util.Arrays.fill(out.imuLinearAcceleration, Double.NaN);
    }
    for (int i = 0; i < LegId.COUNT; i++) {
      out.footContact[i] = feet[i].update(footSwitches[i].isHigh(), dt);
    }
    out.contactsValid = true;
    out.estopPressed = estop.update(estopButton.isHigh(), dt);
    if (ticks++ % BATTERY_EVERY_TICKS == 0) {
      double v = readBattery();
      if (Double.isFinite(v)) {
        volts = v;
        batteryFailures = 0;
        level = battery.update(volts, dt * BATTERY_EVERY_TICKS);
      } else if (++batteryFailures >= BATTERY_FAILURES_TO_REPORT) {
        // A battery the robot cannot read for this long is the controller's fault to latch
        // (holding the pose), never a reason to cut servo power under the case.
        volts = Double.NaN;
      }
    }
    out.batteryVolts = volts;
    out.batteryCritical = level == BatteryMonitor.Level.CRITICAL;
    out.failedLegMask = failedLegs;
    out.actuatorFault = actuatorFault;
    actuatorFault = false; // an event: reported once
    System.arraycopy(lastCommand, 0, out.jointPosition, 0, Joints.COUNT);
    for (int j = 0; j < Joints.COUNT; j++) {
      out.jointVelocity[j] = 0;
      out.jointEffort[j] = Double.NaN;
    }
  }

  // NaN when the ADC gave no reading (a failed transaction or an exception from its device): one
  // lost reading keeps the last voltage, as the battery does not change in 50 ms.
  private double readBattery() {
    try {
      return adc.readVolts();
    } catch (RuntimeException e) {
      batteryReadFailures++;
      return Double.NaN;
    }
  }

  // False when the IMU gave no reading: a failed transaction, an exception from its device, or a
  // stuck chip. The exception allocates, but only when the chip fails.
  private boolean readImu() {
    try {
      return imu.read(accel, gyro) & !stuck.check(accel, gyro);
    } catch (RuntimeException e) {
      return false;
    }
  }

  @Override
  public void write(long nowNanos, long periodNanos, JointCommand command) {
    for (int j = 0; j < Joints.COUNT; j++) {
      if (!Double.isFinite(command.position[j])) {
        actuatorFault = true;
        refusedTargets++;
      }
    }
    // The raw E-stop pin, not the debounced one: pressing must never wait.
    if (!command.enabled || !powered || estopButton.isHigh()) {
      oeBar.set(true);
      servos.allOff();
      return;
    }
    oeBar.set(false);
    // A frame takes ~1.75 ms of bus time at 400 kHz (76 bytes): longer than most of a 500 Hz
    // tick. The boards only emit a new pulse every 1/pwm_hz anyway, so frames go out at the PWM
    // rate and the ticks in between cost nothing on the bus.
    sinceFrameNanos += periodNanos;
    if (sinceFrameNanos + periodNanos / 2 >= framePeriodNanos) {
      sinceFrameNanos = 0;
      servos.write(command);
      framesWritten++;
    }
    for (int j = 0; j < Joints.COUNT; j++) {
      if (Double.isFinite(command.position[j])) {
        lastCommand[j] = command.position[j]; // what the servo holds: its last finite target
      }
    }
  }

  /** IMU readings that failed (reported as NaN samples) since start. */
  public long imuFailures() {
    return imuFailures;
  }

  /** Joint targets refused since start because they were not finite numbers. */
  public long refusedTargets() {
    return refusedTargets;
  }

  /** Servo frames sent since start. */
  public long framesWritten() {
    return framesWritten;
  }

  @Override
  public void onError(Throwable cause) {
    powerOff(); // a bus we cannot trust must not keep driving servos
  }

  /**
   * Reports a servo channel broken (found on inspection or by the calibration tool): its leg is
   * reported failed from the next read on, and locomotion folds it and walks on five. Control
   * thread, or before the loop starts.
   */
  public void reportFailedJoint(int joint) {
    if (joint < 0 || joint >= Joints.COUNT) {
      throw new IllegalArgumentException("joint index must be 0..17, got " + joint);
    }
    failedLegs |= 1 << (joint / 3);
  }

  /** Battery readings that failed since start. Control thread. */
  public long batteryReadFailures() {
    return batteryReadFailures;
  }

  /** Battery state as last measured. */
  public BatteryMonitor.Level batteryLevel() {
    return level;
  }
}
