package robodog.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import robodog.app.robot.HarnessRobots;
import robodog.core.Mode;
import robodog.core.MotionCommand;
import robodog.core.Payload;
import robodog.core.SteppableClock;
import robodog.core.Telemetry;
import robodog.core.rt.RealtimeRequest;
import robodog.harness.RobotFactory;
import robodog.harness.SimulatedRobot;
import robodog.harness.sim.WorldBody;
import robodog.locomotion.LocomotionConfig;
import robodog.sim.SimWorld;
import robodog.sim.scenario.Scenario;
import robodog.sim.scenario.ScenarioLoader;

/**
 * A robot that stands or sits stays where it is, and its odometry says so: in the physics, on the
 * robot as the harness assembles it, sit → stand → walk 2 s → stop, then ten simulated minutes of
 * standing and sitting in turn. The body's ground-truth position may move less than 1 cm in those
 * ten minutes, odometry must not move at all while the robot does not walk, and odometry and ground
 * truth agree within 2 cm over the whole session (the walk's own slip included).
 *
 * <p>The robot carries the shipped learned gait advisor, as {@code ./robodog sim --realtime
 * --policy models/terrain-policy/policy.txt} does: it re-chooses the body height every second,
 * standing too, and each change of height used to drag the feet (see {@code FootRolling}). About a
 * minute of wall time per seed; {@code -Dstandstill.seeds=1,2,3} runs other seeds, {@code
 * -Dstandstill.policy=false} without the advisor.
 */
@Tag("slow")
class StandStillTest {
  private static final LocomotionConfig CFG = LocomotionConfig.load(Path.of("../config"));
  private static final double WALK_START_S = 6;
  private static final double WALK_S = 2;
  // The stop (the last swing lands, the body decelerates) is over within 2 s of the request.
  private static final double HOLD_START_S = WALK_START_S + WALK_S + 2;
  private static final double HOLD_S = 600;
  private static final double STAND_S = 90;
  private static final double SIT_S = 60;
  private static final double MAX_DRIFT_M = 0.01;
  private static final double MAX_ODOM_ERROR_M = 0.02;
  private static final Path POLICY = Path.of("../models/terrain-policy/policy.txt");

  /** What one session measured. */
  record Drift(double worstM, double finalM, double yawRad, double odomMovedM, double odomErrorM) {}

  @Test
  void aStandingOrSittingRobotStaysWhereItIsAndItsOdometryAgrees() throws Exception {
    String seeds = System.getProperty("standstill.seeds", "1");
    boolean policy = Boolean.parseBoolean(System.getProperty("standstill.policy", "true"));
    for (String s : seeds.split(",")) {
      long seed = Long.parseLong(s.trim());
      Drift d = session(seed, policy);
      System.out.printf(
          Locale.ROOT,
          "standstill seed %d policy %b: worst drift %.2f mm, final %.2f mm, yaw %.2f mrad, odometry moved"
              + " %.3f mm while not walking, odometry vs ground truth %.1f mm%n",
          seed,
          policy,
          d.worstM() * 1e3,
          d.finalM() * 1e3,
          d.yawRad() * 1e3,
          d.odomMovedM() * 1e3,
          d.odomErrorM() * 1e3);
      assertTrue(
          d.worstM() < MAX_DRIFT_M, "seed " + seed + ": the body crept " + d.worstM() + " m");
      assertEquals(0, d.odomMovedM(), 1e-6, "seed " + seed + ": odometry moved without walking");
      assertTrue(
          d.odomErrorM() < MAX_ODOM_ERROR_M,
          "seed " + seed + ": odometry and ground truth disagree by " + d.odomErrorM() + " m");
    }
  }

  private static Drift session(long seed, boolean policy) throws Exception {
    Scenario sc = ScenarioLoader.load("flat-walk", Path.of("../scenarios"));
    WorldBody body = new WorldBody(CFG, sc, seed, null, null);
    RobotFactory.Setup setup =
        new RobotFactory.Setup(
            CFG.settings().loopRateHz(),
            Mode.STANDING,
            policy ? POLICY : null,
            Payload.none(),
            false,
            RealtimeRequest.none());
    PrintWriter quiet = new PrintWriter(OutputStream.nullOutputStream());
    try (SimulatedRobot robot =
        HarnessRobots.HEADLESS.assemble(CFG, body, new SteppableClock(), setup, quiet)) {
      SimWorld w = body.world();
      Telemetry tel = robot.controller().telemetry();
      MotionCommand cmd = new MotionCommand();
      // The robot picks its own gait (tripod at 0.15 m/s on flat ground): only then is the
      // advisor's setting laid over the command.
      cmd.gaitIndex = -1;
      double dt = robot.periodNanos() * 1e-9;
      long every = Math.round(1.0 / dt);
      double[] rpy = new double[3];
      double x0 = w.bodyPosition().get0();
      double y0 = w.bodyPosition().get1();
      double xRef = 0;
      double yRef = 0;
      double yawRef = 0;
      double odomXRef = 0;
      double odomYRef = 0;
      double worst = 0;
      double yawWorst = 0;
      double odomMoved = 0;
      double odomError = 0;
      long end = Math.round((HOLD_START_S + HOLD_S) / dt);
      long holdStart = Math.round(HOLD_START_S / dt);
      Mode want = null;
      for (long k = 0; k <= end; k++) {
        double t = k * dt;
        Mode next = wanted(t);
        if (next != want) {
          want = next;
          cmd.requestedMode = next;
          cmd.vx = next == Mode.WALKING ? 0.15 : 0;
          cmd.modeRequestCount++;
          robot.commands().offer(cmd);
        }
        robot.step();
        if (k < holdStart || (k - holdStart) % every != 0) {
          continue;
        }
        assertFalse(w.fallen(), "seed " + seed + ": fell at " + t + " s");
        double x = w.bodyPosition().get0();
        double y = w.bodyPosition().get1();
        w.bodyRpy(rpy);
        if (k == holdStart) {
          assertEquals(Mode.STANDING, tel.mode, "stopped and standing at " + t + " s");
          assertEquals(0, tel.swingMask, "every foot down at " + t + " s");
          xRef = x;
          yRef = y;
          yawRef = rpy[2];
          odomXRef = tel.odomX;
          odomYRef = tel.odomY;
        }
        worst = Math.max(worst, Math.hypot(x - xRef, y - yRef));
        yawWorst = Math.max(yawWorst, Math.abs(rpy[2] - yawRef));
        odomMoved = Math.max(odomMoved, Math.hypot(tel.odomX - odomXRef, tel.odomY - odomYRef));
        // Odometry starts at the origin heading +x, where the body started in the world.
        odomError = Math.max(odomError, Math.hypot(tel.odomX - (x - x0), tel.odomY - (y - y0)));
      }
      double fin = Math.hypot(w.bodyPosition().get0() - xRef, w.bodyPosition().get1() - yRef);
      return new Drift(worst, fin, yawWorst, odomMoved, odomError);
    }
  }

  // Sit, stand, walk, stop; then standing and sitting in turn, standing at the end.
  private static Mode wanted(double t) {
    if (t < 3) {
      return Mode.SITTING;
    }
    if (t < WALK_START_S) {
      return Mode.STANDING;
    }
    if (t < WALK_START_S + WALK_S) {
      return Mode.WALKING;
    }
    double h = t - HOLD_START_S;
    if (h < 0 || h >= HOLD_S - STAND_S) {
      return Mode.STANDING;
    }
    return h % (STAND_S + SIT_S) < STAND_S ? Mode.STANDING : Mode.SITTING;
  }
}
