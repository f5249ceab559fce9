package robodog.harness.sim;

import java.io.PrintStream;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import robodog.core.Clock;
import robodog.core.LegId;
import robodog.core.Mailbox;
import robodog.core.Mode;
import robodog.core.MotionCommand;
import robodog.core.SteppableClock;
import robodog.core.SystemClock;
import robodog.core.Telemetry;
import robodog.core.config.ConfigException;
import robodog.harness.RobotFactory;
import robodog.harness.SimulatedRobot;
import robodog.locomotion.HexapodController;
import robodog.locomotion.LocomotionConfig;
import robodog.sim.SimWorld;
import robodog.sim.scenario.Scenario;

/**
 * One closed-loop simulation: the robot (from a {@link RobotFactory}: assembled as on the Pi) on a
 * simulated body, driven by the scenario's velocity profile, recorded for the report and plots.
 * Headless runs step a {@link SteppableClock} as fast as the machine allows, with every side job in
 * lock step; {@code realtime} paces to the wall clock with the side jobs on their own threads and
 * the operator's side (broker, tablet, missions, ROS 2) when the factory adds it.
 *
 * <p>Runs on the calling thread, which is the control thread for the run's duration.
 */
public final class SimRun {
  /**
   * What to run. {@code gait} overrides the scenario's gait when not null; {@code policy} is the
   * learned advisor's model (null: none); {@code perception} the simulated camera (null: none);
   * {@code console} gets the robot's start-up lines (null: discarded); {@code stop} ends the run
   * early when it turns true (null: never); {@code rt} the control thread's real-time set-up in a
   * realtime run.
   */
  public record Options(
      Scenario scenario,
      String gait,
      long seed,
      double durationS,
      double rateHz,
      boolean realtime,
      boolean script,
      PrintStream progress,
      WorldBody.Hil hil,
      java.nio.file.Path policy,
      robodog.harness.perception.SimPerception.Setup perception,
      java.io.PrintWriter console,
      BooleanSupplier stop,
      robodog.core.rt.RealtimeRequest rt) {

    /** Without hardware in the loop. */
    public Options(
        Scenario scenario,
        String gait,
        long seed,
        double durationS,
        double rateHz,
        boolean realtime,
        boolean script,
        PrintStream progress) {
      this(scenario, gait, seed, durationS, rateHz, realtime, script, progress, null);
    }

    /** With hardware in the loop, no advisor, camera or operator's side. */
    public Options(
        Scenario scenario,
        String gait,
        long seed,
        double durationS,
        double rateHz,
        boolean realtime,
        boolean script,
        PrintStream progress,
        WorldBody.Hil hil) {
      this(
          scenario,
          gait,
          seed,
          durationS,
          rateHz,
          realtime,
          script,
          progress,
          hil,
          null,
          null,
          null,
          null,
          robodog.core.rt.RealtimeRequest.none());
    }

    /**
     * The same run operated from a command: progress to {@code progressOut} (null: none), the
     * robot's start-up lines to {@code consoleOut}, stopping early when {@code stopWhen} is true.
     */
    public Options withConsole(
        PrintStream progressOut, java.io.PrintWriter consoleOut, BooleanSupplier stopWhen) {
      return new Options(
          scenario,
          gait,
          seed,
          durationS,
          rateHz,
          realtime,
          script,
          progressOut,
          hil,
          policy,
          perception,
          consoleOut,
          stopWhen,
          rt);
    }

    /** The same run with perception ({@code null}: none). */
    public Options withPerception(robodog.harness.perception.SimPerception.Setup p) {
      return new Options(
          scenario, gait, seed, durationS, rateHz, realtime, script, progress, hil, policy, p,
          console, stop, rt);
    }
  }

  /**
   * A finished run; {@code perception} is the perception summary line(s), or {@code null} when
   * perception was off; {@code advisor} the learned advisor's summary, or null without one.
   */
  public record Result(SimReport report, RunRecorder recorder, String perception, String advisor) {}

  private SimRun() {}

