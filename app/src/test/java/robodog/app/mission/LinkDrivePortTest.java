package robodog.app.mission;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import robodog.core.ControlTask;
import robodog.core.IdealServoHardware;
import robodog.core.Joints;
import robodog.core.LoopRunner;
import robodog.core.Mailbox;
import robodog.core.Mode;
import robodog.core.MotionCommand;
import robodog.core.SteppableClock;
import robodog.locomotion.HexapodController;
import robodog.locomotion.LocomotionConfig;
import robodog.operatorlink.OperatorLink;

/**
 * Autonomy's drive path (LinkDrivePort → OperatorLink → mailbox → controller) with a non-finite
 * velocity: it is refused at the link, the controller never sees it, every joint target stays
 * finite, and the last good velocity runs out at its deadline, so the robot stops by itself.
 */
class LinkDrivePortTest {
  @ParameterizedTest
  @ValueSource(doubles = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 1e300})
  void aNonFiniteAutonomyVelocityNeverReachesTheJoints(double bad) throws Exception {
    LocomotionConfig cfg = LocomotionConfig.load(Path.of("../config"));
    Mailbox<MotionCommand> commands = LocomotionConfig.commandMailbox();
    HexapodController controller =
        cfg.newController(commands, LocomotionConfig.telemetryMailbox(), Mode.STANDING);
    ControlTask task =
        new ControlTask(new IdealServoHardware(cfg.standingJointAngles()), controller);
    SteppableClock clock = new SteppableClock();
    LoopRunner loop = new LoopRunner(clock, 2_000_000L, task, "test");
    List<String> errors = new ArrayList<>();
    OperatorLink link = new OperatorLink(commands, errors::add, 5_000_000_000L);
    link.onMessage(
        "tablet",
        "cmd/lease",
        "{\"seq\":1,\"action\":\"acquire\"}".getBytes(StandardCharsets.UTF_8),
        clock.nanoTime());
    LinkDrivePort port = new LinkDrivePort(link, clock::nanoTime);
    assertTrue(port.grant("tablet", LinkDrivePort.AUTONOMY));
    MotionCommand cmd = new MotionCommand();
    cmd.requestedMode = Mode.WALKING;
    cmd.vx = 0.1;
    for (int step = 0; step < 40; step++) { // 2 s of autonomy at 20 Hz
      assertTrue(port.drive(cmd));
      ticks(loop, task, 25);
    }
    assertEquals(Mode.WALKING, controller.telemetry().mode);
    assertEquals(0.1, controller.telemetry().vx, 1e-6);
    cmd.vx = bad;
    for (int step = 0; step < 40; step++) {
      assertFalse(port.drive(cmd), "refused at the link");
      link.tick(clock.nanoTime());
      ticks(loop, task, 25);
    }
    assertEquals(0.0, controller.telemetry().vx, 1e-9, "the last good velocity ran out");
    assertTrue(
        errors.stream().anyMatch(e -> e.contains("drive command refused") && e.contains("vx")),
        errors.toString());
  }

  private static void ticks(LoopRunner loop, ControlTask task, int n) throws InterruptedException {
    for (int i = 0; i < n; i++) {
      loop.runTicks(1);
      for (int j = 0; j < Joints.COUNT; j++) {
        assertTrue(Double.isFinite(task.command().position[j]), "joint " + j);
      }
    }
  }
}
