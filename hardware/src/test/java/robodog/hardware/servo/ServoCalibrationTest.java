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
            java.util.List.copyOf(n));
    Path f = dir.resolve("servos.yaml");
    ServoCalibrationWriter.save(edited, f);
    assertEquals(edited, ServoCalibration.load(f, ROBOT));
    try (var files = Files.list(dir)) {
      assertEquals(1, files.count(), "no temporary file left behind");
    }
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