  /** Checks the scenario's gait names against the gait table; throws naming the bad one. */
  public static void validate(LocomotionConfig cfg, Scenario s, String gaitOverride) {
    String g = gaitOverride != null ? gaitOverride : s.gait();
    check(cfg, s, g, "gait");
    for (Scenario.Segment seg : s.commands()) {
      if (seg.gait() != null) {
        check(cfg, s, seg.gait(), "commands[].gait");
      }
    }
  }

  private static void check(LocomotionConfig cfg, Scenario s, String gait, String field) {
    if (cfg.gaitTable().indexOf(gait) < 0) {
      throw new ConfigException(
          "scenario "
              + s.name()
              + ": "
              + field
              + ": unknown gait '"
              + gait
              + "': expected one of "
              + String.join(", ", cfg.gaitTable().names()));
    }
  }

  /**
   * Where the {@code \r}-refreshed progress line goes: stderr when the process has a terminal, else
   * nowhere (null), because in a pipe, a log file or CI each refresh would be one more line of
   * noise; the summary at the end says everything the line did.
   */
  public static PrintStream terminalProgress() {
    return System.console() != null ? System.err : null;
  }

  /**
   * Runs the scenario to its end, a fall, a stop request, or (realtime) forever if the duration is
   * infinite.
   */
  public static Result run(RobotFactory robots, LocomotionConfig cfg, Options o) throws Exception {
    Scenario sc = o.scenario();
    validate(cfg, sc, o.gait());
    WorldBody body = new WorldBody(cfg, sc, o.seed(), o.hil(), o.perception());
    Clock clock = o.realtime() ? new SystemClock() : new SteppableClock();
    RobotFactory.Setup setup =
        new RobotFactory.Setup(
            o.rateHz(),
            Mode.STANDING,
            o.policy(),
            // In simulation what is declared is what the body carries.
            new robodog.core.Payload(
                sc.payloadKg(), Math.max(0, Math.min(0.5, sc.payloadCom().get(2))), 0),
            o.perception() != null,
            o.realtime() ? o.rt() : robodog.core.rt.RealtimeRequest.none());
    java.io.PrintWriter console =
        o.console() != null
            ? o.console()
            : new java.io.PrintWriter(java.io.OutputStream.nullOutputStream());
    Result r;
    String perceptionSummary = null;
    String advisorSummary = null;
    try (SimulatedRobot robot = robots.assemble(cfg, body, clock, setup, console)) {
      if (o.realtime()) {
        robot.startRealtime(); // side jobs on their threads; the loop ticks on this thread
      }
      r = loop(cfg, o, body.world(), robot);
      robot.close();
      perceptionSummary = robot.perceptionSummary();
      advisorSummary = robot.advisorSummary();
    }
    return new Result(r.report(), r.recorder(), perceptionSummary, advisorSummary);
  }

  private static Result loop(LocomotionConfig cfg, Options o, SimWorld world, SimulatedRobot robot)
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
    cmd.gaitIndex = cfg.gaits().indexOf(gait);

    RunRecorder rec = new RunRecorder();
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
      if (tel.mode == Mode.WALKING && t > 0.5) {
        minMargin = Math.min(minMargin, tel.stabilityMargin);
      }
      world.bodyRpy(rpy);
      rollSq += rpy[0] * rpy[0];
      pitchSq += rpy[1] * rpy[1];
      samples++;
      double along =
          (world.bodyPosition().get0() - x0) * cosH + (world.bodyPosition().get1() - y0) * sinH;
      if (!goal && !Double.isNaN(sc.goalDistanceM()) && along >= sc.goalDistanceM()) {
        goal = true;
      }
      if (k % every == 0) {
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
      if (world.fallen()) {
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
    boolean fell = world.fallen();
    boolean completed = !fell && (Double.isNaN(sc.goalDistanceM()) ? true : goal);
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
            fell ? 1 : 0,
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
            commanded > 1e-6 ? 1 - distance / commanded : 0);
    return new Result(report, rec, null, null);
  }
}
