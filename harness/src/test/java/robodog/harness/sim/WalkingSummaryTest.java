package robodog.harness.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import robodog.core.config.ConfigNode;
import robodog.sim.scenario.Scenario;
import robodog.sim.scenario.ScenarioLoader;

/** The walking table: counts, means and worst cases per group, and why each failed run failed. */
class WalkingSummaryTest {
  private static final Scenario SC =
      ScenarioLoader.parse(
          ConfigNode.parseString(
              "s.yaml",
              "name: s\nterrain: {type: flat}\nduration_s: 60\ncommands:\n"
                  + "  - {t_s: 0, vx_mps: 0.1}\ngoal: {distance_m: 5}\n"));

  private static SimReport report(
      String scenario, long seed, double t, double dist, int falls, boolean done, double accel) {
    return new SimReport(
        scenario,
        seed,
        "tripod",
        t,
        1,
        t,
        dist,
        dist / t,
        0.1,
        falls,
        0.05,
        0,
        0,
        1,
        1.0,
        1.5,
        done,
        0.01,
        0,
        List.of(),
        0.12,
        accel,
        0,
        java.util.Map.of(),
        null);
  }

  private static WalkingBench.Result result(String group, SimReport r, double x, String kind) {
    return new WalkingBench.Result(group, r, x, 0, kind, WalkingBench.failure(r, SC, x, x, kind));
  }

  @Test
  void rowsCountFallsAndCompletedAndTakeMeanAndWorst() {
    List<WalkingBench.Result> rs =
        List.of(
            result("a", report("a", 1, 50, 5.0, 0, true, 1.0), 5.0, null),
            result("a", report("a", 2, 20, 1.0, 1, false, 3.0), 1.0, "ice"),
            result("a", report("a", 3, 60, 3.0, 0, false, 2.0), 3.0, null),
            result("dir", report("c1", 9, 40, 4.0, 0, true, 0.5), 4.0, "rough"));
    List<WalkingSummary.Row> rows = WalkingSummary.rows(rs);
    assertEquals(2, rows.size());
    WalkingSummary.Row a = rows.get(0);
    assertEquals("a", a.group());
    assertEquals(3, a.n());
    assertEquals(1, a.falls());
    assertEquals(1, a.completed());
    assertEquals((0.1 + 0.05 + 0.05) / 3, a.meanSpeedMps(), 1e-12);
    assertEquals(0.05, a.worstSpeedMps(), 1e-12);
    assertEquals(2.0, a.meanPayloadAccelRmsMps2(), 1e-12);
    assertEquals(3.0, a.worstPayloadAccelRmsMps2(), 1e-12);
    assertEquals(1, rows.get(1).n());

    assertNull(rs.get(0).failure());
    assertEquals("fell at t=20.0 s x=1.00 m (ice)", rs.get(1).failure());
    assertEquals(
        "goal missed: 3.00 m of 5.00 m along the heading in 60 s, x=3.00 m", rs.get(2).failure());
    String text = WalkingSummary.format(rs);
    assertTrue(text.contains("failed runs (2):"), text);
    assertTrue(text.contains("  a seed 2: fell at t=20.0 s x=1.00 m (ice)"), text);
    assertTrue(text.contains("  a seed 3: goal missed"), text);
    assertTrue(
        text.matches("(?s).*\\ba\\s+3\\s+1\\s+1\\s+0\\.067\\s+0\\.050\\s+2\\.00\\s+3\\.00\\n.*"),
        text);
  }
}
