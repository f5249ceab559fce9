package robodog.hardware.pca9685;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import robodog.core.JointCommand;
import robodog.core.Joints;
import robodog.core.LegId;
import robodog.core.RobotState;
import robodog.core.config.RobotDescription;
import robodog.hardware.PiHardware;
import robodog.hardware.adc.Ads1115;
import robodog.hardware.adc.BatteryMonitor;
import robodog.hardware.gpio.DigitalIn;
import robodog.hardware.i2c.I2cDevice;
import robodog.hardware.imu.Mpu6050;
import robodog.hardware.servo.ServoCalibration;
import robodog.hardware.servo.ServoOutput;

/** The hardware port end to end against device models: boards, IMU, battery, pins. */
class PiHardwareTest {
  private static final RobotDescription ROBOT =
      RobotDescription.load(Path.of("../config/robot.yaml"));
  private static final ServoCalibration CAL =
      ServoCalibration.load(Path.of("../config/servos.yaml"), ROBOT);
  private static final long P = 2_000_000L;

  private final Pca9685Bus bus = new Pca9685Bus();
  private final Pca9685Model a = bus.add(0x40);
  private final Pca9685Model b = bus.add(0x41);
  private final boolean[] feet = new boolean[6];
  private final boolean[] estop = {false};
  private final boolean[] relay = {false};
  private final boolean[] oeBar = {false};
  private double batteryVolts = 8.0;
  private final PiHardware hw;

  PiHardwareTest() {
    I2cDevice mpu = new StillImu();
    I2cDevice adc =
        new I2cDevice() {
          @Override
          public int address() {
            return 0x48;
          }

          @Override
          public void write(byte[] d, int o, int n) {}

          @Override
          public void readRegister(int r, byte[] buf, int o, int n) {
            int raw = (int) Math.round(batteryVolts / 3.0 / 4.096 * 32768);
            buf[o] = (byte) (raw >> 8);
            buf[o + 1] = (byte) raw;
          }
        };
    DigitalIn[] pins = new DigitalIn[6];
    for (int i = 0; i < 6; i++) {
      int leg = i;
      pins[i] = () -> feet[leg];
    }
    hw =
        new PiHardware(
            new ServoOutput(
                CAL, new I2cDevice[] {bus.device(0x40), bus.device(0x41)}, bus.device(0x70)),
            new Mpu6050(mpu, 500, 4),
            new Ads1115(adc, 3.0),
            new BatteryMonitor(7.2, 6.8, 0.1, 0.5),
            pins,
            () -> estop[0],
            v -> relay[0] = v,
            v -> oeBar[0] = v,
            new double[Joints.COUNT]);
  }

  /** An MPU-6050 lying level and still, with one LSB of noise like a real one. */
  static final class StillImu implements I2cDevice {
    private int sample;

    @Override
    public int address() {
      return 0x68;
    }

    @Override
    public void write(byte[] d, int o, int n) {}

    @Override
    public void readRegister(int r, byte[] buf, int o, int n) {
      java.util.Arrays.fill(buf, o, o + n, (byte) 0);
      if (r == 0x75) {
        buf[o] = 0x68;
      } else if (r == 0x3B) {
        buf[o + 4] = 0x20; // az = 0x2000 = 1 g at ±4 g
        buf[o + 9] = (byte) (sample++ % 3); // gyro x: 0, 1, 2 LSB
      }
    }
  }

  @Test
  void framesReachTheBoardsSensorsReachTheStateAndEveryStopCutsPower() throws Exception {
    hw.configure();
    assertFalse(relay[0], "servo power stays off until activate()");
    hw.activate();
    assertTrue(relay[0]);
    JointCommand c = new JointCommand();
    c.enabled = true;
    c.position[Joints.index(LegId.LEFT_FRONT, robodog.core.JointKind.FEMUR)] = 0.3;
    hw.write(0, P, c);
    assertFalse(oeBar[0], "outputs enabled while running");
    int lfFemur = Joints.index(LegId.LEFT_FRONT, robodog.core.JointKind.FEMUR);
    int expected = (int) Math.round(CAL.pulseSeconds(lfFemur, 0.3) / (122 * 4096 / 25e6) * 4096);
    assertEquals(expected, a.offCount(CAL.channel().get(lfFemur)));

    long before = hw.framesWritten();
    for (int k = 1; k <= 500; k++) { // one second at 500 Hz
      hw.write(k * P, P, c);
    }
    assertEquals(50, hw.framesWritten() - before, "frames go out at the 50 Hz PWM rate");

    RobotState s = new RobotState();
    feet[2] = true;
    for (int k = 0; k < 20; k++) {
      hw.read(k * P, P, s);
    }
    assertTrue(s.footContact[2] && !s.footContact[0] && s.contactsValid);
    assertEquals(8.0, s.batteryVolts, 0.01);
    assertFalse(s.batteryCritical);
    assertEquals(1.0, s.imuOrientation[0], 1e-6, "level IMU");
    assertEquals(0.3, s.jointPosition[lfFemur], 0.0, "hobby servos read back the last command");

    estop[0] = true;
    hw.read(20 * P, P, s);
    assertTrue(s.estopPressed, "the E-stop asserts on the first sample");
    hw.write(20 * P, P, c);
    for (int ch = 0; ch < 9; ch++) {
      assertTrue(a.fullOff(ch) && b.fullOff(ch), "E-stop must switch every output off");
    }
    estop[0] = false;

    batteryVolts = 6.5;
    for (int k = 0; k < 2000; k++) {
      hw.read(k * P, P, s);
    }
    assertTrue(s.batteryCritical);

    hw.reportFailedJoint(Joints.index(LegId.RIGHT_MIDDLE, robodog.core.JointKind.TIBIA));
    hw.read(0, P, s);
    assertEquals(1 << LegId.RIGHT_MIDDLE.ordinal(), s.failedLegMask);

    hw.onError(new IllegalStateException("bus error"));
    assertFalse(relay[0], "an error opens the servo power relay");
    assertTrue(oeBar[0], "and raises /OE, which works without the bus");
  }
}
