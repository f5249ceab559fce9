package robodog.harness.learn;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import robodog.harness.RobotFactory;
import robodog.harness.sim.SimRun;
import robodog.locomotion.LocomotionConfig;
import robodog.sim.scenario.Scenario;

/**
 * Runs of the baseline evaluation: one scenario and seed walked one way (the selector's own gait,
 * an explicit preset, or the learned advisor), headless through {@link SimRun} as {@code ./robodog
 * sim} runs it, until the goal, a fall or the scenario's duration. Called from one thread; the runs
 * go on {@code workers} threads.
 */
public final class EvalRuns {
  private EvalRuns() {}

  /** How the gait is chosen in a run. */
  enum Way {
    SELECTOR,
    PRESET,
    LEARNED
  }

  /**
   * A fixed gait setting walked as an explicit command.
   *
   * @param gait gait row
   * @param stepM step height, m
   * @param bodyM body height, m
   */
  public record Preset(int gait, double stepM, double bodyM) {
    String describe(LocomotionConfig cfg) {
      return String.format(
          Locale.ROOT,
          "%s, step %.0f mm, body %.0f mm",
          cfg.gaits().get(gait).name(),
          stepM * 1000,
          bodyM * 1000);
    }
  }

  /** One run to do. */
  record Job(String row, String course, Scenario scenario, long seed, Way way, Preset preset) {}

  /**
   * One run done (the JSON of every run).
   *
   * @param row contender
   * @param course course name
   * @param seed run seed
   * @param completed goal reached without a fall
   * @param fell the body fell
   * @param goalTimeS simulated time to the goal, s (NaN: not reached)
   * @param simTimeS simulated time walked, s
   * @param goalM goal distance, m
   * @param distanceM distance walked, m
   * @param meanSpeedMps distance / time walked, m/s
   * @param commandedSpeedMps commanded forward speed, m/s
   * @param energyJ servo energy spent, J
   * @param payloadAccelRmsMps2 payload acceleration RMS, m/s²
   * @param gaitSeconds seconds walked per gait
   * @param score composite score (lower is better; see {@link EvalScore})
   */
  record Run(
      String row,
      String course,
      long seed,
      boolean completed,
      boolean fell,
      double goalTimeS,
      double simTimeS,
      double goalM,
      double distanceM,
      double meanSpeedMps,
      double commandedSpeedMps,
      double energyJ,
      double payloadAccelRmsMps2,
      Map<String, Double> gaitSeconds,
      double score,
      @JsonIgnore KindTrace trace) {

    Run withScore(double s) {
      return new Run(
          row,
          course,
          seed,
          completed,
          fell,
          goalTimeS,
          simTimeS,
          goalM,
          distanceM,
          meanSpeedMps,
          commandedSpeedMps,
          energyJ,
          payloadAccelRmsMps2,
          gaitSeconds,
          s,
          trace);
    }
  }

  /** Runs every job; {@code progress} gets a {@code \r}-refreshed line (null: none). */
  static List<Run> run(
      RobotFactory robots,
      LocomotionConfig cfg,
      Path policy,
      List<Job> jobs,
      int workers,
      String label,
      PrintStream progress)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(workers);
    AtomicInteger done = new AtomicInteger();
    long t0 = System.nanoTime();
    try {
      List<Future<Run>> fs = new ArrayList<>();
      for (Job j : jobs) {
        fs.add(
            pool.submit(
                () -> {
                  Run r = one(robots, cfg, policy, j);
                  int n = done.incrementAndGet();
                  if (progress != null) {
                    synchronized (progress) {
                      progress.printf(
                          Locale.ROOT,
                          "\r%s: %d / %d runs, %.0f s   ",
                          label,
                          n,
                          jobs.size(),
                          (System.nanoTime() - t0) / 1e9);
                      progress.flush();
                    }
                  }
                  return r;
                }));
      }
      List<Run> out = new ArrayList<>();
      for (Future<Run> f : fs) {
        out.add(f.get());
      }
      if (progress != null) {
        progress.println();
      }
      return out;
    } finally {
      pool.shutdownNow();
    }
  }

  static Run one(RobotFactory robots, LocomotionConfig cfg, Path policy, Job j) throws Exception {
    Scenario sc = j.scenario();
    KindTrace trace = new KindTrace(cfg.gaits().size());
    boolean preset = j.way() == Way.PRESET;
    TracedRobots traced =
        new TracedRobots(
            robots,
            trace,
            sc.goalDistanceM(),
            preset ? j.preset().gait() : -1,
            preset ? j.preset().stepM() : Double.NaN,
            preset ? j.preset().bodyM() : Double.NaN);
    SimRun.Options o =
        new SimRun.Options(
            sc,
            null,
            j.seed(),
            sc.durationS(),
            cfg.settings().loopRateHz(),
            false,
            false,
            null,
            null,
            j.way() == Way.LEARNED ? policy : null,
            null,
            null,
            traced::goalReached,
            robodog.core.rt.RealtimeRequest.none());
    var rep = SimRun.run(traced, cfg, o).report();
    boolean fell = rep.falls() > 0;
    boolean completed = !fell && traced.goalReached();
    return new Run(
        j.row(),
        j.course(),
        j.seed(),
        completed,
        fell,
        completed ? traced.goalTimeS() : Double.NaN,
        rep.simTimeS(),
        sc.goalDistanceM(),
        rep.distanceM(),
        rep.meanSpeedMps(),
        rep.commandedSpeedMps(),
        rep.energyJ(),
        rep.payloadAccelRmsMps2(),
        rep.gaitSeconds(),
        Double.NaN,
        trace);
  }
}
