package robodog.learning.rl;

/**
 * An episodic environment for the terrain policy: observations and actions are plain double
 * vectors; actions are in [-1, 1] per component (the environment clips). One instance belongs to
 * one thread; parallel training builds one instance per worker.
 */
public interface Env extends AutoCloseable {
  /** Length of an observation vector. */
  int observationSize();

  /** Length of an action vector. */
  int actionSize();

  /**
   * Starts a new episode, bit-repeatable from {@code seed}, at curriculum {@code level} (0 =
   * easiest; environments clamp to their own range). Returns the first observation.
   */
  double[] reset(long seed, int level);

  /** Applies one decision and runs until the next one. */
  Step step(double[] action);

  /** Highest curriculum level this environment knows. */
  int maxLevel();

  /**
   * One transition.
   *
   * @param observation observation after the step
   * @param reward reward of the step
   * @param done episode over (goal, fall or time limit)
   * @param success the episode ended with the goal reached and no fall
   */
  record Step(double[] observation, double reward, boolean done, boolean success) {}

  /**
   * The action both learners start from (the output bias of the untrained policy): a known safe
   * setting rather than a random one. Default: all zeros.
   */
  default double[] initialAction() {
    return new double[actionSize()];
  }

  @Override
  default void close() {}
}
