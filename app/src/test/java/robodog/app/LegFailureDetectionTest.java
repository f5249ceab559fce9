package robodog.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import robodog.app.robot.HarnessRobots;
import robodog.core.JointKind;
import robodog.core.LegId;
import robodog.harness.sim.LegFailureMatrix;
import robodog.harness.sim.SimReport;
import robodog.harness.sim.SimRun;
import robodog.locomotion.LocomotionConfig;
import robodog.sim.failure.LegFailure;
import robodog.sim.scenario.Scenario;
import robodog.sim.scenario.ScenarioLoader;

/**
 * A leg breaks mid-walk in the physics and nobody tells the controller: it must find the leg within
 * 2 s, fold it, and walk on without falling; and a healthy robot must never raise it.
 */
class LegFailureDetectionTest {
  private static final LocomotionConfig CFG = LocomotionConfig.load(Path.of("../config"));
  private static final Path SCENARIOS = Path.of("../scenarios");
  private static final double RATE_HZ = 200;
  private static final LegId LEG = LegId.RIGHT_MIDDLE;

  @Test
  void eachKindOfBreakIsFoundWithinTwoSecondsAndTheRobotWalksOnFive() throws Exception {
    Scenario flat =
        LegFailureMatrix.straight(ScenarioLoader.load("flat-walk", SCENARIOS), "tripod", 0.1, 11);
    for (LegFailure.Kind kind : LegFailure.Kind.values()) {
      LegFailureMatrix.Trial t =
          LegFailureMatrix.trial(HarnessRobots.HEADLESS, CFG, flat, LEG, kind, 4, 1, RATE_HZ);
      String what = kind.wireName() + ": " + t;
      assertEquals(LEG.shortName(), t.detectedLeg(), what);
      assertTrue(t.delayS() <= 2.0, what);
      assertFalse(t.fell(), what);
      // Six-leg wave at this command walks 0.045 m/s; five legs must keep most of it.
      assertTrue(t.speedMps() >= 0.7 * 0.045, what);
    }
  }

  @Test
  void aLimpFemurIsFoundWhileStanding() throws Exception {
    Scenario still =
        LegFailureMatrix.straight(ScenarioLoader.load("flat-walk", SCENARIOS), "tripod", 0, 6)
            .withLegFailure(new LegFailure(LEG, LegFailure.Kind.LIMP, JointKind.FEMUR, 3));
    SimReport r = run(still);
    assertEquals(LEG.shortName(), r.legFailure().detectedLeg(), r.legFailure().toString());
    // Joint evidence; whether it reads limp depends on whether the femur came to rest on its stop,
    // whose torque the simulated effort includes.
    assertTrue(r.legFailure().evidence().startsWith("joint_"), r.legFailure().toString());
    assertTrue(r.legFailure().detectionDelayS() <= 2.0, r.legFailure().toString());
    assertEquals(0, r.falls());
  }

  @Test
  void healthyRoughGroundAndStairsRaiseNothing() throws Exception {
    for (String name : List.of("rough", "stairs")) {
      Scenario s = ScenarioLoader.load(name, SCENARIOS);
      SimReport r = run(LegFailureMatrix.straight(s, s.gait(), s.commands().get(0).vx(), 25));
      assertNull(r.legFailure().detectedLeg(), name + ": " + r.legFailure());
      assertNull(r.legFailure().injected());
      assertEquals(0, r.falls(), name);
    }
  }

  /**
   * Walking blind into the camera case beside its path, a foot climbs the case and its coxa is
   * dragged off its target: suspected, folded, tested in the air, found sound, and back on six
   * legs; nothing is declared failed and the robot does not fall.
   */
  @Test
  void aLegHeldByTheCaseIsFoundSoundInTheAirAndWalksAgain() throws Exception {
    Scenario crew = ScenarioLoader.load("crew-on-set", SCENARIOS);
    SimReport r =
        SimRun.run(
                HarnessRobots.HEADLESS,
                CFG,
                new SimRun.Options(
                    crew,
                    null,
                    1,
                    crew.durationS(),
                    CFG.settings().loopRateHz(),
                    false,
                    false,
                    null))
            .report();
    assertNull(r.legFailure().detectedLeg(), r.legFailure().toString());
    assertTrue(r.legFailure().obstructions() >= 1, "the case held a leg: " + r.legFailure());
    assertEquals(0, r.falls());
  }

