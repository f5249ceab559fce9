package robodog.harness.perception;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import robodog.core.ControlTask;
import robodog.core.LoopRunner;
import robodog.core.Mailbox;
import robodog.core.Mode;
import robodog.core.MotionCommand;
import robodog.core.SteppableClock;
import robodog.core.Telemetry;
import robodog.core.camera.CameraFrame;
import robodog.core.camera.CameraMount;
import robodog.core.perception.SafetyLimit;
import robodog.locomotion.HexapodController;
import robodog.locomotion.LocomotionConfig;
import robodog.perception.FrameProcessor;
import robodog.perception.PerceptionWiring;
import robodog.sim.SimConfig;
import robodog.sim.SimHardware;
import robodog.sim.SimWorld;
import robodog.sim.camera.CameraRenderer;
import robodog.sim.camera.Lighting;
import robodog.sim.camera.Scene;
import robodog.sim.camera.SimCamera;
import robodog.sim.camera.SimCameraConfig;
import robodog.sim.terrain.Terrain;
import robodog.sim.terrain.Terrains;

/**
 * Closed loop: physics, the real controller, the simulated camera and the perception frame
 * processor. A figure stands on the path 4 m ahead; the robot is told to walk straight on at 0.15
 * m/s and nobody tells it to stop. Perception runs every 0.1 s of simulated time on the camera
 * frame rendered at the body's true pose (synchronously, so the run is repeatable), and its safety
 * limit reaches the controller through the mailbox, as on the robot.
 */
class PeopleStopClosedLoopTest {
  @Test
  void theRobotSlowsInsideThreeMetresAndStopsBeforeTheStopZone() throws Exception {
    LocomotionConfig cfg = LocomotionConfig.load(Path.of("../config"));
    Terrain flat = Terrains.flat(0.9);
    SimWorld world = new SimWorld(cfg.robot(), flat, SimConfig.defaults(1), 0, 0, 0);
    SimHardware hw = new SimHardware(world);
    hw.configure();
    hw.activate();
    Mailbox<MotionCommand> commands = LocomotionConfig.commandMailbox();
    Mailbox<Telemetry> telemetry = LocomotionConfig.telemetryMailbox();
    HexapodController controller = cfg.newController(commands, telemetry, Mode.STANDING);
    // The same wiring as ./robodog sim and run: the pipeline's safety mailbox into the controller.
    Mailbox<SafetyLimit> limits =
        PerceptionWiring.connect(controller::setSafetyLimits, SimFrames.config()).safety();
    SteppableClock clock = new SteppableClock();
    LoopRunner loop =
        new LoopRunner(clock, 2_000_000L, new ControlTask(hw, controller), "closed-loop");

    double personX = 4.0;
    Scene scene =
        new Scene(
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            List.of(
                new Scene.Person(
                    List.<double[]>of(new double[] {personX, 0.05}),
                    0,
                    Math.PI,
                    0,
                    0,
                    false,
                    1.75,
                    new double[] {0.4, 0.1, 0.1},
                    new double[] {0.1, 0.1, 0.3},
                    new double[] {0.5, 0.35, 0.25})),
            Map.of());
    SimCameraConfig camCfg =
        new SimCameraConfig(
            320, 240, Math.toRadians(70), 10, 1, CameraMount.DEFAULT, Lighting.DEFAULT, 0.5);
    SimCamera camera =
        new SimCamera(camCfg, new CameraRenderer(flat, scene, 1, 0.5), null, 1, 1000);
    CameraFrame frame = new CameraFrame(camCfg.intrinsics(), true);
    double[] pose8 = new double[8];

    MotionCommand walk = new MotionCommand();
    walk.requestedMode = Mode.WALKING;
    walk.vx = 0.15;
    commands.offer(walk);

    double[] xAt = new double[31];
    double minScaleSeenWhileMoving = 1;
    double closest = Double.POSITIVE_INFINITY;
    try (FrameProcessor perception =
        new FrameProcessor(camCfg.intrinsics(), null, SimFrames.config())) {
      perception.setHogEnabled(false); // HOG never sees a whole figure from this camera (docs)
      for (int tenth = 0; tenth < 300; tenth++) {
        double t = tenth * 0.1;
        pose8[0] = t;
        pose8[1] = world.bodyPosition().get0();
        pose8[2] = world.bodyPosition().get1();
        pose8[3] = world.bodyPosition().get2();
        pose8[4] = world.bodyQuaternion().get0();
        pose8[5] = world.bodyQuaternion().get1();
        pose8[6] = world.bodyQuaternion().get2();
        pose8[7] = world.bodyQuaternion().get3();
        camera.renderAt(t, pose8, frame);
        perception.process(frame, clock.nanoTime());
        limits.offer(perception.safety);
        loop.runTicks(50);
        double x = world.bodyPosition().get0();
        closest = Math.min(closest, personX - x);
        if ((tenth + 1) % 10 == 0) {
          xAt[(tenth + 1) / 10] = x; // body x at whole seconds of simulated time
        }
        if (controller.telemetry().vx > 0.02) {
          minScaleSeenWhileMoving = Math.min(minScaleSeenWhileMoving, controller.safetyScale());
        }
      }
    }
    assertTrue(!world.fallen(), "the robot fell");
    // Far from the figure it walks at the commanded speed (first seconds: ~0.15 m/s).
    double early = (xAt[4] - xAt[2]) / 2;
    assertTrue(early > 0.11, "early speed " + early);
    // It slowed down on the way: some frames scaled the speed between 0 and 1 while moving.
    assertTrue(
        minScaleSeenWhileMoving < 0.6, "lowest scale while moving " + minScaleSeenWhileMoving);
    // And it stopped at the edge of the figure's stop zone: in the last 4 s the body moved less
    // than 2 cm (the feet settling as the last swings land; creeping on would be 15 cm).
    double late = xAt[30] - xAt[26];
    assertEquals(0, late, 0.02, "moved in the last 4 s");
    double gap = personX - xAt[30];
    System.out.printf(
        "closed loop: early %.3f m/s, lowest scale while moving %.2f, stopped %.2f m from the"
            + " figure%n",
        early, minScaleSeenWhileMoving, gap);
    assertTrue(gap > 1.3 && gap < 1.9, "stopped " + gap + " m from the figure");
    assertTrue(closest > 1.3, "came within " + closest + " m");
  }
}
