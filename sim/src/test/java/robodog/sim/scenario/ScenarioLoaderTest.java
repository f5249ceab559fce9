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
  }

  @Test
  void unknownScenarioNameListsTheShippedOnes() {
    String m =
        assertThrows(ConfigException.class, () -> ScenarioLoader.load("moon", DIR)).getMessage();
    assertTrue(
        m.contains("unknown scenario 'moon': expected one of") && m.contains("flat-walk"), m);
  }
}
