package robodog.learning.rl;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Augmented Random Search, version V2-t (Mania, Guy, Recht 2018): a linear policy on whitened
 * observations, {@code directions} random perturbations evaluated in both signs, the best {@code
 * top} used for the step, the step scaled by the standard deviation of their rewards. Plain Java:
 * the baseline for the sample-efficiency comparison. Call from one thread.
 */
public final class Ars {
  private final int obsSize;
  private final int actSize;
  private final double[] m;
  private final int directions;
  private final int top;
  private final double stepSize;
  private final double noise;
  private final SplittableRandom random;
  private final double[] bias;

  /** {@code bias}: the constant output offset, the environment's initial action (not learned). */
  public Ars(
      int obsSize,
      int actSize,
      long seed,
      int directions,
      int top,
      double step,
      double nu,
      double[] bias) {
    this.bias = bias.clone();
    this.obsSize = obsSize;
    this.actSize = actSize;
    m = new double[obsSize * actSize];
    this.directions = directions;
    this.top = top;
    this.stepSize = step;
    this.noise = nu;
    random = new SplittableRandom(seed);
  }

  /** The current linear policy with the given whitening. */
  public Mlp policy(ObsNormalizer norm) {
    return withWeights(m, norm);
  }

  private Mlp withWeights(double[] w, ObsNormalizer norm) {
    return new Mlp(
        new int[] {obsSize, actSize},
        new double[][] {w.clone()},
        new double[][] {bias.clone()},
        norm.mean(),
        norm.std());
  }

  /** The 2 × directions perturbed policies of one iteration, +δ then −δ for each direction. */
  public record Iteration(List<double[]> deltas, List<Mlp> policies) {}

  /** Draws the perturbations of the next iteration. */
  public Iteration propose(ObsNormalizer norm) {
    List<double[]> ds = new ArrayList<>();
    List<Mlp> ps = new ArrayList<>();
    for (int k = 0; k < directions; k++) {
      double[] d = new double[m.length];
      double[] plus = new double[m.length];
      double[] minus = new double[m.length];
      for (int i = 0; i < d.length; i++) {
        d[i] = gaussian();
        plus[i] = m[i] + noise * d[i];
        minus[i] = m[i] - noise * d[i];
      }
      ds.add(d);
      ps.add(withWeights(plus, norm));
      ps.add(withWeights(minus, norm));
    }
    return new Iteration(ds, ps);
  }

  /** Updates from the returns of the policies {@link #propose} gave, in the same order. */
  public void update(Iteration it, double[] returns) {
    Integer[] order = new Integer[directions];
    for (int k = 0; k < directions; k++) {
      order[k] = k;
    }
    java.util.Arrays.sort(
        order,
        (p, q) ->
            Double.compare(
                Math.max(returns[2 * q], returns[2 * q + 1]),
                Math.max(returns[2 * p], returns[2 * p + 1])));
    double mean = 0;
    double sq = 0;
    for (int b = 0; b < top; b++) {
      int k = order[b];
      mean += returns[2 * k] + returns[2 * k + 1];
      sq += returns[2 * k] * returns[2 * k] + returns[2 * k + 1] * returns[2 * k + 1];
    }
    mean /= 2 * top;
    double sd = Math.sqrt(Math.max(1e-12, sq / (2 * top) - mean * mean));
    for (int b = 0; b < top; b++) {
      int k = order[b];
      double diff = returns[2 * k] - returns[2 * k + 1];
      double[] d = it.deltas().get(k);
      for (int i = 0; i < m.length; i++) {
        m[i] += stepSize / (top * sd) * diff * d[i];
      }
    }
  }

  private double gaussian() {
    double u1 = Math.max(1e-300, random.nextDouble());
    double u2 = random.nextDouble();
    return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
  }
}
