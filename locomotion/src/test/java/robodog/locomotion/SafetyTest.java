package robodog.locomotion;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import robodog.core.LegId;
import robodog.core.Mode;
import robodog.core.Notice;

/** Mode machine, E-stop, faults and refusals. */
class SafetyTest {
  @Test
  void estopIsLatchedUntilExplicitlyReleased() {
    WalkHarness h = new WalkHarness(Mode.STANDING);
    h.walk(0.1, 0, 0);
    h.run(1.0);
    h.command.estop = true;
    h.command.estopCut = true; // category 0 (EstopCategoryTest covers the settling stop)
    h.send();
    h.run(0.01);
    assertEquals(Mode.ESTOP, h.telemetry().mode);
    assertFalse(h.task.command().enabled, "servo outputs must be off in E-STOP");
    assertEquals(0.0, h.telemetry().vx, "no velocity is commanded in E-STOP");
    assertEquals(0.0, h.telemetry().yawRate);
    // Clearing the estop flag alone, or asking to walk, does not leave E-STOP.
    h.command.estop = false;
    h.walk(0.1, 0, 0);
    h.run(0.5);
    assertEquals(Mode.ESTOP, h.telemetry().mode);
    assertFalse(h.task.command().enabled);
    // An explicit release goes to PASSIVE, not back to walking.
    h.command.estopReleaseCount++;
    h.command.requestedMode = Mode.PASSIVE;
    h.send();
    h.run(0.01);
    assertEquals(Mode.PASSIVE, h.telemetry().mode);
    assertFalse(h.task.command().enabled);
  }

  @Test
  void anExpiredVelocityCommandStopsTheRobotFromInsideTheTick() {
    // The operator link's thread may be late; the deadline it wrote into the command is not.
    WalkHarness h = new WalkHarness(Mode.STANDING);
    h.command.velocityDeadlineNanos = h.clock.nanoTime() + 1_500_000_000L;
    h.walk(0.1, 0, 0);
    h.run(1.4);
    assertEquals(0.1, h.telemetry().vx, 1e-9, "moving before the deadline");
    h.run(0.1 + WalkHarness.DT);
    assertEquals(robodog.core.Notice.COMMAND_EXPIRED, h.telemetry().notice);
    assertTrue(h.telemetry().vx < 0.1, "the stop begins within one tick of the deadline");
    h.run(1.0);
    assertEquals(0.0, h.telemetry().vx, 1e-12, "then ramps to a standstill");
    assertEquals(Mode.WALKING, h.telemetry().mode, "a controlled stop, not a mode change");
  }

  @Test
  void aReleaseRightAfterACommandedEstopIsHonoured() {
    // What the operator link sends: engage, then (holder only) release, with nothing in between.
    WalkHarness h = new WalkHarness(Mode.STANDING);
    h.walk(0.1, 0, 0);
    h.run(1.0);
    h.command.estop = true;
    h.command.estopCut = true; // category 0: a settling stop defers the release to its cut
    h.send();
    h.run(0.2);
    assertEquals(Mode.ESTOP, h.telemetry().mode);
    h.command.estop = false;
    h.command.estopCut = false;
    h.command.estopReleaseCount++;
    h.command.requestedMode = Mode.STANDING; // left over from before the E-stop
    h.send();
    h.run(0.002);
    assertEquals(Mode.PASSIVE, h.telemetry().mode, "a deliberate release leaves E-STOP");
    h.run(2.0);
    assertEquals(Mode.PASSIVE, h.telemetry().mode, "and nothing stands it up by itself");
    assertFalse(h.task.command().enabled, "servo power stays off");
    h.command.modeRequestCount++; // the operator asks for a mode again
    h.send();
    h.run(0.5);
    assertEquals(Mode.SITTING, h.telemetry().mode, "then powers up through sitting, never a jump");
  }

