package robodog.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import robodog.core.JointKind;
import robodog.core.LegId;

/**
 * The shipped robot file loads into SI units, and every mistake an operator can make in it is
 * reported with the file, the dotted field path and what was expected.
 */
class RobotDescriptionTest {
  private static final Path FILE = Path.of("../config/robot.yaml");
  private static final double EPS = 1e-12;

  @TempDir Path dir;

  @Test
  void theShippedRobotLoadsInSiUnitsAndRadians() {
    RobotDescription r = RobotDescription.load(FILE);
    assertEquals("robodog-h1", r.name());
    assertEquals(0.50, r.body().lengthM(), EPS);
    assertEquals(0.30, r.body().widthM(), EPS);
    assertEquals(3.0, r.body().massKg(), EPS);
    assertEquals(0.06, r.leg().coxaM(), EPS);
    assertEquals(0.12, r.leg().femurM(), EPS);
    assertEquals(0.16, r.leg().tibiaM(), EPS);
    assertEquals(0.012, r.leg().footRadiusM(), EPS);

    assertEquals(Math.toRadians(-60), r.jointMin(JointKind.COXA), EPS);
    assertEquals(Math.toRadians(60), r.jointMax(JointKind.COXA), EPS);
    assertEquals(Math.toRadians(-90), r.jointMin(JointKind.FEMUR), EPS);
    assertEquals(Math.toRadians(100), r.jointMax(JointKind.FEMUR), EPS);
    assertEquals(-165 * Math.PI / 180, r.jointMin(JointKind.TIBIA), EPS);
    assertEquals(Math.toRadians(10), r.jointMax(JointKind.TIBIA), EPS);

    double[][] mounts = {
      {0.20, 0.10, 45}, {0.00, 0.15, 90}, {-0.20, 0.10, 135},
      {0.20, -0.10, -45}, {0.00, -0.15, -90}, {-0.20, -0.10, -135}
    };
    assertEquals(LegId.COUNT, r.mounts().size());
    for (LegId leg : LegId.VALUES) {
      double[] m = mounts[leg.ordinal()];
      RobotDescription.LegMount got = r.mount(leg);
      assertEquals(m[0], got.xM(), EPS, leg.shortName());
      assertEquals(m[1], got.yM(), EPS, leg.shortName());
      assertEquals(0.0, got.zM(), EPS, leg.shortName());
      assertEquals(Math.toRadians(m[2]), got.yawRad(), EPS, leg.shortName());
    }

    assertEquals(0.12, r.stance().bodyHeightM(), EPS);
    assertEquals(0.17, r.stance().footReachM(), EPS);
    assertEquals(0.05, r.stance().sitHeightM(), EPS);
    assertEquals(Math.toRadians(330), r.servo().maxSpeedRadPerS(), EPS);
    assertEquals(3.4, r.servo().maxTorqueNm(), EPS);
    assertEquals(Math.toRadians(0.3), r.servo().deadbandRad(), EPS);
  }

  @Test
  void theLoadedDescriptionCannotBeModified() {
    RobotDescription r = RobotDescription.load(FILE);
    assertThrows(UnsupportedOperationException.class, () -> r.jointMinRad().set(0, 0.0));
    assertThrows(UnsupportedOperationException.class, () -> r.mounts().remove(0));
  }

  /** Loads the shipped file with one textual edit, from a real file; returns the error message. */
  private String errorAfter(String from, String to) throws Exception {
    String yaml = Files.readString(FILE);
    assertTrue(yaml.contains(from), "test setup: the shipped file has no '" + from + "'");
    Path edited = dir.resolve("robot.yaml");
    Files.writeString(edited, yaml.replace(from, to));
    String m =
        assertThrows(ConfigException.class, () -> RobotDescription.load(edited)).getMessage();
    assertTrue(m.startsWith(edited + ": "), "the message names the file: " + m);
    return m;
  }

  private static void assertContains(String message, String... parts) {
    for (String p : parts) {
      assertTrue(message.contains(p), "expected '" + p + "' in: " + message);
    }
  }

