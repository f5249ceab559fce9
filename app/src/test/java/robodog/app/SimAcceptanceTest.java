package robodog.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import robodog.app.robot.HarnessRobots;
import robodog.harness.sim.SimReport;
import robodog.harness.sim.SimRun;
import robodog.locomotion.ControllerSettings;
import robodog.locomotion.LocomotionConfig;
import robodog.locomotion.gait.Gait;
import robodog.locomotion.gait.GaitTable;
import robodog.sim.scenario.Scenario;
import robodog.sim.scenario.ScenarioLoader;

/** Closed-loop goals in the physics simulator: the controller on simulated hardware. */
class SimAcceptanceTest {
  private static final LocomotionConfig CFG = LocomotionConfig.load(Path.of("../config"));
  private static final Path SCENARIOS = Path.of("../scenarios");

  private static SimReport run(LocomotionConfig cfg, String scenario, String gait)
      throws Exception {
    Scenario s = ScenarioLoader.load(scenario, SCENARIOS);
    return SimRun.run(
            HarnessRobots.HEADLESS,
            cfg,
            new SimRun.Options(s, gait, s.seed(), s.durationS(), 200, false, false, null))
        .report();
  }

  @Test
  void tripodOnFlatGroundCoversTheCommandedDistanceWithoutFalling() throws Exception {
    SimReport r = run(CFG, "flat-walk", null);
    double commanded = 0.15 * 20;
    assertEquals(0, r.falls());
    assertEquals(commanded, r.distanceM(), 0.15 * commanded, "distance " + r.distanceM());
    assertTrue(r.completed());
    assertTrue(r.minStabilityMarginM() > 0);
  }

  @Test
  void slopeStairsAndFiveLegsEachCompleteWithoutAFall() throws Exception {
    for (String s : List.of("slope-15", "stairs", "failed-leg")) {
      SimReport r = run(CFG, s, null);
      assertEquals(0, r.falls(), s);
      assertTrue(r.completed(), s + " did not reach its goal: " + r.distanceM() + " m");
    }
  }

  @Test
  void iceRunsAndReportsHowMuchItSlipped() throws Exception {
    SimReport r = run(CFG, "ice", null);
    assertTrue(Double.isFinite(r.slipRatio()));
    assertTrue(r.toJson().contains("\"slip_ratio\""));
  }

  @Test
  void theSameSeedGivesTheSameReport() throws Exception {
    SimReport a = run(CFG, "rough", null);
    SimReport b = run(CFG, "rough", null);
    assertEquals(strip(a), strip(b));
  }

  private static SimReport strip(SimReport r) {
    return new SimReport(
        r.scenario(),
        r.seed(),
        r.gait(),
        r.simTimeS(),
        0,
        0,
        r.distanceM(),
        r.meanSpeedMps(),
        r.commandedSpeedMps(),
        r.falls(),
        r.minStabilityMarginM(),
        r.bodyRollRmsRad(),
        r.bodyPitchRmsRad(),
        r.energyJ(),
        r.costOfTransport(),
        r.payloadKg(),
        r.completed(),
        r.jointTrackingRmsRad(),
        r.slipRatio(),
        r.stops(),
        r.finalBodyHeightM(),
        r.payloadAccelRmsMps2(),
        r.recoveries(),
        r.gaitSeconds(),
        r.legFailure());
  }

  /** All six legs in the air together: the simulator must not forgive it. */
  @Test
  void aDeliberatelyBadGaitFalls() throws Exception {
    List<Double> together = List.of(0.0, 0.0, 0.0, 0.0, 0.0, 0.0);
    GaitTable table =
        new GaitTable(
            List.of(new Gait("tripod", 0.5, 0.8, 0.04, together)),
            CFG.gaitTable().maxStrideMeters());
    ControllerSettings s = CFG.settings();
    // Switch every safety net off: no minimum margin, so nothing is refused or deferred.
    ControllerSettings reckless =
        new ControllerSettings(
            s.loopRateHz(),
            s.maxAccel(),
            s.maxYawAccel(),
            s.maxYawRate(),
            s.heightRate(),
            s.angleRate(),
            s.shiftRate(),
            s.maxRoll(),
            s.maxPitch(),
            s.maxYaw(),
            s.maxShift(),
            s.minHeight(),
            s.maxHeight(),
            Double.NEGATIVE_INFINITY,
            s.neighbourShift(),
            s.fiveLegCycle(),
            s.fiveLegStepHeight(),
            s.powerOnJointSpeed());
    LocomotionConfig bad = LocomotionConfig.of(CFG.robot(), table, reckless);
    // Chosen explicitly: the robot's own gait choice would stop and re-stand as the body drops.
    SimReport r = run(bad, "flat-walk", "tripod");
    assertEquals(1, r.falls(), "six legs swinging together must fall");
    assertTrue(!r.completed());
  }
}
