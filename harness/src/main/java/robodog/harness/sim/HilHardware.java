package robodog.harness.sim;

import com.pi4j.Pi4J;
import com.pi4j.context.Context;
import robodog.core.HardwarePort;
import robodog.core.JointCommand;
import robodog.core.Joints;
import robodog.core.LegId;
import robodog.core.RobotState;
import robodog.hardware.PiHardware;
import robodog.hardware.adc.Ads1115Model;
import robodog.hardware.gpio.DigitalIn;
import robodog.hardware.hil.HilI2cProvider;
import robodog.hardware.imu.Mpu6050Model;
import robodog.hardware.pca9685.Pca9685Bus;
import robodog.hardware.pca9685.Pca9685Model;
import robodog.hardware.pi.Pi4jDevices;
import robodog.hardware.pi.PinMap;
import robodog.hardware.servo.ServoCalibration;
import robodog.sim.SimHardware;

/**
 * Hardware in the loop: the real hardware layer ({@link PiHardware}: PCA9685, MPU-6050 and ADS1115
 * drivers, through Pi4J) against register models of the chips wired to the simulator. The servo
 * targets the physics gets are decoded from the PCA9685 registers the driver wrote; the IMU
 * registers are filled from the simulated body; the foot switches read the simulated contacts; the
 * ADS1115 model's input is the simulated pack's voltage through the configured divider.
 *
 * <p>Control (= simulation) thread only.
 */
public final class HilHardware implements HardwarePort {
  private static final double G = 9.80665;

  private final SimHardware sim;
  private final PiHardware pi;
  private final ServoCalibration cal;
  private final Pca9685Bus boards;
  private final Mpu6050Model imu = new Mpu6050Model();
  private final Ads1115Model adc = new Ads1115Model();
  private final Context pi4j;
  private final RobotState simState = new RobotState();
  private final JointCommand simCommand = new JointCommand();
  private final double[] periodSeconds;
  private final double batteryDivider;
  private boolean relay;

  public HilHardware(SimHardware sim, PinMap pins, ServoCalibration cal, double[] initialJoints) {
    this.sim = sim;
    this.cal = cal;
    this.boards = new Pca9685Bus();
    HilI2cProvider provider = new HilI2cProvider();
    periodSeconds = new double[cal.boardAddresses().size()];
    for (int b = 0; b < cal.boardAddresses().size(); b++) {
      int address = cal.boardAddresses().get(b);
      Pca9685Model chip = boards.add(address);
      chip.stopLogging();
      provider.attach(boards.device(address));
      periodSeconds[b] = 0; // known after initialisation (prescale)
    }
    provider.attach(boards.device(0x70));
    provider.attach(imu);
    provider.attach(adc);
    this.batteryDivider = pins.batteryDivider();
    this.pi4j = Pi4J.newContextBuilder().add(provider).build();
    DigitalIn[] feet = new DigitalIn[LegId.COUNT];
    for (int i = 0; i < LegId.COUNT; i++) {
      int leg = i;
      feet[i] = () -> simState.footContact[leg];
    }
    this.pi =
        new Pi4jDevices(pi4j, HilI2cProvider.ID)
            .build(pins, cal, initialJoints, feet, () -> false, on -> relay = on);
    System.arraycopy(initialJoints, 0, simCommand.position, 0, Joints.COUNT);
  }

  @Override
  public void configure() {
    sim.configure();
    sim.read(0, 1, simState);
    feedImu();
    feedAdc();
    pi.configure(); // real init sequences into the chip models; gyro bias from the still body
    for (int b = 0; b < periodSeconds.length; b++) {
      Pca9685Model chip = boards.chips.get(b);
      periodSeconds[b] = (chip.reg[0xFE] + 1) * 4096.0 / cal.oscillatorHz().get(b);
    }
  }

  @Override
  public void activate() {
    sim.activate();
    pi.activate();
  }

  @Override
  public void deactivate() {
    pi.deactivate();
    sim.deactivate();
    pi4j.shutdown();
  }

  private void feedImu() {
    for (int i = 0; i < 3; i++) {
      imu.accelG[i] = simState.imuLinearAcceleration[i] / G;
      imu.gyroDps[i] = Math.toDegrees(simState.imuAngularVelocity[i]);
    }
  }

  // The simulated pack through the configured divider onto AIN0: the real driver and monitor
  // then measure it as they would on the Pi.
  private void feedAdc() {
    adc.pinVolts = simState.batteryVolts / batteryDivider;
  }

  @Override
  public void read(long nowNanos, long periodNanos, RobotState out) {
    sim.read(nowNanos, periodNanos, simState);
    feedImu();
    feedAdc();
    pi.read(nowNanos, periodNanos, out);
  }

  @Override
  public void write(long nowNanos, long periodNanos, JointCommand command) {
    pi.write(nowNanos, periodNanos, command);
    // What the servos would do: decode each channel's pulse back to an angle.
    boolean anyOn = false;
    for (int j = 0; j < Joints.COUNT; j++) {
      int b = cal.board().get(j);
      Pca9685Model chip = boards.chips.get(b);
      int ch = cal.channel().get(j);
      if (!chip.fullOff(ch)) {
        anyOn = true;
        simCommand.position[j] = cal.angleFromPulse(j, chip.offCount(ch) * periodSeconds[b] / 4096);
      }
    }
    simCommand.enabled = anyOn && relay;
    sim.write(nowNanos, periodNanos, simCommand);
  }

  @Override
  public void onError(Throwable cause) {
    pi.onError(cause);
  }
}
