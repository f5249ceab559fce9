package robodog.hardware.pca9685;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import robodog.core.JointCommand;
import robodog.core.JointKind;
import robodog.core.Joints;
import robodog.core.config.RobotDescription;
import robodog.core.testing.AllocationProbe;
import robodog.hardware.i2c.I2cDevice;
import robodog.hardware.servo.ServoCalibration;
import robodog.hardware.servo.ServoOutput;

/** The 18 joints through calibration onto two modelled boards, byte for byte. */
class ServoOutputTest {
  private static final RobotDescription ROBOT =
      RobotDescription.load(Path.of("../config/robot.yaml"));
  private static final ServoCalibration CAL =
      ServoCalibration.load(Path.of("../config/servos.yaml"), ROBOT);

  private final Pca9685Bus bus = new Pca9685Bus();
  private final Pca9685Model a = bus.add(0x40);
  private final Pca9685Model b = bus.add(0x41);
  private final ServoOutput out =
      new ServoOutput(CAL, new I2cDevice[] {bus.device(0x40), bus.device(0x41)}, bus.device(0x70));

  @Test
  void aFrameIsTwoTransactionsOf76BytesAndEveryChannelHoldsItsCalibratedPulse() {
    out.initialize(us -> {});
    SplittableRandom r = new SplittableRandom(1);
    JointCommand c = new JointCommand();
    c.enabled = true;
    for (int j = 0; j < Joints.COUNT; j++) {
      JointKind k = JointKind.VALUES[j % 3];
      c.position[j] = ROBOT.jointMin(k) + r.nextDouble() * (ROBOT.jointMax(k) - ROBOT.jointMin(k));
    }
    bus.transactions = 0;
    bus.wireBytes = 0;
    out.write(c);
    assertEquals(2, bus.transactions);
    assertEquals(76, bus.wireBytes);
    for (int j = 0; j < Joints.COUNT; j++) {
      Pca9685Model chip = CAL.board().get(j) == 0 ? a : b;
      int expected = out.board(CAL.board().get(j)).counts(CAL.pulseSeconds(j, c.position[j]));
      assertEquals(expected, chip.offCount(CAL.channel().get(j)), Joints.name(j));
    }
  }

  @Test
  void servoPowerOffIsOneAllCallTransaction() {
    out.initialize(us -> {});
    JointCommand c = new JointCommand();
    c.enabled = true;
    out.write(c);
    bus.transactions = 0;
    c.enabled = false;
    out.write(c);
    assertEquals(1, bus.transactions);
    for (int ch = 0; ch < 9; ch++) {
      assertTrue(a.fullOff(ch) && b.fullOff(ch));
    }
  }

  @Test
  @Tag("alloc")
  void writingAFrameAllocatesNothing() {
    out.initialize(us -> {});
    JointCommand c = new JointCommand();
    c.enabled = true;
    // A bus that only counts, so the model's transaction log does not allocate.
    I2cDevice counting0 = counting(0x40);
    I2cDevice counting1 = counting(0x41);
    ServoOutput o = new ServoOutput(CAL, new I2cDevice[] {counting0, counting1}, counting(0x70));
    o.initialize(us -> {});
    assertEquals(0, AllocationProbe.bytesAllocatedBy(() -> o.write(c), 200_000));
  }

  private static I2cDevice counting(int address) {
    return new I2cDevice() {
      long bytes;

      @Override
      public int address() {
        return address;
      }

      @Override
      public void write(byte[] data, int offset, int length) {
        bytes += length;
      }

      @Override
      public void readRegister(int register, byte[] buffer, int offset, int length) {}
    };
  }
}
