package robodog.hardware.hil;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pi4j.Pi4J;
import com.pi4j.context.Context;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import robodog.core.JointCommand;
import robodog.core.Joints;
import robodog.core.LegId;
import robodog.core.RobotState;
import robodog.core.config.RobotDescription;
import robodog.hardware.PiHardware;
import robodog.hardware.adc.Ads1115Model;
import robodog.hardware.gpio.DigitalIn;
import robodog.hardware.i2c.I2cDevice;
import robodog.hardware.imu.Mpu6050Model;
import robodog.hardware.pca9685.Pca9685Bus;
import robodog.hardware.pca9685.Pca9685Model;
import robodog.hardware.pi.Pi4jDevices;
import robodog.hardware.pi.PinMap;
import robodog.hardware.servo.ServoCalibration;

/**
 * The real drivers (through Pi4J and the retrying devices) against the register models on the
 * hardware-in-the-loop bus, with scripted bus failures: whatever the IMU bus does, a reading is
 * either a finite IMU sample or a NaN one (dropped by the controller); no servo channel ever goes
 * limp while powered, a non-finite target included; only a dead servo bus cuts power.
 */
class HilFaultTest {
  private static final RobotDescription ROBOT =
      RobotDescription.load(Path.of("../config/robot.yaml"));
  private static final ServoCalibration CAL =
      ServoCalibration.load(Path.of("../config/servos.yaml"), ROBOT);
  private static final PinMap PINS = PinMap.load(Path.of("../config/pins.yaml"));
  private static final long P = 2_000_000L;

  private final Pca9685Bus boards = new Pca9685Bus();
  private final Mpu6050Model mpu = new Mpu6050Model();
  private final ScriptedI2cFaults imu = new ScriptedI2cFaults(new Noisy(mpu), 7);
  private final ScriptedI2cFaults board0;
  private final ScriptedI2cFaults adcBus;
  private final Context pi4j;
  private final PiHardware hw;
  private final RobotState state = new RobotState();
  private final JointCommand cmd = new JointCommand();
  private long now;

  /** The still chip with one LSB of gyro noise, as a live MPU-6050 has. */
  static final class Noisy implements I2cDevice {
    final Mpu6050Model chip;
    int k;

    Noisy(Mpu6050Model chip) {
      this.chip = chip;
    }

    @Override
    public int address() {
      return chip.address();
    }

    @Override
    public void write(byte[] d, int o, int n) {
      chip.write(d, o, n);
    }

    @Override
    public void readRegister(int r, byte[] b, int o, int n) {
      chip.gyroDps[0] = (k++ % 3) * 0.008;
      chip.readRegister(r, b, o, n);
    }
  }

  HilFaultTest() throws Exception {
    HilI2cProvider provider = new HilI2cProvider();
    for (int address : CAL.boardAddresses()) {
      boards.add(address).stopLogging();
    }
    board0 = new ScriptedI2cFaults(boards.device(CAL.boardAddresses().get(0)), 1);
    provider.attach(board0);
    for (int b = 1; b < CAL.boardAddresses().size(); b++) {
      provider.attach(boards.device(CAL.boardAddresses().get(b)));
    }
    provider.attach(boards.device(0x70)).attach(imu);
    Ads1115Model adc = new Ads1115Model();
    adc.pinVolts = 8.0 / PINS.batteryDivider();
    adcBus = new ScriptedI2cFaults(adc, 3);
    provider.attach(adcBus);
    pi4j = Pi4J.newContextBuilder().add(provider).build();
    DigitalIn[] feet = new DigitalIn[LegId.COUNT];
    java.util.Arrays.fill(feet, (DigitalIn) () -> true);
    double[] standing = new double[Joints.COUNT];
    for (int j = 0; j < Joints.COUNT; j++) {
      standing[j] = 0.5 * (CAL.minRad(j) + CAL.maxRad(j));
    }
    hw =
        new Pi4jDevices(pi4j, HilI2cProvider.ID)
            .build(PINS, CAL, standing, feet, () -> false, on -> {});
    hw.configure();
    hw.activate();
    cmd.enabled = true;
    System.arraycopy(standing, 0, cmd.position, 0, Joints.COUNT);
    ticks(50);
  }

  @AfterEach
  void close() {
    pi4j.shutdown();
  }

  /** Runs n read/write ticks; every reading and every frame is checked. Returns NaN samples. */
  private int ticks(int n) {
    int dropped = 0;
    for (int i = 0; i < n; i++) {
      now += P;
      hw.read(now, P, state);
      boolean finite = allFinite(state.imuOrientation) && allFinite(state.imuAngularVelocity);
      boolean nan = allNaN(state.imuOrientation) && allNaN(state.imuAngularVelocity);
      assertTrue(finite || nan, "an IMU sample is a reading or a dropped one, never half");
      dropped += nan ? 1 : 0;
      for (int j = 0; j < Joints.COUNT; j++) {
        assertTrue(Double.isFinite(state.jointPosition[j]), "joint " + j + " read back");
      }
      hw.write(now, P, cmd);
      assertNoChannelLimp();
    }
    return dropped;
  }

  private void assertNoChannelLimp() {
    for (int j = 0; j < Joints.COUNT; j++) {
      Pca9685Model chip = boards.chips.get(CAL.board().get(j));
      assertFalse(chip.fullOff(CAL.channel().get(j)), "joint " + j + " went limp while powered");
    }
  }

