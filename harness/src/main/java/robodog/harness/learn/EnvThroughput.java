package robodog.harness.learn;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import robodog.harness.RobotFactory;
import robodog.learning.rl.Env;
import robodog.locomotion.LocomotionConfig;

/**
 * Environment throughput: fixed-preset episodes on training courses with 1 and then 2 worker
 * threads; prints policy decisions per wall second and simulated seconds per wall second, and the
 * presets' mean returns (a reference for the learning curves).
 */
public final class EnvThroughput {
  private EnvThroughput() {}

  public static void run(
      RobotFactory robots, LocomotionConfig cfg, int episodes, int maxWorkers, PrintStream out)
      throws Exception {
    int gaits = cfg.gaitTable().gaits().size();
    for (int w = 1; w <= maxWorkers; w++) {
      ThreadLocal<TerrainEnv> envs =
          ThreadLocal.withInitial(() -> new TerrainEnv(robots, cfg, TerrainTraining.DECISION_HZ));
      ExecutorService pool = Executors.newFixedThreadPool(w);
      long t0 = System.nanoTime();
      List<Future<double[]>> fs = new ArrayList<>();
      for (int e = 0; e < episodes; e++) {
        int ep = e;
        fs.add(
            pool.submit(
                () -> {
                  TerrainEnv env = envs.get();
                  double[] a = TerrainEvaluation.preset(cfg, ep % gaits);
                  env.reset(1000 + ep / gaits, ep / gaits % (TerrainCourses.MAX_LEVEL + 1));
                  double ret = 0;
                  int steps = 0;
                  while (true) {
                    Env.Step st = env.step(a);
                    ret += st.reward();
                    steps++;
                    if (st.done()) {
                      break;
                    }
                  }
                  TerrainEnv.Metrics m = env.metrics();
                  return new double[] {steps, m.timeS() + 1.0, ret, ep % gaits, m.fell() ? 1 : 0};
                }));
      }
      double decisions = 0;
      double sim = 0;
      double[] ret = new double[gaits];
      int[] cnt = new int[gaits];
      int[] falls = new int[gaits];
      for (Future<double[]> f : fs) {
        double[] r = f.get();
        decisions += r[0];
        sim += r[1];
        ret[(int) r[3]] += r[2];
        cnt[(int) r[3]]++;
        falls[(int) r[3]] += (int) r[4];
      }
      double wall = (System.nanoTime() - t0) / 1e9;
      pool.shutdown();
      out.printf(
          Locale.ROOT,
          "%d worker(s): %d episodes, %.0f decisions, %.0f sim s in %.1f wall s: %.1f decisions/s, %.1f sim s per wall s%n",
          w,
          episodes,
          decisions,
          sim,
          wall,
          decisions / wall,
          sim / wall);
      if (w == 1) {
        for (int g = 0; g < gaits; g++) {
          out.printf(
              Locale.ROOT,
              "  preset %-9s mean return %.2f, falls %d/%d%n",
              cfg.gaitTable().gaits().get(g).name(),
              ret[g] / Math.max(1, cnt[g]),
              falls[g],
              cnt[g]);
        }
      }
    }
  }
}
