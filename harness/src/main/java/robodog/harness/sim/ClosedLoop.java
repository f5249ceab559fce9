package robodog.harness.sim;

import java.util.Locale;
import robodog.core.LegId;
import robodog.core.Mailbox;
import robodog.core.Mode;
import robodog.core.MotionCommand;
import robodog.core.Telemetry;
import robodog.harness.SimulatedRobot;
import robodog.locomotion.HexapodController;
import robodog.locomotion.LocomotionConfig;
import robodog.sim.SimWorld;
import robodog.sim.scenario.Scenario;

/**
 * The closed loop of one {@link SimRun}: the scenario's commands into the robot's mailbox, one
 * control tick per period, ground truth from the world recorded at 50 Hz, then the report. The
 * calling thread is the control thread.
 */
final class ClosedLoop {
  private ClosedLoop() {}

  static SimRun.Result run(
      LocomotionConfig cfg, SimRun.Options o, SimWorld world, SimulatedRobot robot)
      throws InterruptedException {
    Scenario sc = o.scenario();
    HexapodController controller = robot.controller();
    Mailbox<MotionCommand> commands = robot.commands();
    long period = robot.periodNanos();

    boolean scripted = !o.realtime() || o.script();
    MotionCommand cmd = new MotionCommand();
    cmd.requestedMode = scripted ? Mode.WALKING : Mode.STANDING;
    cmd.failedLegMask = sc.failedLeg() == null ? 0 : 1 << LegId.parse(sc.failedLeg()).ordinal();
    String gait = o.gait() != null ? o.gait() : sc.gait();
    cmd.gaitIndex = gait == null ? -1 : cfg.gaits().indexOf(gait); // -1: the robot chooses

    RunRecorder rec = new RunRecorder();
    GaitTime gaitTime = new GaitTime(cfg.gaits().size());
    PayloadAccel payloadAccel =
        new PayloadAccel(sc.payloadCom().get(0), sc.payloadCom().get(1), sc.payloadCom().get(2));
    // A realtime run is a robot session: a fall or a stop is a state it goes on from.
    StopRecorder stops = new StopRecorder(o.realtime() ? o.console() : null);
    double dt = period * 1e-9;
    long ticks = (long) Math.ceil(o.durationS() / dt);
    int every = Math.max(1, (int) Math.round(0.02 / dt)); // record at 50 Hz
    double x0 = world.bodyPosition().get0();
    double y0 = world.bodyPosition().get1();
    double cosH = Math.cos(sc.startYawRad());
    double sinH = Math.sin(sc.startYawRad());
    double minMargin = Double.POSITIVE_INFINITY;
    double commandedSum = 0;
    double[] rpy = new double[3];
    double rollSq = 0;
    double pitchSq = 0;
    long samples = 0;
    boolean goal = false;
    long wall0 = System.nanoTime();
    double nextProgress = 1.0;
    Scenario.Segment active = null;
    long k = 0;
    LegFailureWatch legWatch = new LegFailureWatch(world, controller.legHealth());
    for (; k < ticks && (o.stop() == null || !o.stop().getAsBoolean()); k++) {
      double t = k * dt;
      Scenario.Segment seg = sc.segmentAt(t);
      if (scripted && seg != active) {
        active = seg;
        cmd.vx = seg.vx();
        cmd.vy = seg.vy();
        cmd.yawRate = seg.yawRate();
        if (seg.gait() != null && o.gait() == null) {
          cmd.gaitIndex = cfg.gaits().indexOf(seg.gait());
        }
        commands.offer(cmd);
      } else if (k == 0) {
        commands.offer(cmd);
      }
      commandedSum += scripted ? seg.vx() : 0;
      robot.beforeTick(t);
      robot.step();
      Telemetry tel = controller.telemetry();
      if (tel.mode == Mode.WALKING) {
        gaitTime.add(tel.gaitIndex, dt);
      }
      if (tel.mode == Mode.WALKING && t > 0.5) {
        minMargin = Math.min(minMargin, tel.stabilityMargin);
      }
      world.bodyRpy(rpy);
      rollSq += rpy[0] * rpy[0];
      pitchSq += rpy[1] * rpy[1];
      samples++;
      double along =
          (world.bodyPosition().get0() - x0) * cosH + (world.bodyPosition().get1() - y0) * sinH;
      if (!goal && sc.goalReached(along, world.bodyPosition().get0())) {
        goal = true;
      }
      if (k % every == 0) {
        payloadAccel.sample(t + dt, world);
        double err = 0;
        for (int j = 0; j < 18; j++) {
          double e = robot.lastJointTargets().position[j] - world.jointAngle(j);
          err += e * e;
        }
        rec.add(
            t,
            world.bodyPosition().get0(),
            world.bodyPosition().get1(),
            world.bodyPosition().get2(),
            rpy[0],
            rpy[1],
            tel.stabilityMargin,
            Math.sqrt(err / 18),
            tel.swingMask);
      }
      legWatch.update(t + dt, tel);
      stops.update(t + dt, tel.mode, tel.notice, robot.lastJointTargets().enabled, world);
      if (world.fallen() && !o.realtime()) {
        k++;
        break;
      }
      if (o.progress() != null && t + dt >= nextProgress) {
        nextProgress += 1.0;
        double wall = (System.nanoTime() - wall0) / 1e9;
        o.progress()
            .printf(
                Locale.ROOT,
                "\r%s: sim %5.1f / %.0f s   %.2f m   %.1fx real time ",
                sc.name(),
                t + dt,
                o.durationS(),
                along,
                (t + dt) / Math.max(1e-9, wall));
      }
    }
    if (o.progress() != null) {
      o.progress().println();
    }
    double simTime = k * dt;
    double wall = (System.nanoTime() - wall0) / 1e9;
    double dx = world.bodyPosition().get0() - x0;
    double dy = world.bodyPosition().get1() - y0;
    double distance = Math.hypot(dx, dy);
    double commanded = commandedSum * dt;
    stops.finish(world);
    int falls = o.realtime() ? stops.falls() : world.fallen() ? 1 : 0;
    boolean fell = falls > 0;
    // A goal of either kind (distance along the heading, or a world x) must be reached.
    boolean completed = !fell && (!sc.hasGoal() || goal);
    double mass = world.totalMassKg();
    SimReport report =
        new SimReport(
            sc.name(),
            o.seed(),
            cfg.gaits().get(controller.telemetry().gaitIndex).name(),
            simTime,
            wall,
            simTime / Math.max(1e-9, wall),
            distance,
            distance / Math.max(1e-9, simTime),
            commanded / Math.max(1e-9, simTime),
            falls,
            minMargin == Double.POSITIVE_INFINITY
                ? controller.telemetry().stabilityMargin
                : minMargin,
            Math.sqrt(rollSq / Math.max(1, samples)),
            Math.sqrt(pitchSq / Math.max(1, samples)),
            world.energyJ(),
            distance > 1e-3 ? Double.valueOf(world.energyJ() / (mass * 9.81 * distance)) : null,
            sc.payloadKg(),
            completed,
            RunRecorder.rms(rec.trackingRms()),
            commanded > 1e-6 ? 1 - distance / commanded : 0,
            stops.stops(),
            world.bodyPosition().get2(),
            payloadAccel.rms(),
            controller.telemetry().recoveries,
            gaitTime.seconds(cfg.gaits()),
            legWatch.report());
    return new SimRun.Result(report, rec, null, null);
  }
}