  private static boolean allFinite(double[] a) {
    for (double x : a) {
      if (!Double.isFinite(x)) {
        return false;
      }
    }
    return true;
  }

  private static boolean allNaN(double[] a) {
    for (double x : a) {
      if (!Double.isNaN(x)) {
        return false;
      }
    }
    return true;
  }

  static Stream<Arguments> imuPatterns() {
    return Stream.of(
        Arguments.of(
            "2 NACKs: absorbed by the retries", (Consumer<ScriptedI2cFaults>) f -> f.nack(2), 0, 0),
        Arguments.of(
            "3 NACKs: one reading lost", (Consumer<ScriptedI2cFaults>) f -> f.nack(3), 1, 1),
        Arguments.of("6 timeouts: two lost", (Consumer<ScriptedI2cFaults>) f -> f.timeout(6), 2, 2),
        Arguments.of(
            "a dead IMU for 200 reads", (Consumer<ScriptedI2cFaults>) f -> f.nack(600), 200, 200),
        Arguments.of(
            "stuck for 150 reads", (Consumer<ScriptedI2cFaults>) f -> f.stuck(150), 48, 53),
        Arguments.of(
            "garbage for 50 reads", (Consumer<ScriptedI2cFaults>) f -> f.garbage(50), 0, 0));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("imuPatterns")
  void imuBusFailuresGiveNaNSamplesNeverAnExceptionNorALimpServo(
      String name, Consumer<ScriptedI2cFaults> script, int minDropped, int maxDropped) {
    script.accept(imu);
    int dropped = ticks(400);
    assertTrue(
        dropped >= minDropped && dropped <= maxDropped,
        name + ": " + dropped + " samples dropped, expected " + minDropped + ".." + maxDropped);
    assertTrue(imu.injected() > 0, "the script ran");
    assertEquals(0, ticks(100), "the IMU answers again: every sample is a reading");
  }

  @Test
  void aLostBatteryReadingKeepsTheLastVoltageAndADeadAdcIsReportedUnknownNotAPowerCut() {
    // 3 failed attempts make one lost transaction (the driver retries twice); one battery reading
    // every 25 ticks.
    adcBus.nack(3 * 2);
    for (int i = 0; i < 200; i++) {
      ticks(1);
      assertEquals(8.0, state.batteryVolts, 0.05, "two lost readings keep the last voltage");
    }
    assertTrue(adcBus.injected() > 0, "the script ran");
    adcBus.nack(3 * 40);
    boolean unknown = false;
    for (int i = 0; i < 25 * 12 && !unknown; i++) {
      ticks(1); // never throws, never a limp servo (checked per tick)
      unknown = Double.isNaN(state.batteryVolts);
    }
    assertTrue(unknown, "a dead ADC is reported as an unknown voltage for the controller to latch");
    assertTrue(hw.batteryReadFailures() > 0, "the failures are counted");
    for (int i = 0; i < 25 * 40 && Double.isNaN(state.batteryVolts); i++) {
      ticks(1);
    }
    assertEquals(8.0, state.batteryVolts, 0.05, "the ADC answers again: the voltage is back");
  }

  @Test
  void aNonFiniteTargetKeepsTheServosPulseAndIsReportedOnce() {
    int j = 4;
    Pca9685Model chip = boards.chips.get(CAL.board().get(j));
    int ch = CAL.channel().get(j);
    int before = chip.offCount(ch);
    for (double bad :
        new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
      cmd.position[j] = bad;
      ticks(20); // two servo frames
      assertEquals(before, chip.offCount(ch), bad + ": the servo keeps its last pulse");
      assertTrue(state.actuatorFault || wasReported(), bad + ": the controller is told");
    }
    cmd.position[j] = 1e300;
    ticks(20);
    double maxPulse = CAL.jointPulseMaxUs().get(j) * 1e-6;
    double minPulse = CAL.jointPulseMinUs().get(j) * 1e-6;
    double period = (chip.reg[0xFE] + 1) * 4096.0 / CAL.oscillatorHz().get(CAL.board().get(j));
    double pulse = chip.offCount(ch) * period / 4096;
    assertTrue(
        pulse <= maxPulse + 1e-5 && pulse >= minPulse - 1e-5,
        "a huge target is clamped into the calibrated pulse range: " + pulse);
    assertEquals(3 * 20, hw.refusedTargets());
    ticks(2);
    assertFalse(state.actuatorFault, "an event, not a level");
  }

  private boolean wasReported() {
    now += P;
    hw.read(now, P, state);
    return state.actuatorFault;
  }

  @Test
  void aServoBusThatStaysDeadCutsPowerAndABurstDoesNot() {
    board0.nack(3); // one frame lost within the retry budget
    ticks(20);
    board0.nack(1000);
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> ticks(200));
    assertTrue(e.getMessage().contains("in a row"), e.getMessage());
    hw.onError(e); // what the loop does: outputs off, relay open
    Pca9685Model other = boards.chips.get(1);
    for (int ch = 0; ch < 16; ch++) {
      assertTrue(other.fullOff(ch), "the All-Call stop reached board 1, channel " + ch);
    }
  }
}
