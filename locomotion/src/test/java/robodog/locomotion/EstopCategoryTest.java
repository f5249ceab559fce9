package robodog.locomotion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import robodog.core.Mode;
import robodog.core.Notice;
import robodog.core.config.ConfigException;
import robodog.core.config.ConfigFiles;
import robodog.core.config.ConfigNode;
import robodog.core.config.RobotDescription;
import robodog.locomotion.gait.GaitTable;

/**
 * Stop categories: a software E-stop settles the body within its bound and then cuts (category 1);
 * the button, a link-level cut, a cut deployment, a fall and a fault during the settle cut at once
 * (category 0). Both latch.
 */
class EstopCategoryTest {
  private static final double BOUND_S = 2.0;

  /** A walking robot, then a software E-stop: seconds until the servo outputs went off. */
  private static double secondsUntilCut(WalkHarness h) {
    for (int k = 0; k < 5_000; k++) {
      h.run(WalkHarness.DT);
      if (!h.task.command().enabled) {
        return (k + 1) * WalkHarness.DT;
      }
    }
    return Double.POSITIVE_INFINITY;
  }

  private static WalkHarness walking(WalkHarness h) {
    h.walk(0.1, 0, 0);
    h.run(2.0);
    assertEquals(Mode.WALKING, h.telemetry().mode);
    return h;
  }

  @Test
  void aSoftwareEstopSettlesTheBodyWithinTheBoundThenCuts() {
    WalkHarness h = walking(new WalkHarness(Mode.STANDING));
    h.command.estop = true;
    h.send();
    h.run(WalkHarness.DT);
    assertEquals(Mode.ESTOP, h.telemetry().mode, "the stop shows at once");
    assertEquals(Notice.ESTOP_SETTLING, h.telemetry().notice);
    assertTrue(h.task.command().enabled, "servos hold the body while it settles");
    double vxAtStop = h.telemetry().vx;
    h.walk(0.3, 0, 0); // a velocity sent during the settle is not obeyed
    h.command.estop = true;
    h.send();
    h.run(0.3);
    assertTrue(h.telemetry().vx < vxAtStop, "the body slows down, vx " + h.telemetry().vx);
    assertEquals(Mode.ESTOP, h.telemetry().mode);
    double cut = 0.3 + WalkHarness.DT + secondsUntilCut(h);
    assertTrue(cut < BOUND_S - 0.1, "settled and cut before the bound: " + cut + " s");
    assertTrue(cut > 1.0, "lowering 8 cm gently takes time, not one tick: " + cut + " s");
    assertEquals(Notice.ESTOP_LATCHED, h.telemetry().notice);
    double[] sitting = h.config.jointAnglesAtHeight(ModeMachine.settleHeight(h.config.robot()));
    double[] last = h.telemetry().jointTarget;
    // Femur and tibia at the last powered tick are those of the settled pose (coxae may differ:
    // the feet were planted where the walk left them).
    double femurDiff = 0;
    for (int leg = 0; leg < 6; leg++) {
      femurDiff = Math.max(femurDiff, Math.abs(last[leg * 3 + 1] - sitting[leg * 3 + 1]));
    }
    assertTrue(femurDiff < 0.15, "body lowered to the ground, femur off by " + femurDiff);
  }

  @Test
  void aSettleThatCannotFinishIsCutAtTheBound() {
    WalkHarness h = new WalkHarness(Mode.STANDING);
    h.command.bodyHeight = 0.18; // the highest body: the longest way down
    h.send();
    h.run(3.0);
    h.command.estop = true;
    h.send();
    double cut = secondsUntilCut(h);
    assertTrue(cut <= BOUND_S + WalkHarness.DT, "cut within the bound: " + cut + " s");
  }

  @Test
  void theButtonALinkCutAndACutDeploymentStopAtOnce() {
    WalkHarness button = walking(new WalkHarness(Mode.STANDING));
    button.hardware.pressEstop(true);
    assertEquals(WalkHarness.DT, secondsUntilCut(button), 1e-9, "button: the next tick");
    assertEquals(Notice.ESTOP_LATCHED, button.telemetry().notice);

    WalkHarness link = walking(new WalkHarness(Mode.STANDING));
    link.command.estop = true;
    link.command.estopCut = true;
    link.send();
    assertEquals(WalkHarness.DT, secondsUntilCut(link), 1e-9, "cmd/estop cut: the next tick");

    WalkHarness cutDeployment = walking(new WalkHarness(Mode.STANDING, config("cut")));
    cutDeployment.command.estop = true;
    cutDeployment.send();
    assertEquals(WalkHarness.DT, secondsUntilCut(cutDeployment), 1e-9, "software_stop: cut");
  }

