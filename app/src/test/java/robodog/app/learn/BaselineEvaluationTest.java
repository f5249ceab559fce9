package robodog.app.learn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import robodog.app.robot.HarnessRobots;
import robodog.harness.learn.BaselineEvaluation;
import robodog.harness.learn.EvalCourses;
import robodog.harness.learn.EvalRuns;
import robodog.locomotion.LocomotionConfig;
import robodog.sim.scenario.Scenario;
import robodog.sim.scenario.ScenarioLoader;

/**
 * The three-row evaluation on a tiny budget: one training course, two settings, one held-out course
 * with pavement and steps. The tuned preset walks its explicit gait only; the selector changes gait
 * with the ground.
 */
class BaselineEvaluationTest {
  private static final LocomotionConfig CFG = LocomotionConfig.load(Path.of("../config"));

  @TempDir Path tmp;

  @Test
  void threeRowsPresetIsExplicitSelectorFollowsTheGround() throws Exception {
    Files.writeString(
        tmp.resolve("steps-test.yaml"),
        String.join(
            "\n",
            "name: steps-test",
            "terrain:",
            "  segments:",
            "    - { kind: pavement, length_m: 1.0, friction: 0.9 }",
            "    - { kind: steps_up, count: 2, rise_m: 0.03, run_m: 0.35, friction: 0.8 }",
            "    - { kind: pavement, length_m: 1.0, friction: 0.9 }",
            "start: { x_m: 0, y_m: 0, yaw_deg: 0 }",
            "payload: { mass_kg: 0.5, com_m: [0, 0, 0.08] }",
            "duration_s: 40",
            "seed: 3",
            "commands:",
            "  - { t_s: 0, vx_mps: 0.1 }",
            "goal: { distance_m: 2.2 }",
            ""));
    Scenario sc = ScenarioLoader.load(tmp.resolve("steps-test.yaml").toString(), tmp);
    List<EvalRuns.Preset> grid =
        BaselineEvaluation.grid(CFG, new double[] {0.04}, new double[] {0}).subList(0, 2);
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(buf, true, StandardCharsets.UTF_8);
    Path dir = tmp.resolve("out");
    BaselineEvaluation.Result r =
        BaselineEvaluation.run(
            HarnessRobots.HEADLESS,
            CFG,
            Path.of("../models/terrain-policy/policy.txt"),
            EvalCourses.training(1),
            grid,
            EvalCourses.seeds(sc, 1),
            2,
            dir,
            out,
            null);
    String text = buf.toString(StandardCharsets.UTF_8);
    assertEquals(3, r.rows().size(), text);
    for (String row : List.of("| tuned preset | 1 |", "| selector | 1 |", "| learned | 1 |")) {
      assertTrue(text.contains(row), "no row " + row + " in\n" + text);
    }
    assertTrue(text.contains("learned vs better baseline: "), text);
    assertTrue(text.contains("(gate: >= 15 % better with 0 falls): "), text);
    assertTrue(Files.size(dir.resolve("scores.png")) > 1000);

    JsonNode json = new ObjectMapper().readTree(dir.resolve("eval.json").toFile());
    String tunedGait = r.tunedPreset().split(",")[0];
    JsonNode tuned = run(json, "tuned preset");
    assertEquals(List.of(tunedGait), gaits(tuned, 0), "tuned preset walked other gaits: " + tuned);
    JsonNode selector = run(json, "selector");
    assertTrue(
        gaits(selector, 0.5).size() >= 2,
        "selector walked one gait over pavement and steps: " + selector.get("gait_seconds"));
    assertTrue(text.contains("| steps_up |"), text);
  }

  private static JsonNode run(JsonNode json, String row) {
    for (JsonNode n : json.get("runs")) {
      if (n.get("row").asText().equals(row)) {
        return n;
      }
    }
    throw new AssertionError("no run of row " + row);
  }

  /** Gaits walked for more than {@code minS} seconds. */
  private static List<String> gaits(JsonNode run, double minS) {
    List<String> l = new ArrayList<>();
    Iterator<String> it = run.get("gait_seconds").fieldNames();
    while (it.hasNext()) {
      String g = it.next();
      if (run.get("gait_seconds").get(g).asDouble() > minS) {
        l.add(g);
      }
    }
    return l;
  }
}
