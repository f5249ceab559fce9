package robodog.harness.learn;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import robodog.harness.RobotFactory;
import robodog.learning.rl.BudgetComparison;
import robodog.learning.rl.LearningCurve;
import robodog.learning.rl.Training;
import robodog.locomotion.LocomotionConfig;

/** Wiring of {@code ./robodog train terrain-policy}: the sim environment and the trainer. */
public final class TerrainTraining {
  /** Policy decisions per simulated second (the robot's rate). */
  public static final double DECISION_HZ = robodog.learning.runtime.TerrainActions.DECISION_HZ;

  /**
   * The comparison runs at one fixed level (level 2: flat, rough, slopes, gravel) so that the
   * returns of both methods measure the same task throughout.
   */
  public static final int COMPARE_LEVEL = 2;

  private TerrainTraining() {}

  /** One training run; writes policy, checkpoints and curve into {@code out}. */
  public static Training.Result train(
      RobotFactory robots,
      LocomotionConfig cfg,
      Training.Method method,
      long seed,
      double minutes,
      long decisions,
      int workers,
      int batch,
      Path out,
      PrintStream progress)
      throws IOException, InterruptedException {
    progress.printf(
        Locale.ROOT,
        "training terrain policy: %s, seed %d, %d workers, budget %.1f min%n",
        method.name().toLowerCase(Locale.ROOT),
        seed,
        workers,
        minutes);
    Training.Result r =
        Training.run(
            new Training.Options(
                method, seed, workers, minutes * 60, decisions, batch, -1, out, progress),
            () -> new TerrainEnv(robots, cfg, DECISION_HZ),
            64);
    progress.printf(
        Locale.ROOT,
        "wrote %s (final curriculum level %d)%n",
        out.resolve("policy.txt"),
        r.level());
    return r;
  }

  /**
   * The sample-efficiency comparison: PPO and ARS on {@code seeds} seeds each with the same
   * decision budget; prints the decisions each run needed to reach {@code threshold} and the
   * medians, and writes all curves into one PNG.
   */
  public static void compare(
      RobotFactory robots,
      LocomotionConfig cfg,
      int seeds,
      long decisions,
      double minutes,
      int workers,
      int batch,
      double threshold,
      Path out,
      PrintStream p)
      throws IOException, InterruptedException {
    if (Double.isNaN(threshold)) {
      threshold = startingReturn(robots, cfg, workers) + 1.0;
      p.printf(Locale.ROOT, "threshold: starting preset's mean return + 1 = %.2f%n", threshold);
    }
    List<LearningCurve> curves = new ArrayList<>();
    long[][] to = new long[2][seeds];
    Training.Method[] ms = {Training.Method.PPO, Training.Method.ARS};
    for (int mi = 0; mi < 2; mi++) {
      for (int s = 0; s < seeds; s++) {
        Training.Result r =
            Training.run(
                new Training.Options(
                    ms[mi],
                    100 + s,
                    workers,
                    minutes * 60,
                    decisions,
                    batch,
                    COMPARE_LEVEL,
                    null,
                    p),
                () -> new TerrainEnv(robots, cfg, DECISION_HZ),
                64);
        to[mi][s] = r.curve().decisionsTo(threshold);
        LearningCurve c =
            new LearningCurve(ms[mi].name().toLowerCase(Locale.ROOT) + " seed " + (100 + s));
        r.curve().points().forEach(c::add);
        curves.add(c);
        p.printf(
            Locale.ROOT,
            "%s seed %d: decisions to %.1f: %s%n",
            ms[mi],
            100 + s,
            threshold,
            to[mi][s] < 0 ? "not reached" : Long.toString(to[mi][s]));
      }
    }
    p.printf(
        Locale.ROOT,
        "median decisions to %.1f: PPO %s, ARS %s (not reached counts as infinite)%n",
        threshold,
        median(to[0]),
        median(to[1]));
    LearningCurve.writePng(
        out.resolve("ppo-vs-ars.png"), curves, "PPO (DJL) vs ARS, terrain policy");
    // Threshold-free: the best return each run had reached per decision budget (defined even
    // when neither median reaches the threshold).
    // Budgets stop at --decisions (or where a wall-time budget stopped the runs): a last batch may
    // overshoot --decisions by a different amount per method (ARS rounds to whole direction
    // sets), and counting that would favour the method that overshoots more.
    long done = 1;
    for (LearningCurve c : curves) {
      List<LearningCurve.Point> pts = c.points();
      if (!pts.isEmpty()) {
        done = Math.max(done, pts.get(pts.size() - 1).decisions());
      }
    }
    long upTo = Math.min(decisions, done);
    BudgetComparison budget =
        new BudgetComparison(
            List.of(
                new BudgetComparison.Method("PPO", curves.subList(0, seeds)),
                new BudgetComparison.Method("ARS", curves.subList(seeds, 2 * seeds))),
            BudgetComparison.budgets(Math.max(1, upTo / 10), upTo));
    p.print(budget.table());
    budget.writePng(
        out.resolve("ppo-vs-ars-budget.png"),
        "Best return reached per decision budget, median and range over " + seeds + " seeds");
    writeCurves(out.resolve("ppo-vs-ars.csv"), curves);
    p.printf(
        Locale.ROOT,
        "wrote %s, %s, %s%n",
        out.resolve("ppo-vs-ars.png"),
        out.resolve("ppo-vs-ars-budget.png"),
        out.resolve("ppo-vs-ars.csv"));
  }

  /** Every run's curve in one CSV: run, decisions, mean_return (to recompute the figures). */
  private static void writeCurves(Path file, List<LearningCurve> curves) throws IOException {
    StringBuilder sb = new StringBuilder("run,decisions,mean_return\n");
    for (LearningCurve c : curves) {
      for (LearningCurve.Point pt : c.points()) {
        sb.append(
            String.format(Locale.ROOT, "%s,%d,%.4f%n", c.name(), pt.decisions(), pt.meanReturn()));
      }
    }
    java.nio.file.Files.createDirectories(file.toAbsolutePath().getParent());
    java.nio.file.Files.writeString(file, sb.toString());
  }

  /** Mean return of the environment's initial action (both methods' start) on 12 episodes. */
  static double startingReturn(RobotFactory robots, LocomotionConfig cfg, int workers)
      throws InterruptedException {
    List<java.util.concurrent.Callable<Double>> jobs = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      long seed = 900_000_000L + i;
      jobs.add(
          () -> {
            TerrainEnv env = new TerrainEnv(robots, cfg, DECISION_HZ);
            double[] a = env.initialAction();
            env.reset(seed, COMPARE_LEVEL);
            double ret = 0;
            for (int k = 0; k < 64; k++) {
              var st = env.step(a);
              ret += st.reward();
              if (st.done()) {
                break;
              }
            }
            return ret;
          });
    }
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(workers);
    try {
      double sum = 0;
      for (var f : pool.invokeAll(jobs)) {
        sum += f.get();
      }
      return sum / jobs.size();
    } catch (java.util.concurrent.ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  private static String median(long[] v) {
    long[] c = v.clone();
    for (int i = 0; i < c.length; i++) {
      if (c[i] < 0) {
        c[i] = Long.MAX_VALUE;
      }
    }
    Arrays.sort(c);
    long m = c[c.length / 2];
    return m == Long.MAX_VALUE ? "not reached" : Long.toString(m);
  }
}
