package robodog.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GaitAndUrdfCommandTest {
  @TempDir Path dir;

  @Test
  void gaitWritesTheSpecifiedColumnsForEveryLegAndTick() throws Exception {
    Path csv = dir.resolve("trace.csv");
    Cli r =
        Cli.run(
            "gait",
            "--gait",
            "tetrapod",
            "--vx",
            "0.05",
            "--vy",
            "0.01",
            "--yaw-rate",
            "0.05",
            "--duration",
            "1",
            "--rate",
            "200",
            "--csv",
            csv.toString());
    assertEquals(0, r.status, r.err);
    List<String> lines = Files.readAllLines(csv);
    assertEquals("t,leg,phase,foot_x,foot_y,foot_z,coxa,femur,tibia", lines.get(0));
    assertEquals(1 + 200 * 6, lines.size());
    assertTrue(lines.get(1).matches("0\\.000000,lf,(stance|swing),.*"), lines.get(1));
    assertTrue(r.out.contains("gait tetrapod"), r.out);
  }

  @Test
  void aFailedLegSwitchesToTheFiveLegGaitAndSaysWhy() {
    Path csv = dir.resolve("five.csv");
    Cli r =
        Cli.run(
            "gait",
            "--gait",
            "tripod",
            "--failed-leg",
            "lm",
            "--vx",
            "0.04",
            "--duration",
            "1",
            "--csv",
            csv.toString());
    assertEquals(0, r.status, r.err);
    assertTrue(r.err.contains("not statically stable with lm failed"), r.err);
    assertTrue(r.out.contains("wave5-lm"), r.out);
  }

  @Test
  void badGaitAndLegNamesAreNamedWithTheAllowedValuesAndNothingIsWritten() {
    Path csv = dir.resolve("none.csv");
    Cli r = Cli.run("gait", "--gait", "gallop", "--csv", csv.toString());
    assertEquals(2, r.status);
    assertTrue(
        r.err.contains("unknown gait 'gallop': expected one of tripod, tetrapod, ripple, wave"),
        r.err);
    assertFalse(Files.exists(csv));
    r = Cli.run("gait", "--failed-leg", "left-ish", "--csv", csv.toString());
    assertEquals(2, r.status);
    assertTrue(
        r.err.contains("unknown leg 'left-ish': expected one of lf, lm, lr, rf, rm, rr"), r.err);
    r = Cli.run("gait", "--duration", "-1", "--csv", csv.toString());
    assertEquals(2, r.status);
    assertTrue(r.err.contains("--duration"), r.err);
    r = Cli.run("gait", "--gait", "wave", "--vx", "0.3", "--csv", csv.toString());
    assertEquals(2, r.status);
    assertTrue(
        r.err.contains("unreachable with wave") && r.err.contains("expected at most 0.050 m/s"),
        r.err);
    r = Cli.run("gait", "--vx", "fast", "--csv", csv.toString());
    assertEquals(2, r.status);
    assertTrue(r.err.contains("--vx"), r.err);
    assertFalse(Files.exists(csv));
  }

  @Test
  void malformedConfigIsReportedWithFileAndField() throws Exception {
    Path cfg = Cli.configWith(dir, "robot.yaml", "femur_m: 0.12", "femur_m: -0.12");
    Cli r = Cli.run("urdf", "--config", cfg.toString());
    assertEquals(1, r.status);
    assertTrue(
        r.err.contains("robot.yaml: leg.femur_m: expected a number in [0.01, 2.0] m"), r.err);
    Files.writeString(cfg.resolve("robot.yaml"), "name: [unclosed\n");
    r = Cli.run("urdf", "--config", cfg.toString());
    assertEquals(1, r.status);
    assertTrue(r.err.contains("malformed YAML"), r.err);
  }

  @Test
  void urdfPrintsARobotWithEighteenRevoluteJoints() {
    Cli r = Cli.run("urdf");
    assertEquals(0, r.status, r.err);
    assertTrue(r.out.startsWith("<?xml"));
    assertEquals(18, r.out.split("type=\"revolute\"", -1).length - 1);
    assertTrue(r.out.contains("<joint name=\"rr_tibia_joint\""));
    assertTrue(r.out.contains("<link name=\"lf_foot\">"));
  }
}
