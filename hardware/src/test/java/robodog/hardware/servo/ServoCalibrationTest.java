package robodog.hardware.servo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import robodog.core.JointKind;
import robodog.core.Joints;
import robodog.core.LegId;
import robodog.core.config.ConfigException;
import robodog.core.config.ConfigNode;
import robodog.core.config.RobotDescription;

class ServoCalibrationTest {
  private static final RobotDescription ROBOT =
      RobotDescription.load(Path.of("../config/robot.yaml"));
  private static final Path FILE = Path.of("../config/servos.yaml");

  @Test
  void theShippedCalibrationMapsEveryJointLimitInsideTheServoRange() {
    ServoCalibration c = ServoCalibration.load(FILE, ROBOT);
    for (int j = 0; j < Joints.COUNT; j++) {
      JointKind k = JointKind.VALUES[j % 3];
      for (double q : new double[] {ROBOT.jointMin(k), ROBOT.jointMax(k)}) {
        double p = c.pulseSeconds(j, q);
        assertTrue(p >= 500e-6 - 1e-12 && p <= 2500e-6 + 1e-12, Joints.name(j) + " " + p);
      }
    }
    // Centre pulse at the neutral angle; mirrored right-side femur moves the other way.
    int lf = Joints.index(LegId.LEFT_FRONT, JointKind.FEMUR);
    int rf = Joints.index(LegId.RIGHT_FRONT, JointKind.FEMUR);
    double n = Math.toRadians(5);
    assertEquals(1500e-6, c.pulseSeconds(lf, n), 1e-12);
    assertEquals(1500e-6 + 0.1 * 2000e-6 / Math.toRadians(270), c.pulseSeconds(lf, n + 0.1), 1e-12);
    assertEquals(1500e-6 - 0.1 * 2000e-6 / Math.toRadians(270), c.pulseSeconds(rf, n + 0.1), 1e-12);
  }

  @Test
  void saveThenLoadGivesAnIdenticalCalibration(@org.junit.jupiter.api.io.TempDir Path dir)
      throws Exception {
    ServoCalibration c = ServoCalibration.load(FILE, ROBOT);
    // Change one neutral to an awkward value, as the calibration tool would.
    java.util.List<Double> n = new java.util.ArrayList<>(c.neutralDeg());
    n.set(4, 4.7123456789012345);
    ServoCalibration edited =
        new ServoCalibration(
            c.pwmHz(),
            c.servoRangeDeg(),
            c.pulseMinUs(),
            c.pulseMaxUs(),
            c.boardAddresses(),
            c.oscillatorHz(),
            c.board(),
            c.channel(),
            c.direction(),
            java.util.List.copyOf(n),
            c.minDeg(),
            withNarrowerLimit(c.maxDeg()),
            c.jointPulseMinUs(),
            c.jointPulseMaxUs());
    Path f = dir.resolve("servos.yaml");
    ServoCalibrationWriter.save(edited, f);
    assertEquals(edited, ServoCalibration.load(f, ROBOT));
    try (var files = Files.list(dir)) {
      assertEquals(1, files.count(), "no temporary file left behind");
    }
  }

  private static java.util.List<Double> withNarrowerLimit(java.util.List<Double> max) {
    java.util.List<Double> m = new java.util.ArrayList<>(max);
    m.set(4, 61.25); // a per-joint limit narrower than the robot's
    return java.util.List.copyOf(m);
  }

  @Test
  void aJointMayHaveItsOwnPulseRange() throws Exception {
    String yaml =
        Files.readString(FILE)
            .replace(
                "rm_coxa_joint: { board: 0x41, channel: 3, direction:  1, neutral_deg: 0 }",
                "rm_coxa_joint: { board: 0x41, channel: 3, direction:  1, neutral_deg: 0,"
                    + " pulse_min_us: 600, pulse_max_us: 2600 }");
    ServoCalibration c = ServoCalibration.from(ConfigNode.parseString("servos.yaml", yaml), ROBOT);
    int rmCoxa = Joints.index(LegId.RIGHT_MIDDLE, JointKind.COXA);
    assertEquals(1600e-6, c.pulseSeconds(rmCoxa, 0), 1e-12, "its own centre");
    assertEquals(1500e-6, c.pulseSeconds(0, 0), 1e-12, "the others keep the default");
    assertEquals(0.3, c.angleFromPulse(rmCoxa, c.pulseSeconds(rmCoxa, 0.3)), 1e-12);
    String m =
        error(
            "rm_coxa_joint: { board: 0x41, channel: 3, direction:  1, neutral_deg: 0 }",
            "rm_coxa_joint: { board: 0x41, channel: 3, direction:  1, neutral_deg: 0, pulse_max_us: 300 }");
    assertTrue(m.contains("joints.rm_coxa_joint.pulse_max_us"), m);
  }