  @Test
  void onlyAReleaseRequestedAfterTheLatchCounts() {
    WalkHarness h = new WalkHarness(Mode.STANDING);
    h.command.estopReleaseCount = 3; // releases asked for before this E-stop
    h.command.estop = true;
    h.send();
    h.run(0.01);
    h.command.estop = false;
    h.send();
    h.run(0.5);
    assertEquals(Mode.ESTOP, h.telemetry().mode, "clearing estop is not a release");
    h.hardware.pressEstop(true);
    h.command.estopReleaseCount++; // asked while the button is still pressed: absorbed
    h.send();
    h.run(0.01);
    h.hardware.pressEstop(false);
    h.run(0.5);
    assertEquals(Mode.ESTOP, h.telemetry().mode, "a release during the press does not count");
    h.command.estopReleaseCount++;
    h.command.requestedMode = Mode.PASSIVE;
    h.send();
    h.run(0.01);
    assertEquals(Mode.PASSIVE, h.telemetry().mode);
  }

  @Test
  void fromPassiveTheRobotPowersOnSitsThenStandsWithoutJumps() {
    WalkHarness h = new WalkHarness(Mode.PASSIVE);
    h.run(0.2);
    assertEquals(Mode.PASSIVE, h.telemetry().mode);
    assertFalse(h.task.command().enabled);
    h.command.requestedMode = Mode.STANDING;
    h.send();
    double[] prev = h.task.command().position.clone();
    double maxJoint = 0;
    for (int k = 0; k < 5000 && h.telemetry().mode != Mode.STANDING; k++) {
      h.run(WalkHarness.DT);
      for (int j = 0; j < 18; j++) {
        maxJoint = Math.max(maxJoint, Math.abs(h.task.command().position[j] - prev[j]));
      }
      prev = h.task.command().position.clone();
    }
    assertEquals(Mode.STANDING, h.telemetry().mode);
    assertTrue(h.task.command().enabled);
    double limit = h.config.robot().servo().maxSpeedRadPerS() * WalkHarness.DT;
    assertTrue(maxJoint <= limit + 1e-12, "a joint moved " + maxJoint + " rad in one tick");
    h.run(3.0); // height rises to standing at the rate limit
    assertArrayEquals(h.config.standingJointAngles(), h.task.command().position, 1e-6);
  }

  @Test
  void askingAWalkingRobotToSitLandsEveryFootFirst() {
    WalkHarness h = new WalkHarness(Mode.STANDING);
    h.walk(0.15, 0, 0);
    h.run(2.1);
    h.command.requestedMode = Mode.SITTING;
    h.send();
    boolean sawStanding = false;
    for (int k = 0; k < 2000; k++) {
      h.run(WalkHarness.DT);
      if (h.telemetry().mode != Mode.WALKING) {
        assertEquals(0, h.telemetry().swingMask, "left WALKING with a foot in the air");
        sawStanding |= h.telemetry().mode == Mode.STANDING;
      }
    }
    assertEquals(Mode.SITTING, h.telemetry().mode);
    assertTrue(sawStanding || h.telemetry().mode == Mode.SITTING);
  }

  @Test
  void anExceptionInATickLatchesFaultHoldsTheJointsAndTheLoopKeepsTicking() {
    WalkHarness h = new WalkHarness(Mode.STANDING);
    h.walk(0.1, 0, 0);
    h.run(1.0);
    double[] before = h.task.command().position.clone();
    h.task.onTickException(new IllegalStateException("injected"));
    h.run(0.5);
    assertEquals(Mode.FAULT, h.telemetry().mode);
    assertEquals(Notice.FAULT_LATCHED, h.telemetry().notice);
    assertArrayEquals(before, h.task.command().position, 0.0);
    assertTrue(h.task.command().enabled, "a fault holds position; it does not drop the robot");
    assertEquals(0, h.loop.stats().tickErrors());
    assertTrue(h.loop.stats().ticks() > 700);
  }

  @Test
  void aBodyPoseThatWouldTipTheRobotIsRefusedWhole() {
    WalkHarness h = new WalkHarness(Mode.STANDING);
    h.command.failedLegMask = 1 << LegId.LEFT_MIDDLE.ordinal();
    h.walk(0.03, 0, 0);
    h.run(3.0);
    double yBefore = h.controller.telemetry().stabilityMargin;
    // Shift the body toward the missing leg and roll toward it: the CoM leaves the support.
    h.command.bodyY = 0.06;
    h.command.bodyRoll = -0.2;
    h.send();
    h.run(0.1);
    assertEquals(Notice.POSE_REFUSED_UNSTABLE, h.telemetry().notice);
    h.run(3.0);
    assertTrue(h.telemetry().stabilityMargin > 0, "margin " + h.telemetry().stabilityMargin);
    assertTrue(Double.isFinite(yBefore));
  }

