package robodog.learning.rl;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import ai.djl.util.Pair;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Proximal Policy Optimisation (clipped objective, Schulman et al. 2017) for continuous actions on
 * DJL's NDArray/Trainer API: a tanh MLP actor with a Gaussian of fixed, scheduled standard
 * deviation (the caller anneals it), a separate MLP critic, GAE(λ) advantages. DJL's {@code
 * ai.djl.modality.rl} has no PPO (only Q-learning with replay), hence this class.
 *
 * <p>Rollouts run on plain-Java copies of the actor ({@link #actor}); only the update touches DJL.
 * Call from one thread. Set {@code ai.djl.offline=true} before the first call.
 */
public final class Ppo implements AutoCloseable {
  private final int obsSize;
  private final int actSize;
  private final int hidden;
  private final Model actorModel;
  private final Model criticModel;
  private final Trainer actor;
  private final Trainer critic;
  private final SplittableRandom shuffle;
  private final double gamma = 0.97;
  private final double lambda = 0.9;
  private final double clip = 0.2;
  private final int epochs = 6;
  private final int minibatch = 64;

  /** Statistics of one update. */
  public record Stats(double policyLoss, double valueLoss, int samples) {}

  /**
   * @param initialAction output bias of the untrained actor (its output layer's weights are scaled
   *     down, so it starts close to this action everywhere)
   */
  public Ppo(
      int obsSize,
      int actSize,
      int hidden,
      long seed,
      double learningRate,
      double[] initialAction) {
    this.obsSize = obsSize;
    this.actSize = actSize;
    this.hidden = hidden;
    Engine.getInstance().setRandomSeed((int) seed);
    shuffle = new SplittableRandom(seed);
    actorModel = Model.newInstance("terrain-actor");
    actorModel.setBlock(mlp(actSize));
    criticModel = Model.newInstance("terrain-critic");
    criticModel.setBlock(mlp(1));
    actor = trainer(actorModel, learningRate);
    critic = trainer(criticModel, learningRate * 3);
    List<Pair<String, Parameter>> ps = new ArrayList<>();
    actorModel.getBlock().getParameters().forEach(ps::add);
    NDArray w = ps.get(ps.size() - 2).getValue().getArray();
    NDArray b = ps.get(ps.size() - 1).getValue().getArray();
    // Scaled by copying values, not muli: an in-place op on a parameter is an autograd error
    // whenever this thread's grad mode was left on (a DJL training run before this one).
    float[] scaled = w.toFloatArray();
    for (int i = 0; i < scaled.length; i++) {
      scaled[i] *= 0.1f;
    }
    w.set(java.nio.FloatBuffer.wrap(scaled));
    float[] bias = new float[actSize];
    for (int i = 0; i < actSize; i++) {
      bias[i] = (float) initialAction[i];
    }
    b.set(java.nio.FloatBuffer.wrap(bias));
  }

  private SequentialBlock mlp(int out) {
    return new SequentialBlock()
        .add(Linear.builder().setUnits(hidden).build())
        .add(Activation::tanh)
        .add(Linear.builder().setUnits(hidden).build())
        .add(Activation::tanh)
        .add(Linear.builder().setUnits(out).build());
  }

  private Trainer trainer(Model m, double lr) {
    DefaultTrainingConfig cfg =
        new DefaultTrainingConfig(Loss.l2Loss())
            .optOptimizer(
                Optimizer.adam().optLearningRateTracker(Tracker.fixed((float) lr)).build())
            .optDevices(new Device[] {Device.cpu()});
    Trainer t = m.newTrainer(cfg);
    t.initialize(new Shape(1, obsSize));
    return t;
  }

  /** The current actor mean as a plain-Java network with the given input whitening. */
  public Mlp actor(ObsNormalizer norm) {
    List<double[]> ws = new ArrayList<>();
    List<double[]> bs = new ArrayList<>();
    for (Pair<String, Parameter> p : actorModel.getBlock().getParameters()) {
      float[] f = p.getValue().getArray().toFloatArray();
      double[] d = new double[f.length];
      for (int i = 0; i < f.length; i++) {
        d[i] = f[i];
      }
      (p.getKey().endsWith("weight") ? ws : bs).add(d);
    }
    return new Mlp(
        new int[] {obsSize, hidden, hidden, actSize},
        ws.toArray(new double[0][]),
        bs.toArray(new double[0][]),
        norm.mean(),
        norm.std());
  }

  /**
   * One PPO update from episodes collected with the actor whitened by {@code norm} and exploration
   * std {@code sigma}. Time-limit ends are treated as terminal (episodes are short).
   */
  public Stats update(List<Episode> episodes, ObsNormalizer norm, double sigma) {
    double[] mean = norm.mean();
    double[] std = norm.std();
    int n = 0;
    for (Episode e : episodes) {
      n += e.steps();
    }
    float[][] x = new float[n][];
    float[][] a = new float[n][];
    float[] lpOld = new float[n];
    int k = 0;
    for (Episode e : episodes) {
      for (int t = 0; t < e.steps(); t++) {
        float[] xi = new float[obsSize];
        for (int i = 0; i < obsSize; i++) {
          double v = (e.observations()[t][i] - mean[i]) / std[i];
          xi[i] = (float) Math.max(-ObsNormalizer.CLIP, Math.min(ObsNormalizer.CLIP, v));
        }
        x[k] = xi;
        float[] ai = new float[actSize];
        for (int i = 0; i < actSize; i++) {
          ai[i] = (float) e.actions()[t][i];
        }
        a[k] = ai;
        lpOld[k] = (float) e.logProbs()[t];
        k++;
      }
    }
    float[] values = predictValues(x);
    float[] adv = new float[n];
    float[] ret = new float[n];
    k = 0;
    for (Episode e : episodes) {
      double gae = 0;
      int len = e.steps();
      for (int t = len - 1; t >= 0; t--) {
        double next = t + 1 < len ? values[k + t + 1] : 0;
        double delta = e.rewards()[t] + gamma * next - values[k + t];
        gae = delta + gamma * lambda * gae;
        adv[k + t] = (float) gae;
        ret[k + t] = (float) (gae + values[k + t]);
      }
      k += len;
    }
    double am = 0;
    double as = 0;
    for (float v : adv) {
      am += v;
    }
    am /= n;
    for (float v : adv) {
      as += (v - am) * (v - am);
    }
    as = Math.sqrt(as / Math.max(1, n - 1)) + 1e-8;
    for (int i = 0; i < n; i++) {
      adv[i] = (float) ((adv[i] - am) / as);
    }
    double pl = 0;
    double vl = 0;
    int batches = 0;
    int[] idx = new int[n];
    for (int i = 0; i < n; i++) {
      idx[i] = i;
    }
    float inv2s2 = (float) (0.5 / (sigma * sigma));
    for (int ep = 0; ep < epochs; ep++) {
      for (int i = n - 1; i > 0; i--) {
        int j = shuffle.nextInt(i + 1);
        int tmp = idx[i];
        idx[i] = idx[j];
        idx[j] = tmp;
      }
      for (int s = 0; s < n; s += minibatch) {
        int m = Math.min(minibatch, n - s);
        float[] xb = new float[m * obsSize];
        float[] ab = new float[m * actSize];
        float[] lb = new float[m];
        float[] advb = new float[m];
        float[] rb = new float[m];
        for (int r = 0; r < m; r++) {
          int q = idx[s + r];
          System.arraycopy(x[q], 0, xb, r * obsSize, obsSize);
          System.arraycopy(a[q], 0, ab, r * actSize, actSize);
          lb[r] = lpOld[q];
          advb[r] = adv[q];
          rb[r] = ret[q];
        }
        try (NDManager mgr = NDManager.newBaseManager(Device.cpu())) {
          NDArray xs = mgr.create(xb, new Shape(m, obsSize));
          NDArray as2 = mgr.create(ab, new Shape(m, actSize));
          NDArray lps = mgr.create(lb);
          NDArray advs = mgr.create(advb);
          NDArray rets = mgr.create(rb);
          try (GradientCollector gc = actor.newGradientCollector()) {
            NDArray mu = actor.forward(new NDList(xs)).singletonOrThrow();
            NDArray logp = mu.sub(as2).square().sum(new int[] {1}).mul(-inv2s2);
            NDArray ratio = logp.sub(lps).exp();
            NDArray s1 = ratio.mul(advs);
            NDArray s2 = ratio.clip(1 - clip, 1 + clip).mul(advs);
            NDArray loss = s1.minimum(s2).mean().neg();
            pl += loss.getFloat();
            gc.backward(loss);
          }
          actor.step();
          try (GradientCollector gc = critic.newGradientCollector()) {
            NDArray v = critic.forward(new NDList(xs)).singletonOrThrow().reshape(m);
            NDArray loss = v.sub(rets).square().mean();
            vl += loss.getFloat();
            gc.backward(loss);
          }
          critic.step();
        }
        batches++;
      }
    }
    return new Stats(pl / Math.max(1, batches), vl / Math.max(1, batches), n);
  }

  private float[] predictValues(float[][] x) {
    int n = x.length;
    float[] flat = new float[n * obsSize];
    for (int i = 0; i < n; i++) {
      System.arraycopy(x[i], 0, flat, i * obsSize, obsSize);
    }
    try (NDManager mgr = NDManager.newBaseManager(Device.cpu())) {
      NDArray xs = mgr.create(flat, new Shape(n, obsSize));
      NDArray v = critic.evaluate(new NDList(xs)).singletonOrThrow().reshape(n);
      return v.toFloatArray();
    }
  }

  @Override
  public void close() {
    actor.close();
    critic.close();
    actorModel.close();
    criticModel.close();
  }
}
