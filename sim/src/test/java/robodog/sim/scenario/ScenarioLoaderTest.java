package robodog.sim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import robodog.core.config.ConfigException;
import robodog.core.config.ConfigNode;

class ScenarioLoaderTest {
  private static final Path DIR = Path.of("../scenarios");

  @Test
  void everyShippedScenarioLoadsAndBuildsItsTerrain() {
    List<String> names = ScenarioLoader.available(DIR);
    assertTrue(
        names.containsAll(
            List.of(
                "flat-walk", "slope-15", "rough", "stairs", "ice", "failed-leg", "equipment-run")),
        names.toString());
    for (String n : names) {
      Scenario s = ScenarioLoader.load(n, DIR);
      assertEquals(n, s.name());
      assertTrue(Double.isFinite(s.terrain().build(s.seed()).heightAt(0, 0)), n);
    }
  }

  private static String error(String yaml) {
    return assertThrows(
            ConfigException.class,
            () -> ScenarioLoader.parse(ConfigNode.parseString("bad.yaml", yaml)))
        .getMessage();
  }

  private static final String OK =
      "name: t\nterrain: {type: flat}\nduration_s: 5\ncommands:\n  - {t_s: 0, vx_mps: 0.1}\n";

  @Test
  void badInputNamesTheFileTheFieldAndWhatWasExpected() {
    ScenarioLoader.parse(ConfigNode.parseString("ok.yaml", OK));
    String m = error(OK.replace("type: flat", "type: lava"));
    assertTrue(m.contains("bad.yaml: terrain.type: expected one of flat, slope, rough"), m);
    m = error(OK.replace("duration_s: 5\n", ""));
    assertTrue(m.contains("bad.yaml: duration_s: expected a number") && m.contains("missing"), m);
    m = error(OK.replace("type: flat", "type: flat, friction: -1"));
    assertTrue(m.contains("terrain.friction"), m);
    m = error(OK + "failed_leg: middle\n");
    assertTrue(m.contains("failed_leg") && m.contains("lf, lm, lr, rf, rm, rr"), m);
    m = error(OK + "speed: 3\n");
    assertTrue(m.contains("bad.yaml: speed: unknown field"), m);
    m = error(OK.replace("t_s: 0", "t_s: 9"));
    assertTrue(m.contains("commands[0].t_s"), m);
    m = error(OK.replace("type: flat", "type: slope"));
    assertTrue(m.contains("bad.yaml: terrain.angle_deg: expected a number"), m);
    m = error(OK.replace("type: flat", "type: rough, amplitude_m: 0.02, bumps: 3"));
    assertTrue(m.contains("terrain.bumps: unknown field"), m);
    m = error(OK + "goal: {distance_m: 2, x_m: 3}\n");
    assertTrue(m.contains("goal.x_m") && m.contains("not both"), m);
    m = error(OK.replace("duration_s: 5", "duration_s: -5"));
    assertTrue(m.contains("duration_s"), m);
  }

  @Test
  void optionalFieldsHaveTheirDefaultsAndGoalsWork() {
    Scenario s = ScenarioLoader.parse(ConfigNode.parseString("ok.yaml", OK + "goal: {x_m: 2}\n"));
    assertEquals(null, s.gait(), "no gait: the robot picks it from the ground");
    assertEquals(null, s.failedLeg());
    assertEquals(0, s.payloadKg(), 0);
    assertTrue(s.hasGoal() && s.goalReached(0, 2.1) && !s.goalReached(5, 1.9));
    s =
        ScenarioLoader.parse(
            ConfigNode.parseString(
                "ok.yaml",
                OK
                    + "  - {t_s: 2, vx_mps: 0.2, yaw_rate_deg_s: 10, gait: wave}\n"
                    + "failed_leg: LM\ngoal: {distance_m: 1}\n"));
    assertEquals("lm", s.failedLeg());
    assertEquals(0.1, s.segmentAt(1.9).vx(), 0);
    assertEquals(Math.toRadians(10), s.segmentAt(2.0).yawRate(), 1e-12);
    assertEquals("wave", s.segmentAt(3).gait());
    assertTrue(s.goalReached(1.0, 0) && !s.goalReached(0.9, 100));
  }

  @Test
  void everyTerrainTypeBuilds() {
    for (String type :
        List.of(
            "flat",
            "ice",
            "mud",
            "slope, angle_deg: 10",
            "rough, amplitude_m: 0.02, cell_m: 0.04",
            "stairs, rise_m: 0.04, run_m: 0.3, steps: 3",
            "gravel, stones_per_m2: 10",
            "equipment-run")) {
      Scenario s =
          ScenarioLoader.parse(
              ConfigNode.parseString("t.yaml", OK.replace("type: flat", "type: " + type)));
      assertTrue(Double.isFinite(s.terrain().build(1).heightAt(0.2, 0.1)), type);
    }
  }

  @Test
  void unknownScenarioNameListsTheShippedOnes() {
    String m =
        assertThrows(ConfigException.class, () -> ScenarioLoader.load("moon", DIR)).getMessage();
    assertTrue(
        m.contains("unknown scenario 'moon': expected one of") && m.contains("flat-walk"), m);
  }
}
