package robodog.harness.sim;

import java.io.OutputStream;
import java.io.PrintWriter;
import robodog.core.Mode;
import robodog.core.MotionCommand;
import robodog.core.Payload;
import robodog.core.SteppableClock;
import robodog.core.rt.RealtimeRequest;
import robodog.harness.RobotFactory;
import robodog.harness.SimulatedRobot;
import robodog.locomotion.LocomotionConfig;
import robodog.sim.scenario.Scenario;

/**
 * One E-stop in the physics, headless: the robot walks the scenario's first command (its payload on
 * its back) for {@code walkS}, then gets an E-stop, a software one ({@code cut} false: the
 * deployment's stop, category 1 as shipped) or a link-level cut (category 0), and is watched until
 * its body rests. Runs on the calling thread, which is the control thread for its duration.
 */
public final class EstopTrial {
  private static final double WATCH_S = 6.0;

  private EstopTrial() {}

  /** The stop as the body lived it; throws when the robot fell before the stop. */
  public static SimReport.Stop run(
      RobotFactory robots, LocomotionConfig cfg, Scenario sc, long seed, boolean cut, double walkS)
      throws Exception {
    WorldBody body = new WorldBody(cfg, sc, seed, null, null);
    RobotFactory.Setup setup =
        new RobotFactory.Setup(
            cfg.settings().loopRateHz(),
            Mode.STANDING,
            null,
            new Payload(sc.payloadKg(), Math.max(0, Math.min(0.5, sc.payloadCom().get(2))), 0),
            false,
            RealtimeRequest.none());
    PrintWriter quiet = new PrintWriter(OutputStream.nullOutputStream());
    try (SimulatedRobot robot = robots.assemble(cfg, body, new SteppableClock(), setup, quiet)) {
      MotionCommand cmd = new MotionCommand();
      Scenario.Segment first = sc.segmentAt(0);
      cmd.requestedMode = Mode.WALKING;
      cmd.vx = first.vx();
      cmd.vy = first.vy();
      cmd.yawRate = first.yawRate();
      String gait = first.gait() != null ? first.gait() : sc.gait();
      cmd.gaitIndex = gait == null ? -1 : cfg.gaits().indexOf(gait);
      robot.commands().offer(cmd);
      StopRecorder rec = new StopRecorder(null);
      double dt = robot.periodNanos() * 1e-9;
      long walkTicks = Math.round(walkS / dt);
      long total = walkTicks + Math.round(WATCH_S / dt);
      for (long k = 0; k < total; k++) {
        double t = k * dt;
        if (k == walkTicks) {
          if (body.world().fallen()) {
            throw new IllegalStateException(
                "seed " + seed + ": the robot fell while walking, before the E-stop");
          }
          cmd.estop = true;
          cmd.estopCut = cut;
          robot.commands().offer(cmd);
        }
        robot.beforeTick(t);
        robot.step();
        rec.update(
            t + dt,
            robot.controller().telemetry().mode,
            robot.controller().telemetry().notice,
            robot.lastJointTargets().enabled,
            body.world());
        if (rec.stopCount() > 0) {
          return rec.stops().get(0);
        }
      }
      throw new IllegalStateException(
          "seed " + seed + ": the body was not at rest " + WATCH_S + " s after the E-stop");
    }
  }
}
