package robodog.app.mission;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import robodog.app.robot.HarnessRobots;
import robodog.autonomy.RideProfile;
import robodog.autonomy.adapt.Arm;
import robodog.autonomy.adapt.SegmentBandit;
import robodog.autonomy.store.RunDatabase;
import robodog.autonomy.store.SegmentResult;
import robodog.core.Payload;
import robodog.harness.mission.RouteLearningBench;
import robodog.sim.scenario.Scenario;
import robodog.sim.scenario.ScenarioLoader;

/**
 * A tiny two-segment route dispatched three times through the mission path: every run stores a
 * result per segment, the second run walks what the first run's estimate chose, and the third walks
 * exactly what the stored results of the first two give.
 */
class RouteLearningClosedLoopTest {
  @TempDir Path dir;

  @Test
  void theStoredEstimateChangesAndIsUsed() throws Exception {
    Path routes = Files.createDirectories(dir.resolve("routes"));
    Files.writeString(
        routes.resolve("tiny.yaml"),
        "name: tiny\n"
            + "waypoints:\n"
            + "  - { x_m: 0.0, y_m: 0.0, tolerance_m: 0.15 }\n"
            + "  - { x_m: 0.35, y_m: 0.0, tolerance_m: 0.15 }\n"
            + "  - { x_m: 0.7, y_m: 0.0, tolerance_m: 0.15 }\n");
    Scenario sc = ScenarioLoader.load("flat-walk", Path.of("../scenarios"));
    Path db = dir.resolve("runs.db");
    StringWriter text = new StringWriter();
    List<RouteLearningBench.Result> r =
        RouteLearningBench.run(
            HarnessRobots.HEADLESS,
            TeachAndRepeatTest.CFG,
            sc,
            1,
            3,
            200,
            "tiny",
            routes,
            db,
            0.5,
            60,
            new PrintWriter(text));
    for (RouteLearningBench.Result x : r) {
      assertEquals("completed", x.outcome(), text.toString());
      assertFalse(x.fell(), text.toString());
    }
    assertEquals(List.of("0:" + Arm.BASE.name(), "1:" + Arm.BASE.name()), r.get(0).arms());
    try (RunDatabase d = RunDatabase.open(db)) {
      List<SegmentResult> all = d.segments().results("tiny");
      assertEquals(6, all.size(), "one result per segment and run: " + all);
      // Run 2 explored away from the profile's setting after a clean run 1.
      assertNotEquals(r.get(0).arms(), r.get(1).arms(), text.toString());
      List<Arm> allowed = Arm.allowed(RideProfile.forPayload(new Payload(sc.payloadKg(), 0, 0.5)));
      for (int seg = 0; seg < 2; seg++) {
        final int s = seg;
        List<SegmentResult> before =
            all.stream().filter(x -> x.segment() == s && x.runId() <= 2).toList();
        assertEquals(2, before.size());
        String expected = s + ":" + SegmentBandit.choose(allowed, before).name();
        assertEquals(expected, r.get(2).arms().get(seg), "run 3 uses the stored estimate");
        assertTrue(before.get(1).cost() > 0);
      }
    }
  }
}