  @Test
  void unknownGaitAndTwoFailedLegsAreRefusedAndNothingChanges() {
    WalkHarness h = new WalkHarness(Mode.STANDING);
    h.command.gaitIndex = 99;
    h.walk(0.1, 0, 0);
    h.run(0.1);
    assertEquals(Notice.GAIT_INDEX_INVALID, h.telemetry().notice);
    assertEquals(0, h.telemetry().gaitIndex);
    h.command.gaitIndex = -1;
    h.command.failedLegMask = 0b11;
    h.send();
    h.run(0.1);
    assertEquals(Notice.TOO_MANY_FAILED_LEGS, h.telemetry().notice);
    assertEquals(0, h.telemetry().failedLegMask);
    assertEquals(6, h.telemetry().stanceCount + Integer.bitCount(h.telemetry().swingMask));
  }

  @Test
  void hardwareFaultsReachTheController() throws Exception {
    LocomotionConfig cfg = Fixtures.config();
    robodog.core.Mailbox<robodog.core.MotionCommand> commands = LocomotionConfig.commandMailbox();
    HexapodController c = cfg.newController(commands, null, Mode.STANDING);
    robodog.core.IdealServoHardware ideal =
        new robodog.core.IdealServoHardware(cfg.standingJointAngles());
    boolean[] critical = {false};
    int[] failedByHardware = {0};
    robodog.core.HardwarePort port =
        new robodog.core.HardwarePort() {
          @Override
          public void configure() {}

          @Override
          public void activate() {}

          @Override
          public void deactivate() {}

          @Override
          public void read(long now, long period, robodog.core.RobotState s) {
            ideal.read(now, period, s);
            s.batteryCritical = critical[0];
            s.failedLegMask = failedByHardware[0];
          }

          @Override
          public void write(long now, long period, robodog.core.JointCommand cmd) {
            ideal.write(now, period, cmd);
          }

          @Override
          public void onError(Throwable cause) {}
        };
    robodog.core.LoopRunner loop =
        new robodog.core.LoopRunner(
            new robodog.core.SteppableClock(),
            2_000_000L,
            new robodog.core.ControlTask(port, c),
            "t");
    robodog.core.MotionCommand m = new robodog.core.MotionCommand();
    m.requestedMode = Mode.WALKING;
    m.vx = 0.1;
    commands.offer(m);
    loop.runTicks(1000);
    assertEquals(Mode.WALKING, c.telemetry().mode);
    // A servo channel the hardware reports broken: its leg folds and the robot walks on five.
    failedByHardware[0] = 1 << LegId.LEFT_REAR.ordinal();
    loop.runTicks(500);
    assertEquals(1 << LegId.LEFT_REAR.ordinal(), c.telemetry().failedLegMask);
    assertEquals("wave5-lr", cfg.gaits().get(c.telemetry().gaitIndex).name());
    critical[0] = true;
    loop.runTicks(4000); // five-leg swings are slow: every foot lands, then it sits
    assertEquals(Mode.SITTING, c.telemetry().mode);
    assertEquals(Notice.BATTERY_CRITICAL, c.telemetry().notice);
    assertEquals(0, c.telemetry().swingMask, "every foot landed before sitting");
  }

  @Test
  void tripodIsRefusedWhileALegIsFailed() {
    WalkHarness h = new WalkHarness(Mode.STANDING);
    h.command.failedLegMask = 1 << LegId.RIGHT_REAR.ordinal();
    h.walk(0.03, 0, 0);
    h.run(0.5);
    h.command.gaitIndex = h.config.gaits().indexOf("tripod");
    h.send();
    h.run(0.1);
    assertEquals(Notice.GAIT_REFUSED_UNSTABLE, h.telemetry().notice);
    assertEquals("wave5-rr", h.config.gaits().get(h.telemetry().gaitIndex).name());
  }
}
