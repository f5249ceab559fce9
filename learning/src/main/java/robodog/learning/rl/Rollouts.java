package robodog.learning.rl;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

/**
 * Runs episodes on a pool of worker threads, one environment per worker. An episode depends only on
 * its seed, level, policy and noise level, never on which worker ran it, so a batch is
 * bit-repeatable whatever the scheduling. Call from one thread.
 */
public final class Rollouts implements AutoCloseable {
  /** What one episode runs: seed, curriculum level, policy, Gaussian exploration std (0: none). */
  public record Spec(long seed, int level, Mlp policy, double noiseStd) {}

  private final ExecutorService pool;
  private final BlockingQueue<Env> envs;
  private final int obsSize;
  private final int actSize;
  private final int maxLevel;
  private final int maxSteps;
  private final double[] initialAction;

  /**
   * @param workers number of threads (and environments)
   * @param factory builds one environment; called once per worker
   * @param maxSteps hard cap on decisions per episode
   */
  public Rollouts(int workers, Supplier<Env> factory, int maxSteps) {
    pool =
        Executors.newFixedThreadPool(
            workers,
            r -> {
              Thread t = new Thread(r, "rollout");
              t.setDaemon(true);
              return t;
            });
    envs = new ArrayBlockingQueue<>(workers);
    for (int i = 0; i < workers; i++) {
      envs.add(factory.get());
    }
    Env e = envs.peek();
    obsSize = e.observationSize();
    actSize = e.actionSize();
    maxLevel = e.maxLevel();
    initialAction = e.initialAction().clone();
    this.maxSteps = maxSteps;
  }

  public int observationSize() {
    return obsSize;
  }

  public int actionSize() {
    return actSize;
  }

  public int maxLevel() {
    return maxLevel;
  }

  /** The environment's starting action (see {@link Env#initialAction}). */
  public double[] initialAction() {
    return initialAction.clone();
  }

  /** Runs all specs in parallel; results in the order of {@code specs}. */
  public List<Episode> run(List<Spec> specs) throws InterruptedException {
    List<Future<Episode>> fs = new ArrayList<>();
    for (Spec s : specs) {
      fs.add(pool.submit(() -> runOne(s)));
    }
    List<Episode> out = new ArrayList<>();
    for (Future<Episode> f : fs) {
      try {
        out.add(f.get());
      } catch (ExecutionException e) {
        throw new IllegalStateException("episode failed: " + e.getCause(), e.getCause());
      }
    }
    return out;
  }

  private Episode runOne(Spec s) throws InterruptedException {
    Env env = envs.take();
    try {
      Mlp p = s.policy().copy();
      SplittableRandom noise = new SplittableRandom(s.seed() ^ 0x5DEECE66DL);
      List<double[]> obs = new ArrayList<>();
      List<double[]> acts = new ArrayList<>();
      List<Double> lps = new ArrayList<>();
      List<Double> rews = new ArrayList<>();
      double[] o = env.reset(s.seed(), s.level());
      boolean success = false;
      for (int k = 0; k < maxSteps; k++) {
        double[] mean = new double[actSize];
        p.forward(o, mean);
        double[] a = mean.clone();
        double lp = 0;
        if (s.noiseStd() > 0) {
          for (int i = 0; i < actSize; i++) {
            double z = gaussian(noise);
            a[i] = mean[i] + s.noiseStd() * z;
            lp += -0.5 * z * z;
          }
        }
        Env.Step st = env.step(a);
        obs.add(o);
        acts.add(a);
        lps.add(lp);
        rews.add(st.reward());
        o = st.observation();
        if (st.done()) {
          success = st.success();
          break;
        }
      }
      double[] r = new double[rews.size()];
      double[] l = new double[lps.size()];
      for (int i = 0; i < r.length; i++) {
        r[i] = rews.get(i);
        l[i] = lps.get(i);
      }
      return new Episode(
          s.seed(),
          s.level(),
          obs.toArray(new double[0][]),
          acts.toArray(new double[0][]),
          l,
          r,
          success);
    } finally {
      envs.put(env);
    }
  }

  private static double gaussian(SplittableRandom r) {
    double u1 = Math.max(1e-300, r.nextDouble());
    double u2 = r.nextDouble();
    return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
  }

  @Override
  public void close() {
    pool.shutdownNow();
    for (Env e : envs) {
      e.close();
    }
  }
}
