package robodog.learning.rl;

/**
 * Running mean and variance of observations (Welford), used to whiten policy inputs. Training
 * updates it from every visited state; the saved policy carries a frozen copy. Not thread-safe: the
 * trainer's thread updates it between rollouts.
 */
public final class ObsNormalizer {
  /** Normalised inputs are clipped to ±this. */
  public static final double CLIP = 5;

  private final double[] mean;
  private final double[] m2;
  private long count;

  public ObsNormalizer(int size) {
    mean = new double[size];
    m2 = new double[size];
  }

  /** Adds one observation. */
  public void update(double[] x) {
    count++;
    for (int i = 0; i < mean.length; i++) {
      double d = x[i] - mean[i];
      mean[i] += d / count;
      m2[i] += d * (x[i] - mean[i]);
    }
  }

  /** Copy of the running mean. */
  public double[] mean() {
    return mean.clone();
  }

  /** Standard deviations (at least 1e-3, so constant inputs do not blow up). */
  public double[] std() {
    double[] s = new double[mean.length];
    for (int i = 0; i < s.length; i++) {
      s[i] = count > 1 ? Math.max(1e-3, Math.sqrt(m2[i] / (count - 1))) : 1;
    }
    return s;
  }

  public long count() {
    return count;
  }
}
