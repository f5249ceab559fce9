package robodog.learning.rl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Both trainers learn on a small problem with the shape of the terrain task: the observation says
 * which of three "terrains" the episode is on, the best first action component depends on it, and
 * the reward is paid per step. A few seconds of training must beat the untrained policy on fixed
 * seeds, and a fixed decision budget must be bit-repeatable.
 */
class PpoLearnsTest {
  /** Observation: one-hot terrain (3) + noise; reward −(a0 − target(terrain))² − 0.1·a1². */
  static final class ToyEnv implements Env {
    private static final double[] TARGET = {-0.6, 0.1, 0.7};
    private SplittableRandom r;
    private int terrain;
    private int t;

    @Override
    public int observationSize() {
      return 4;
    }

    @Override
    public int actionSize() {
      return 2;
    }

    @Override
    public int maxLevel() {
      return 0;
    }

    @Override
    public double[] reset(long seed, int level) {
      r = new SplittableRandom(seed);
      terrain = r.nextInt(3);
      t = 0;
      return obs();
    }

    private double[] obs() {
      double[] o = new double[4];
      o[terrain] = 1;
      o[3] = r.nextDouble() - 0.5;
      return o;
    }

    @Override
    public Step step(double[] a) {
      t++;
      double e = Math.max(-1, Math.min(1, a[0])) - TARGET[terrain];
      double reward = 1 - e * e - 0.1 * a[1] * a[1];
      return new Step(obs(), reward, t >= 5, true);
    }
  }

  static double evaluate(Mlp p) {
    ToyEnv env = new ToyEnv();
    double sum = 0;
    double[] a = new double[2];
    for (int s = 0; s < 60; s++) {
      double[] o = env.reset(5_000_000 + s, 0);
      for (int k = 0; k < 5; k++) {
        p.forward(o, a);
        Env.Step st = env.step(a);
        sum += st.reward();
        o = st.observation();
      }
    }
    return sum / 60;
  }

  private static Training.Result train(Training.Method m, long decisions) throws Exception {
    return Training.run(
        new Training.Options(m, 3, 2, 1e9, decisions, 16, -1, null, null), ToyEnv::new, 10);
  }

  @Test
  void ppoOnDjlImprovesThePolicyAndIsRepeatable() throws Exception {
    Training.Result a = train(Training.Method.PPO, 2500);
    Training.Result b = train(Training.Method.PPO, 2500);
    List<LearningCurve.Point> first = a.curve().points();
    double before = first.get(0).meanReturn();
    double after = evaluate(a.policy());
    assertTrue(after > before + 0.3, "PPO: trained " + after + " vs first batch " + before);
    // PyTorch's CPU kernels may round differently run to run (vectorised vs scalar tails), so
    // "the same" is to float precision, not bit for bit.
    assertEquals(
        evaluate(a.policy()), evaluate(b.policy()), 1e-4, "same seed, same budget, same policy");
  }

  @Test
  void arsBaselineImprovesThePolicy() throws Exception {
    Training.Result a = train(Training.Method.ARS, 4000);
    double before = a.curve().points().get(0).meanReturn();
    double after = evaluate(a.policy());
    assertTrue(after > before + 0.3, "ARS: trained " + after + " vs first batch " + before);
  }
}