  @Test
  void aMisspeltKeyIsNamedAndTheAllowedFieldsListed() throws Exception {
    String m = errorAfter("femur_m: 0.12", "femur_mm: 0.12");
    assertContains(
        m,
        "leg.femur_mm: unknown field; allowed fields here are [coxa_m, coxa_mass_kg, femur_m,"
            + " femur_mass_kg, foot_radius_m, tibia_m, tibia_mass_kg]");
  }

  @Test
  void aLeftLegOnTheRightSideIsRefusedWithARep103Hint() throws Exception {
    String m = errorAfter("lf: { mount_m: [ 0.20,  0.10", "lf: { mount_m: [ 0.20,  -0.10");
    assertContains(m, "legs.lf.mount_m", "y > 0 for a left leg", "REP-103");
    m = errorAfter("rm: { mount_m: [ 0.00, -0.15", "rm: { mount_m: [ 0.00, 0.15");
    assertContains(m, "legs.rm.mount_m", "y < 0 for a right leg", "REP-103");
  }

  @Test
  void malformedYamlSaysSoAndNamesTheFile() throws Exception {
    String m = errorAfter("name: robodog-h1", "name: [robodog-h1");
    assertContains(m, "malformed YAML");
    m =
        assertThrows(ConfigException.class, () -> ConfigNode.parseString("r.yaml", "a: {b: 1\n"))
            .getMessage();
    assertTrue(m.startsWith("r.yaml: malformed YAML"), m);
  }

  @Test
  void aNeutralStanceOutOfReachIsRefused() throws Exception {
    // femur + tibia = 0.28 m; the foot 0.40 m out from the femur axis at 0.12 m height is not.
    String m = errorAfter("foot_reach_m: 0.17", "foot_reach_m: 0.46");
    assertContains(m, "stance.foot_reach_m", "reach");
    m = errorAfter("body_height_m: 0.12", "body_height_m: 0.30");
    assertContains(m, "stance.foot_reach_m");
  }

  @Test
  void aListOfTheWrongLengthNamesTheExpectedCount() throws Exception {
    String m = errorAfter("coxa: [-60, 60]", "coxa: [-60]");
    assertContains(m, "joint_limits_deg.coxa: expected a list of 2 numbers", "got [-60]");
    m = errorAfter("mount_m: [ 0.00,  0.15, 0.0]", "mount_m: [ 0.00,  0.15]");
    assertContains(m, "legs.lm.mount_m: expected a list of 3 numbers");
    m = errorAfter("com_m: [0.0, 0.0, 0.0]", "com_m: [0.0, 0.0, 0.0, 1.0]");
    assertContains(m, "body.com_m: expected a list of 3 numbers");
  }

  @Test
  void otherMistakesNameTheFieldAndWhatWasExpected() throws Exception {
    assertContains(
        errorAfter("tibia: [-165, 10]", "tibia: [10, -165]"),
        "joint_limits_deg.tibia",
        "min < max");
    assertContains(
        errorAfter("  tibia_m: 0.16", "  # tibia_m: 0.16"),
        "leg.tibia_m: expected a number",
        "missing");
    assertContains(
        errorAfter("mass_kg: 3.0", "mass_kg: -3.0"),
        "body.mass_kg: expected a number in [0.1, 500.0] kg",
        "-3.0");
    assertContains(
        errorAfter("max_torque_nm: 3.4", "max_torque_nm: lots"),
        "servo.max_torque_nm: expected a number");
    assertContains(
        errorAfter("  rr: { mount_m", "  rx: { mount_m"),
        "legs.rx: unknown field",
        "[lf, lm, lr, rf, rm, rr]");
    assertContains(errorAfter("servo:", "servos:"), "servos: unknown field");
  }

  @Test
  void anEmptyOrMissingFileIsNamed() throws Exception {
    Path empty = dir.resolve("empty.yaml");
    Files.writeString(empty, "# nothing here\n");
    String m = assertThrows(ConfigException.class, () -> RobotDescription.load(empty)).getMessage();
    assertContains(m, empty.toString(), "empty");
    Path missing = dir.resolve("missing.yaml");
    m = assertThrows(ConfigException.class, () -> RobotDescription.load(missing)).getMessage();
    assertContains(m, missing.toString(), "cannot read");
  }
}