  @Test
  void aStuckCoxaIsFoundWithinTwoSecondsAndStaysFolded() throws Exception {
    Scenario flat =
        LegFailureMatrix.straight(ScenarioLoader.load("flat-walk", SCENARIOS), "tripod", 0.1, 11);
    LegFailureMatrix.Trial t =
        LegFailureMatrix.trial(
            HarnessRobots.HEADLESS,
            CFG,
            flat,
            LegId.LEFT_FRONT,
            LegFailure.Kind.STUCK,
            JointKind.COXA,
            4,
            1,
            RATE_HZ);
    assertEquals("lf", t.detectedLeg(), t.toString());
    assertTrue(t.delayS() <= 2.0, t.toString());
    assertFalse(t.fell(), t.toString());
  }

  /**
   * Walk, E-stop (settle, servos off), release, power on, walk again: a healthy robot raises
   * nothing through any of it; a broken one is found, the power-on clears the latch, and walking
   * finds the leg again.
   */
  @Test
  void anEstopAndPowerOnNeverRaiseItAndThePowerOnClearsALatchedOne() throws Exception {
    Scenario flat =
        LegFailureMatrix.straight(ScenarioLoader.load("flat-walk", SCENARIOS), "tripod", 0.1, 30);
    int[] healthy = estopCycle(flat);
    assertEquals(0, healthy[3], "healthy: nothing, ever");
    int bit = 1 << LEG.ordinal();
    int[] broken =
        estopCycle(
            flat.withLegFailure(new LegFailure(LEG, LegFailure.Kind.LIMP, JointKind.FEMUR, 2)));
    assertEquals(bit, broken[0], "found before the E-stop");
    assertEquals(0, broken[1], "cleared by the power-on");
    assertEquals(bit, broken[2], "found again once walking");
  }

  /** Detected mask before the stop, right after power-on, at the end, and at any time. */
  private static int[] estopCycle(Scenario sc) throws Exception {
    robodog.harness.sim.WorldBody body = new robodog.harness.sim.WorldBody(CFG, sc, 1, null, null);
    robodog.harness.RobotFactory.Setup setup =
        new robodog.harness.RobotFactory.Setup(
            RATE_HZ,
            robodog.core.Mode.STANDING,
            null,
            new robodog.core.Payload(0, 0, 0),
            false,
            robodog.core.rt.RealtimeRequest.none());
    java.io.PrintWriter quiet = new java.io.PrintWriter(java.io.OutputStream.nullOutputStream());
    int[] masks = new int[4];
    try (robodog.harness.SimulatedRobot robot =
        HarnessRobots.HEADLESS.assemble(
            CFG, body, new robodog.core.SteppableClock(), setup, quiet)) {
      robodog.core.MotionCommand cmd = new robodog.core.MotionCommand();
      cmd.requestedMode = robodog.core.Mode.WALKING;
      cmd.vx = 0.1;
      cmd.gaitIndex = CFG.gaits().indexOf("tripod");
      robot.commands().offer(cmd);
      double dt = robot.periodNanos() * 1e-9;
      boolean poweredOn = false;
      for (long k = 0; k * dt < 24; k++) {
        double t = k * dt;
        if (Math.abs(t - 5) < dt / 2) {
          cmd.estop = true;
          robot.commands().offer(cmd);
        } else if (Math.abs(t - 12) < dt / 2) {
          cmd.estop = false;
          cmd.estopReleaseCount++;
          robot.commands().offer(cmd);
        } else if (Math.abs(t - 13) < dt / 2) {
          cmd.modeRequestCount++;
          robot.commands().offer(cmd);
        }
        robot.beforeTick(t);
        robot.step();
        robodog.core.Telemetry tel = robot.controller().telemetry();
        masks[3] |= tel.detectedFailedLegMask;
        if (t < 5) {
          masks[0] = tel.detectedFailedLegMask;
        }
        if (t > 13 && !poweredOn && tel.mode != robodog.core.Mode.PASSIVE) {
          poweredOn = true;
          masks[1] = tel.detectedFailedLegMask;
        }
        masks[2] = tel.detectedFailedLegMask;
        assertFalse(body.world().fallen() && t < 5, "fell while walking");
      }
      assertTrue(poweredOn, "the robot powered on again");
      assertEquals(
          robodog.core.Mode.WALKING, robot.controller().telemetry().mode, "and walks again");
    }
    return masks;
  }

  private static SimReport run(Scenario s) throws Exception {
    return SimRun.run(
            HarnessRobots.HEADLESS,
            CFG,
            new SimRun.Options(s, null, 1, s.durationS(), RATE_HZ, false, false, null))
        .report();
  }
}
