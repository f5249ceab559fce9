package robodog.harness.sim;

import java.io.PrintStream;
import java.util.function.BooleanSupplier;
import robodog.core.Clock;
import robodog.core.Mode;
import robodog.core.SteppableClock;
import robodog.core.SystemClock;
import robodog.core.config.ConfigException;
import robodog.harness.RobotFactory;
import robodog.harness.SimulatedRobot;
import robodog.locomotion.LocomotionConfig;
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
    if (g != null) {
      check(cfg, s, g, "gait");
    }
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
      r = ClosedLoop.run(cfg, o, body.world(), robot);
      robot.close();
      perceptionSummary = robot.perceptionSummary();
      advisorSummary = robot.advisorSummary();
    }
    return new Result(r.report(), r.recorder(), perceptionSummary, advisorSummary);
  }
}
