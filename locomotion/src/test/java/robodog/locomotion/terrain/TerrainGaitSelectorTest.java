package robodog.locomotion.terrain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import robodog.core.GroundCall;
import robodog.locomotion.LocomotionConfig;
import robodog.locomotion.gait.GaitLibrary;

class TerrainGaitSelectorTest {
  private static final GaitLibrary GAITS = LocomotionConfig.load(Path.of("../config")).gaits();
  private static final double DT = 0.002;

  private static void walk(
      TerrainGaitSelector s,
      double seconds,
      double speed,
      double uneven,
      double climb,
      double slip) {
    for (int k = 0; k < seconds / DT; k++) {
      s.update(true, speed, uneven, climb, slip, 0, 0, DT);
    }
  }

  @Test
  void eachSensedGroundGetsItsGaitAndAHarderCallActsAtOnce() {
    TerrainGaitSelector s = new TerrainGaitSelector(GAITS);
    walk(s, 1, 0.08, 0.005, 0, 0.01);
    assertEquals(GroundCall.SMOOTH, s.call());
    assertEquals(GAITS.indexOf("ripple"), s.gaitIndex());
    walk(s, 1, 0.2, 0.005, 0, 0.01);
    assertEquals(GAITS.indexOf("tripod"), s.gaitIndex(), "beyond ripple's reach on smooth ground");
    s.update(true, 0.08, 0.02, 0, 0.01, 0, 0, DT);
    assertEquals(GroundCall.UNEVEN, s.call());
    assertEquals(GAITS.indexOf("ripple"), s.gaitIndex());
    assertEquals(TerrainGaitSelector.UNEVEN_STEP_M, s.stepHeight(), 1e-12);
    s.update(true, 0.08, 0.02, 0.012, 0.01, 0, 0, DT);
    assertEquals(GroundCall.STEPS, s.call());
    assertEquals(GAITS.indexOf("wave"), s.gaitIndex());
    s.update(true, 0.08, 0.02, 0, 0.2, 0, 0, DT);
    assertEquals(GroundCall.SLIPPERY, s.call());
    assertTrue(s.speedCeiling() < 0.05, "slowed below the wave's own top speed");
  }

  @Test
  void anEasierCallWaitsForThreeCalmSecondsOfWalkingOneLevelAtATime() {
    TerrainGaitSelector s = new TerrainGaitSelector(GAITS);
    s.update(true, 0.08, 0.02, 0.012, 0.01, 0, 0, DT);
    assertEquals(GroundCall.STEPS, s.call());
    walk(s, TerrainGaitSelector.CALM_S - 0.1, 0.08, 0, 0, 0);
    assertEquals(GroundCall.STEPS, s.call(), "not calm long enough");
    for (int k = 0; k < 1000; k++) {
      s.update(false, 0, 0, 0, 0, 0, 0, DT); // standing: the calm timer does not run
    }
    assertEquals(GroundCall.STEPS, s.call());
    walk(s, 0.2, 0.08, 0, 0, 0);
    assertEquals(GroundCall.UNEVEN, s.call(), "one level easier");
    walk(s, TerrainGaitSelector.CALM_S + 0.1, 0.08, 0, 0, 0);
    assertEquals(GroundCall.SMOOTH, s.call());
  }

  @Test
  void aTiltOrASagStopsTheRobotStepsItBackThenItGoesOnAsOnSteps() {
    TerrainGaitSelector s = new TerrainGaitSelector(GAITS);
    walk(s, 1, 0.08, 0, 0, 0);
    s.update(true, 0.08, 0, 0, 0, Math.toRadians(25), 0, DT);
    assertEquals(GroundCall.RECOVERING, s.call());
    assertEquals(0, s.speedCeiling(), 0);
    assertEquals(GAITS.indexOf("wave"), s.gaitIndex());
    assertEquals(1, s.recoveries());
    walk(s, TerrainGaitSelector.RECOVER_S - 0.1, 0.08, 0, 0, 0);
    assertEquals(GroundCall.RECOVERING, s.call(), "the re-stand takes its time");
    walk(s, 0.2, 0.08, 0, 0, 0);
    assertEquals(GroundCall.STEPS, s.call());
    s.update(true, 0.08, 0, 0, 0, 0, TerrainGaitSelector.RECOVER_SAG_M + 0.01, DT);
    assertEquals(2, s.recoveries(), "a sag is a second event");
    s.update(false, 0.08, 0, 0, 0, Math.toRadians(30), 0, DT);
    assertEquals(2, s.recoveries(), "standing still is never a recovery");
  }
}
