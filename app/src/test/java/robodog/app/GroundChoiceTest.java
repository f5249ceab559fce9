package robodog.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import robodog.app.robot.HarnessRobots;
import robodog.harness.sim.SimReport;
import robodog.harness.sim.SimRun;
import robodog.locomotion.LocomotionConfig;
import robodog.sim.scenario.Scenario;
import robodog.sim.scenario.ScenarioLoader;

/**
 * The crew's mixed course with no gait script: the robot picks its gait from the ground it senses
 * and completes it. Seeds 3 and 10 are two of the three that fell with the old timed script.
 */
class GroundChoiceTest {
  private static final LocomotionConfig CFG = LocomotionConfig.load(Path.of("../config"));

  @Test
  void theEquipmentRunIsWalkedWithoutAScriptOnSeedsThatUsedToFall() throws Exception {
    Scenario s = ScenarioLoader.load("equipment-run", Path.of("../scenarios"));
    assertNull(s.gait(), "the shipped course names no gait");
    for (long seed : new long[] {3, 10}) {
      SimReport r =
          SimRun.run(
                  HarnessRobots.HEADLESS,
                  CFG,
                  new SimRun.Options(s, null, seed, s.durationS(), 500, false, false, null))
              .report();
      String what = "seed " + seed + ": " + r.toJson();
      assertEquals(0, r.falls(), what);
      assertTrue(r.completed(), what);
      assertTrue(r.meanSpeedMps() >= 0.064, "no slower than the old script's 0.064 m/s: " + what);
      assertTrue(r.gaitSeconds().size() >= 2, "it changed gait on the course by itself: " + what);
      assertTrue(r.payloadAccelRmsMps2() < 1.95, "the case rides no rougher: " + what);
    }
  }
}