  @Test
  void aButtonPressAFaultOrAFallDuringTheSettleCutsAtOnce() {
    WalkHarness button = settling();
    button.hardware.pressEstop(true);
    assertEquals(WalkHarness.DT, secondsUntilCut(button), 1e-9, "the button overrides a settle");

    WalkHarness cut = settling();
    cut.command.estopCut = true;
    cut.send();
    assertEquals(WalkHarness.DT, secondsUntilCut(cut), 1e-9, "a later cut request too");

    WalkHarness fault = settling();
    fault.controller.enterFault(new IllegalStateException("test"));
    assertEquals(WalkHarness.DT, secondsUntilCut(fault), 1e-9, "a fault during the settle");
    assertEquals(Mode.ESTOP, fault.telemetry().mode, "the stop stays an E-stop");

    WalkHarness fall = settling();
    fall.imuRollRad = Math.toRadians(60);
    assertEquals(WalkHarness.DT, secondsUntilCut(fall), 1e-9, "a fall during the settle");
    assertEquals(Notice.FALL_DETECTED, fall.telemetry().notice);
  }

  private static WalkHarness settling() {
    WalkHarness h = walking(new WalkHarness(Mode.STANDING));
    h.command.estop = true;
    h.send();
    h.run(0.2);
    assertEquals(Notice.ESTOP_SETTLING, h.telemetry().notice);
    assertTrue(h.task.command().enabled);
    return h;
  }

  @Test
  void theSettledStopIsLatchedAndOnlyAFreshModeRequestStandsTheRobotUp() {
    WalkHarness h = walking(new WalkHarness(Mode.STANDING));
    h.command.estop = true;
    h.send();
    h.run(0.5);
    h.command.estop = false;
    h.command.estopReleaseCount++; // released during the settle: honoured once power is off
    h.send();
    h.run(0.5);
    assertEquals(Mode.ESTOP, h.telemetry().mode, "the settle finishes first");
    assertTrue(h.task.command().enabled);
    h.run(1.5);
    assertEquals(Mode.PASSIVE, h.telemetry().mode, "then the release leaves E-STOP");
    assertFalse(h.task.command().enabled);
    h.walk(0.1, 0, 0); // the walk request from before, re-sent: not a fresh mode request
    h.run(1.0);
    assertEquals(Mode.PASSIVE, h.telemetry().mode, "nothing stands it up by itself");
    h.command.requestedMode = Mode.STANDING;
    h.command.vx = 0;
    h.command.modeRequestCount++;
    h.send();
    h.run(6.0);
    assertEquals(Mode.STANDING, h.telemetry().mode, "powered on from the ground and stood up");
  }

  @Test
  void aFallWhileWalkingCutsAndLatchesTheEstop() {
    WalkHarness h = walking(new WalkHarness(Mode.STANDING));
    h.imuRollRad = Math.toRadians(70);
    assertEquals(WalkHarness.DT, secondsUntilCut(h), 1e-9);
    assertEquals(Mode.ESTOP, h.telemetry().mode);
    assertEquals(Notice.FALL_DETECTED, h.telemetry().notice);
    // Lying on its side: release and a mode request power it on, the fall is seen again.
    h.command.estopReleaseCount++;
    h.send();
    h.run(0.1);
    assertEquals(Mode.PASSIVE, h.telemetry().mode);
    h.command.requestedMode = Mode.STANDING;
    h.command.modeRequestCount++;
    h.send();
    h.run(0.1);
    assertEquals(Mode.ESTOP, h.telemetry().mode, "a robot on its side stays down");
    assertEquals(Notice.FALL_DETECTED, h.telemetry().notice);
  }

  @Test
  void aBadSoftwareStopIsRefusedNamingTheChoices() {
    ConfigException e = assertThrows(ConfigException.class, () -> config("gentle"));
    assertTrue(e.getMessage().contains("estop.software_stop"), e.getMessage());
    assertTrue(e.getMessage().contains("settle") && e.getMessage().contains("cut"), e.getMessage());
    assertTrue(e.getMessage().contains("gentle"), e.getMessage());
  }

  /** The shipped configuration with {@code estop.software_stop} set to {@code stop}. */
  private static LocomotionConfig config(String stop) {
    ConfigFiles files = ConfigFiles.in(Path.of("../config"));
    String yaml;
    try {
      yaml =
          java.nio.file.Files.readString(files.file("controller.yaml"))
              .replace("software_stop: settle", "software_stop: " + stop);
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
    ControllerSettings s = ControllerSettings.from(ConfigNode.parseString("controller.yaml", yaml));
    return LocomotionConfig.of(
        RobotDescription.load(files.file("robot.yaml")),
        GaitTable.load(files.file("gaits.yaml")),
        s);
  }
}
