package robodog.learning.rl;

/**
 * One finished episode.
 *
 * @param seed episode seed (terrain, randomisation, exploration noise)
 * @param level curriculum level it ran at
 * @param observations observation before each decision, raw
 * @param actions action taken at each decision (after exploration noise)
 * @param logProbs log-density of each action under the behaviour policy (up to a constant)
 * @param rewards reward of each decision
 * @param success goal reached without a fall
 */
public record Episode(
    long seed,
    int level,
    double[][] observations,
    double[][] actions,
    double[] logProbs,
    double[] rewards,
    boolean success) {

  /** Sum of rewards. */
  public double totalReward() {
    double s = 0;
    for (double r : rewards) {
      s += r;
    }
    return s;
  }

  /** Number of decisions. */
  public int steps() {
    return rewards.length;
  }
}
