package robodog.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import robodog.core.JointKind;
import robodog.core.LegId;

class RobotDescriptionTest {
  private static final Path FILE = Path.of("../config/robot.yaml");

  @Test
  void theShippedRobotLoadsInSiUnits() {
    RobotDescription r = RobotDescription.load(FILE);
    assertEquals("robodog-h1", r.name());
    assertEquals(0.50, r.body().lengthM(), 1e-12);
    assertEquals(Math.toRadians(-165), r.jointMin(JointKind.TIBIA), 1e-12);
    assertEquals(Math.toRadians(45), r.mount(LegId.LEFT_FRONT).yawRad(), 1e-12);
    assertEquals(Math.toRadians(330), r.servo().maxSpeedRadPerS(), 1e-12);
  }

  private static String error(String from, String to) throws Exception {
    String yaml = Files.readString(FILE);
    assertTrue(yaml.contains(from), from);
    return assertThrows(
            ConfigException.class,
            () ->
                RobotDescription.from(ConfigNode.parseString("robot.yaml", yaml.replace(from, to))))
        .getMessage();
  }

  @Test
  void mistakesAreNamedWithTheFieldAndWhatWasExpected() throws Exception {
    String m = error("femur_m: 0.12", "femur_mm: 0.12");
    assertTrue(m.contains("robot.yaml: leg.femur_mm: unknown field; allowed fields here are"), m);
    m = error("lr: { mount_m: [-0.20,  0.10, 0.0]", "lr: { mount_m: [-0.20,  -0.10, 0.0]");
    assertTrue(m.contains("legs.lr.mount_m") && m.contains("REP-103"), m);
    m = error("foot_reach_m: 0.17", "foot_reach_m: 0.9");
    assertTrue(m.contains("stance.foot_reach_m"), m);
    m = error("coxa: [-60, 60]", "coxa: [-60]");
    assertTrue(m.contains("joint_limits_deg.coxa: expected a list of 2 numbers"), m);
    m = error("tibia: [-165, 10]", "tibia: [10, -165]");
    assertTrue(m.contains("joint_limits_deg.tibia") && m.contains("min < max"), m);
  }

  @Test
  void malformedYamlSaysSo() {
    String m =
        assertThrows(ConfigException.class, () -> ConfigNode.parseString("r.yaml", "name: [x\n"))
            .getMessage();
    assertTrue(m.startsWith("r.yaml: malformed YAML"), m);
  }
}
