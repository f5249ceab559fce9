package robodog.learning.rl;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * The training loop for both methods: batches of parallel episodes, a curriculum, observation
 * whitening, checkpoints, the learning curve. Stops at a wall-time budget or a decision budget,
 * whichever comes first (a decision budget alone makes the run reproducible from its seed). Call
 * from one thread.
 */
public final class Training {
  /** Which method. */
  public enum Method {
    PPO,
    ARS
  }

  /**
   * @param method PPO (main, DJL) or ARS (baseline)
   * @param seed training seed: network init, episode seeds, noise
   * @param workers environment threads
   * @param wallSeconds wall-time budget, s
   * @param maxDecisions decision budget
   * @param batchEpisodes episodes per PPO batch (ARS: 2 × directions)
   * @param fixedLevel curriculum level for every episode, or -1 for the promoting curriculum
   * @param out directory for policy, checkpoints, curve; null writes nothing
   * @param progress progress bar stream, or null
   */
  public record Options(
      Method method,
      long seed,
      int workers,
      double wallSeconds,
      long maxDecisions,
      int batchEpisodes,
      int fixedLevel,
      Path out,
      PrintStream progress) {}

  /** The outcome: the final policy and the curve. */
  public record Result(Mlp policy, LearningCurve curve, int level) {}

  private Training() {}

  public static Result run(Options o, Supplier<Env> envs, int maxSteps)
      throws InterruptedException, IOException {
    System.setProperty("ai.djl.offline", "true");
    // The networks are tiny: one PyTorch thread is fastest and makes updates bit-repeatable; the
    // cores belong to the simulations.
    System.setProperty("ai.djl.pytorch.num_threads", "1");
    System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
    try (Rollouts ro = new Rollouts(o.workers(), envs, maxSteps)) {
      ObsNormalizer norm = new ObsNormalizer(ro.observationSize());
      Curriculum cur = new Curriculum(ro.maxLevel(), 2 * o.batchEpisodes(), 0.7, o.seed() + 17);
      LearningCurve curve = new LearningCurve(o.method().name().toLowerCase(Locale.ROOT));
      long t0 = System.nanoTime();
      long decisions = 0;
      long episodeCounter = 0;
      int iter = 0;
      Ppo ppo =
          o.method() == Method.PPO
              ? new Ppo(
                  ro.observationSize(), ro.actionSize(), 32, o.seed(), 1e-3, ro.initialAction())
              : null;
      Ars ars =
          o.method() == Method.ARS
              ? new Ars(
                  ro.observationSize(),
                  ro.actionSize(),
                  o.seed(),
                  Math.max(1, o.batchEpisodes() / 2),
                  Math.max(1, o.batchEpisodes() / 4),
                  0.02,
                  0.1,
                  ro.initialAction())
              : null;
      Mlp policy = ppo != null ? ppo.actor(norm) : ars.policy(norm);
      try {
        while (decisions < o.maxDecisions() && (System.nanoTime() - t0) / 1e9 < o.wallSeconds()) {
          double frac =
              Math.min(
                  1,
                  Math.max(
                      decisions / (double) o.maxDecisions(),
                      (System.nanoTime() - t0) / 1e9 / o.wallSeconds()));
          double sigma = 0.6 - 0.4 * frac;
          List<Rollouts.Spec> specs = new ArrayList<>();
          Ars.Iteration it = ars != null ? ars.propose(norm) : null;
          int n = it != null ? it.policies().size() : o.batchEpisodes();
          for (int k = 0; k < n; k++) {
            // ARS compares a direction's two signs on the same episode (seed and level).
            long seed =
                episodeSeed(o.seed(), it != null ? episodeCounter + k / 2 : episodeCounter + k);
            int lv = it != null && k % 2 == 1 ? specs.get(k - 1).level() : cur.sample();
            if (o.fixedLevel() >= 0) {
              lv = o.fixedLevel();
            }
            specs.add(
                new Rollouts.Spec(
                    seed, lv, it != null ? it.policies().get(k) : policy, it != null ? 0 : sigma));
          }
          episodeCounter += it != null ? n / 2 : n;
          List<Episode> eps = ro.run(specs);
          double sum = 0;
          int ok = 0;
          for (Episode e : eps) {
            decisions += e.steps();
            sum += e.totalReward();
            ok += e.success() ? 1 : 0;
            cur.report(e.level(), e.success());
          }
          // The update whitens with the statistics the batch's actor used (so PPO's ratios start
          // at 1); only then do this batch's states enter the statistics.
          if (ppo != null) {
            ppo.update(eps, norm, sigma);
          }
          for (Episode e : eps) {
            for (double[] obs : e.observations()) {
              norm.update(obs);
            }
          }
          if (ppo != null) {
            policy = ppo.actor(norm);
          } else {
            double[] r = new double[eps.size()];
            for (int i = 0; i < r.length; i++) {
              r[i] = eps.get(i).totalReward();
            }
            ars.update(it, r);
            policy = ars.policy(norm);
          }
          iter++;
          double wall = (System.nanoTime() - t0) / 1e9;
          curve.add(
              new LearningCurve.Point(
                  decisions, sum / eps.size(), ok / (double) eps.size(), cur.level(), wall));
          if (o.progress() != null) {
            progress(o, iter, decisions, sum / eps.size(), ok / (double) eps.size(), cur, wall);
          }
          if (o.out() != null && iter % 10 == 0) {
            PolicyFile.save(
                o.out().resolve("checkpoints/policy-" + iter + ".txt"), policy, name(o));
          }
        }
      } finally {
        if (ppo != null) {
          ppo.close();
        }
      }
      if (o.progress() != null) {
        o.progress().println();
      }
      if (o.out() != null) {
        PolicyFile.save(o.out().resolve("policy.txt"), policy, name(o));
        curve.writeCsv(o.out().resolve("curve-" + curve.name() + ".csv"));
        LearningCurve.writePng(
            o.out().resolve("curve-" + curve.name() + ".png"),
            List.of(curve),
            "terrain policy, " + curve.name() + ", seed " + o.seed());
      }
      return new Result(policy, curve, cur.level());
    }
  }

  private static String name(Options o) {
    return o.method().name().toLowerCase(Locale.ROOT);
  }

  /** Training episode seeds stay below 10^9; held-out courses use seeds from 10^9 up. */
  public static long episodeSeed(long trainingSeed, long k) {
    long h = trainingSeed * 0x9E3779B97F4A7C15L + k * 0xBF58476D1CE4E5B9L;
    h ^= h >>> 31;
    return Math.floorMod(h, 1_000_000_000L);
  }

  private static void progress(
      Options o, int iter, long decisions, double ret, double ok, Curriculum cur, double wall) {
    double f = Math.min(1, Math.max(decisions / (double) o.maxDecisions(), wall / o.wallSeconds()));
    int bar = (int) Math.round(30 * f);
    o.progress()
        .printf(
            Locale.ROOT,
            "\r[%s%s] %3.0f%% it %d  %d decisions  return %.2f  success %.0f%%  level %d  %.0f s ",
            "#".repeat(bar),
            " ".repeat(30 - bar),
            100 * f,
            iter,
            decisions,
            ret,
            100 * ok,
            cur.level(),
            wall);
  }
}
