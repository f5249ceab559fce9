package robodog.sim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import robodog.core.config.ConfigException;
import robodog.core.config.ConfigNode;
import robodog.sim.terrain.CompositeTerrain;
import robodog.sim.terrain.SegmentTerrain;
import robodog.sim.terrain.SolidObstacles;
import robodog.sim.terrain.Terrain;

/** The {@code terrain: { segments: [...] }} block: defaults, obstacles, and what bad input says. */
class SegmentSpecsTest {
  private static final String OK =
      "name: t\n"
          + "terrain:\n"
          + "  segments:\n"
          + "    - { kind: pavement, length_m: 1 }\n"
          + "    - { kind: steps_up, count: 2, rise_m: 0.04 }\n"
          + "    - { kind: mud }\n"
          + "start: { x_m: 0.5 }\n"
          + "duration_s: 5\n"
          + "commands:\n"
          + "  - {t_s: 0, vx_mps: 0.1}\n";

  private static Scenario parse(String yaml) {
    return ScenarioLoader.parse(ConfigNode.parseString("c.yaml", yaml));
  }

  private static String error(String yaml) {
    return assertThrows(ConfigException.class, () -> parse(yaml)).getMessage();
  }

  @Test
  void defaultsFillInAndTheCourseStartsAtTheStartPose() {
    Terrain t = parse(OK).terrain().build(1);
    SegmentTerrain s = SegmentTerrain.find(t);
    assertNotNull(s);
    assertEquals(0.5, s.course().startX(), 0);
    // Steps default to 0.35 m runs; mud to 1 m.
    assertEquals(0.5 + 1 + 0.7 + 1, s.course().endX(), 1e-9);
    assertEquals(0.08, t.heightAt(2.5, 0), 1e-12);
    assertEquals("mud", s.kindAt(2.5));
    assertEquals("pavement", s.kindAt(-0.3));
  }

  @Test
  void aSegmentScenarioCarriesItsSceneObstacles() {
    Scenario sc =
        parse(
            OK
                + "scene:\n"
                + "  cases: [ { x_m: 1.0, y_m: 0.8, size_m: [0.5, 0.3, 0.2] } ]\n"
                + "  tripods: [ { x_m: 2.0, y_m: -0.9, height_m: 1.2 } ]\n");
    Terrain t = sc.terrain().build(1);
    assertTrue(t instanceof CompositeTerrain);
    boolean solids = false;
    for (Terrain p : ((CompositeTerrain) t).parts()) {
      solids |= p instanceof SolidObstacles && ((SolidObstacles) p).size() > 0;
    }
    assertTrue(solids, t.describe());
    assertEquals(0.2, t.heightAt(1.0, 0.8), 1e-9); // the case's top, on pavement at 0
    assertNotNull(SegmentTerrain.find(t));
  }

  @Test
  void badSegmentsNameTheIndexTheFieldAndTheAllowedRange() {
    String m = error(OK.replace("kind: mud", "kind: lava"));
    assertTrue(
        m.contains("c.yaml: terrain.segments[2].kind: expected one of pavement, gravel,"), m);
    assertTrue(m.contains("steps_up, steps_down, slope, ice, mud"), m);
    m = error(OK.replace("rise_m: 0.04", "rise_m: 0.5"));
    assertTrue(m.contains("terrain.segments[1].rise_m: expected a number in [0.005, 0.2] m"), m);
    m = error(OK.replace("count: 2", "count: 2.5"));
    assertTrue(m.contains("terrain.segments[1].count: expected an integer in [1, 50]"), m);
    m = error(OK.replace("count: 2,", "count: 2, length_m: 3,"));
    assertTrue(m.contains("segments[1].length_m") && m.contains("count × run_m"), m);
    m = error(OK.replace("{ kind: mud }", "{ kind: mud, angle_deg: 3 }"));
    assertTrue(m.contains("segments[2].angle_deg: unknown field") && m.contains("friction"), m);
    m = error(OK.replace("length_m: 1 }", "length_m: 1, friction: -0.1 }"));
    assertTrue(m.contains("segments[0].friction: expected a number in [0.0, 3.0]"), m);
    m = error(OK.replace("    - { kind: pavement, length_m: 1 }\n", "    - { length_m: 1 }\n"));
    assertTrue(m.contains("segments[0].kind: expected a non-empty string"), m);
    m = error(OK.replace("terrain:\n", "terrain:\n  type: flat\n"));
    assertTrue(m.contains("terrain.type: expected either type or segments"), m);
    m = error(OK.replace("kind: pavement, length_m: 1", "kind: slope, angle_deg: 40"));
    assertTrue(m.contains("segments[0].angle_deg: expected a number in [-30.0, 30.0] degrees"), m);
    m = error(OK.replace("terrain:\n", "terrain:\n  width_m: 0.1\n"));
    assertTrue(m.contains("terrain.width_m"), m);
  }
}
