package robodog.harness.sim;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import robodog.harness.RobotFactory;
import robodog.locomotion.LocomotionConfig;
import robodog.sim.scenario.Scenario;
import robodog.sim.terrain.SegmentTerrain;

/**
 * The walking benchmark: many (scenario, seed) runs, headless through {@link SimRun} as {@code
 * ./robodog sim} runs them, on a pool of threads, then a result per run (report, end position, why
 * it failed) for {@link WalkingSummary}. Called from one thread; runs on {@code threads} workers.
 */
public final class WalkingBench {
  /**
   * One run to do.
   *
   * @param group the table row it counts in (a scenario name, or the courses directory)
   * @param scenario what to run
   * @param seed run seed
   */
  public record Job(String group, Scenario scenario, long seed) {}

  /**
   * One run done.
   *
   * @param group the job's group
   * @param report the run's report
   * @param endX body x at the end (at the fall, for a fall), m
   * @param endY body y at the end, m (how far it drifted sideways from a start at y = 0)
   * @param endKind segment kind under the body at the end ({@code null} off a segment course)
   * @param failure why the run failed ({@code fell at t=...}, {@code goal missed ...}), or null
   */
  public record Result(
      String group,
      SimReport report,
      @com.fasterxml.jackson.annotation.JsonProperty("end_x_m") double endX,
      @com.fasterxml.jackson.annotation.JsonProperty("end_y_m") double endY,
      String endKind,
      String failure) {}

  private WalkingBench() {}

  /**
   * Runs every job; {@code durationS} overrides each scenario's duration when not NaN; {@code
   * progress} gets a {@code \r}-refreshed line (null: none). Results in job order.
   */
  public static List<Result> run(
      RobotFactory robots,
      LocomotionConfig cfg,
      List<Job> jobs,
      int threads,
      double durationS,
      PrintStream progress)
      throws Exception {
    for (Job j : jobs) {
      SimRun.validate(cfg, j.scenario(), null);
    }
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    AtomicInteger done = new AtomicInteger();
    AtomicInteger failed = new AtomicInteger();
    long t0 = System.nanoTime();
    try {
      List<Future<Result>> futures = new ArrayList<>();
      for (Job j : jobs) {
        futures.add(
            pool.submit(
                () -> {
                  Result r = runOne(robots, cfg, j, durationS);
                  int n = done.incrementAndGet();
                  int f = r.failure() != null ? failed.incrementAndGet() : failed.get();
                  if (progress != null) {
                    synchronized (progress) {
                      progress.printf(
                          Locale.ROOT,
                          "\rwalking bench: %d / %d runs, %d failed, %.0f s   ",
                          n,
                          jobs.size(),
                          f,
                          (System.nanoTime() - t0) / 1e9);
                      progress.flush();
                    }
                  }
                  return r;
                }));
      }
      List<Result> out = new ArrayList<>();
      for (Future<Result> f : futures) {
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

  private static Result runOne(RobotFactory robots, LocomotionConfig cfg, Job j, double durationS)
      throws Exception {
    Scenario sc = j.scenario();
    double d = Double.isNaN(durationS) ? sc.durationS() : durationS;
    double rate = cfg.settings().loopRateHz();
    SimRun.Result res =
        SimRun.run(
            robots, cfg, new SimRun.Options(sc, null, j.seed(), d, rate, false, false, null));
    double[] xs = res.recorder().x();
    double[] ys = res.recorder().y();
    double endX = xs.length > 0 ? xs[xs.length - 1] : sc.startX();
    double endY = ys.length > 0 ? ys[ys.length - 1] : sc.startY();
    double along =
        (endX - sc.startX()) * Math.cos(sc.startYawRad())
            + (endY - sc.startY()) * Math.sin(sc.startYawRad());
    SegmentTerrain seg = SegmentTerrain.find(sc.terrain().build(j.seed()));
    String kind = seg == null ? null : seg.kindAt(endX);
    return new Result(
        j.group(), res.report(), endX, endY, kind, failure(res.report(), sc, endX, along, kind));
  }

  /**
   * Why a run failed, or null when it completed; {@code alongM} is how far the body got along the
   * start heading (what the goal measures), m.
   */
  static String failure(SimReport r, Scenario sc, double endX, double alongM, String kind) {
    String where = kind == null ? "" : " (" + kind + ")";
    if (r.falls() > 0) {
      return String.format(Locale.ROOT, "fell at t=%.1f s x=%.2f m%s", r.simTimeS(), endX, where);
    }
    if (!r.completed()) {
      return String.format(
          Locale.ROOT,
          "goal missed: %.2f m of %s along the heading in %.0f s, x=%.2f m%s",
          alongM,
          !Double.isNaN(sc.goalDistanceM())
              ? String.format(Locale.ROOT, "%.2f m", sc.goalDistanceM())
              : !Double.isNaN(sc.goalXM())
                  ? String.format(Locale.ROOT, "x = %.2f m", sc.goalXM())
                  : "?",
          r.simTimeS(),
          endX,
          where);
    }
    return null;
  }
}
