package robodog.learning.rl;

/**
 * A small fully connected network in plain Java arrays: input whitening, tanh hidden layers, linear
 * output. Used by rollout workers during training (weights copied from DJL after each update) and
 * by the runtime, which thus needs no native engine. A linear policy (ARS) is the case without
 * hidden layers.
 *
 * <p>{@link #forward} reuses internal buffers: one instance per thread.
 */
public final class Mlp {
  private final int[] sizes;
  private final double[][] weights; // layer l: [out][in] row-major as out*in
  private final double[][] biases;
  private final double[] inMean;
  private final double[] inStd;
  private final double[][] act;

  /**
   * @param sizes layer widths, input first, output last
   * @param weights per layer, out × in, row-major
   * @param biases per layer, out
   * @param inMean input mean for whitening
   * @param inStd input standard deviation for whitening
   */
  public Mlp(int[] sizes, double[][] weights, double[][] biases, double[] inMean, double[] inStd) {
    if (sizes.length < 2 || weights.length != sizes.length - 1 || biases.length != weights.length) {
      throw new IllegalArgumentException("layer count mismatch");
    }
    for (int l = 0; l < weights.length; l++) {
      if (weights[l].length != sizes[l] * sizes[l + 1] || biases[l].length != sizes[l + 1]) {
        throw new IllegalArgumentException(
            "layer " + l + ": expected " + sizes[l + 1] + "x" + sizes[l] + " weights");
      }
    }
    if (inMean.length != sizes[0] || inStd.length != sizes[0]) {
      throw new IllegalArgumentException("normaliser size must equal the input size " + sizes[0]);
    }
    this.sizes = sizes.clone();
    this.weights = weights;
    this.biases = biases;
    this.inMean = inMean;
    this.inStd = inStd;
    act = new double[sizes.length][];
    for (int l = 0; l < sizes.length; l++) {
      act[l] = new double[sizes[l]];
    }
  }

  /** A network sharing these (read-only) weights with its own buffers, for another thread. */
  public Mlp copy() {
    return new Mlp(sizes, weights, biases, inMean, inStd);
  }

  public int inputSize() {
    return sizes[0];
  }

  public int outputSize() {
    return sizes[sizes.length - 1];
  }

  /** Layer widths (copy). */
  public int[] sizes() {
    return sizes.clone();
  }

  double[][] weights() {
    return weights;
  }

  double[][] biases() {
    return biases;
  }

  double[] inMean() {
    return inMean;
  }

  double[] inStd() {
    return inStd;
  }

  /** Whitens {@code x} into {@code out} (clipped to ±{@link ObsNormalizer#CLIP}). */
  public void normalize(double[] x, double[] out) {
    for (int i = 0; i < sizes[0]; i++) {
      double v = (x[i] - inMean[i]) / inStd[i];
      out[i] = Math.max(-ObsNormalizer.CLIP, Math.min(ObsNormalizer.CLIP, v));
    }
  }

  /** Network output for raw observation {@code x}; allocation-free. */
  public void forward(double[] x, double[] out) {
    normalize(x, act[0]);
    for (int l = 0; l < weights.length; l++) {
      double[] in = act[l];
      double[] o = act[l + 1];
      int nIn = sizes[l];
      boolean hidden = l < weights.length - 1;
      for (int j = 0; j < sizes[l + 1]; j++) {
        double s = biases[l][j];
        int row = j * nIn;
        for (int i = 0; i < nIn; i++) {
          s += weights[l][row + i] * in[i];
        }
        o[j] = hidden ? Math.tanh(s) : s;
      }
    }
    System.arraycopy(act[weights.length], 0, out, 0, outputSize());
  }
}