  @Test
  void perJointLimitsMayOnlyNarrowTheRobotsAndTheOutputNeverExceedsThem() throws Exception {
    String m =
        error(
            "lf_femur_joint: { board: 0x40, channel: 1, direction:  1, neutral_deg: 5 }",
            "lf_femur_joint: { board: 0x40, channel: 1, direction:  1, neutral_deg: 5, max_deg: 120 }");
    assertTrue(m.contains("joints.lf_femur_joint.max_deg: expected a number in [-90.0, 100.0]"), m);
    String yaml =
        Files.readString(FILE)
            .replace(
                "lf_femur_joint: { board: 0x40, channel: 1, direction:  1, neutral_deg: 5 }",
                "lf_femur_joint: { board: 0x40, channel: 1, direction:  1, neutral_deg: 5, max_deg: 45 }");
    ServoCalibration c = ServoCalibration.from(ConfigNode.parseString("servos.yaml", yaml), ROBOT);
    int lfFemur = Joints.index(LegId.LEFT_FRONT, JointKind.FEMUR);
    assertEquals(Math.toRadians(45), c.maxRad(lfFemur), 1e-12);
    robodog.hardware.pca9685.Pca9685Bus bus = new robodog.hardware.pca9685.Pca9685Bus();
    var board = bus.add(0x40);
    bus.add(0x41);
    ServoOutput out =
        new ServoOutput(
            c,
            new robodog.hardware.i2c.I2cDevice[] {bus.device(0x40), bus.device(0x41)},
            bus.device(0x70));
    out.initialize(us -> {});
    robodog.core.JointCommand cmd = new robodog.core.JointCommand();
    cmd.enabled = true;
    cmd.position[lfFemur] = 1.5; // 86°: inside the robot's limit, beyond this joint's 45°
    out.write(cmd);
    assertEquals(
        out.board(0).counts(c.pulseSeconds(lfFemur, Math.toRadians(45))),
        board.offCount(c.channel().get(lfFemur)),
        "the frame must stop the joint at its calibrated limit");
  }

  private static String error(String from, String to) throws Exception {
    String yaml = Files.readString(FILE);
    assertTrue(yaml.contains(from), from);
    return assertThrows(
            ConfigException.class,
            () ->
                ServoCalibration.from(
                    ConfigNode.parseString("servos.yaml", yaml.replace(from, to)), ROBOT))
        .getMessage();
  }

  @Test
  void badCalibrationIsRefusedAtStartWithTheFieldNamed() throws Exception {
    String m =
        error(
            "lm_coxa_joint: { board: 0x40, channel: 3", "lm_coxa_joint: { board: 0x40, channel: 0");
    assertTrue(m.contains("lm_coxa_joint and lf_coxa_joint both use board 0x40 channel 0"), m);
    m =
        error(
            "lf_tibia_joint: { board: 0x40, channel: 2, direction:  1, neutral_deg: -80",
            "lf_tibia_joint: { board: 0x40, channel: 2, direction:  1, neutral_deg: 0");
    assertTrue(
        m.contains("joints.lf_tibia_joint.neutral_deg") && m.contains("outside the servo's ±135°"),
        m);
    m = error("rr_femur_joint: { board: 0x41", "rr_femur_joint: { board: 0x42");
    assertTrue(
        m.contains(
            "joints.rr_femur_joint.board: expected one of the addresses under boards: 0x40, 0x41"),
        m);
    m = error("pulse_max_us: 2500", "pulse_max_us: 400");
    assertTrue(m.contains("pulse_max_us"), m);
    m = error("  lf_coxa_joint:", "  lf_coxa_jiont:");
    assertTrue(m.contains("joints.lf_coxa_jiont: unknown field"), m);
  }
}
