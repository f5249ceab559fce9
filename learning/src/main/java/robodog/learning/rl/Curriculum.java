package robodog.learning.rl;

import java.util.SplittableRandom;

/**
 * Terrain curriculum with promotion on success (as legged_gym's terrain levels): episodes run at
 * the current level, with a share replayed at easier levels so the policy does not forget them;
 * when the success rate at the current level over a window reaches the bar, the level goes up. Call
 * from one thread.
 */
public final class Curriculum {
  private final int maxLevel;
  private final int window;
  private final double bar;
  private final SplittableRandom random;
  private int level;
  private int tried;
  private int succeeded;

  /**
   * @param maxLevel highest level
   * @param window episodes at the current level before a promotion decision
   * @param bar success rate needed for promotion
   */
  public Curriculum(int maxLevel, int window, double bar, long seed) {
    this.maxLevel = maxLevel;
    this.window = window;
    this.bar = bar;
    random = new SplittableRandom(seed);
  }

  public int level() {
    return level;
  }

  /** The level for the next episode: current one, or an easier one 30 % of the time. */
  public int sample() {
    if (level > 0 && random.nextDouble() < 0.3) {
      return random.nextInt(level);
    }
    return level;
  }

  /** Reports an episode's outcome; promotes when the window's success rate reaches the bar. */
  public void report(int episodeLevel, boolean success) {
    if (episodeLevel != level) {
      return;
    }
    tried++;
    if (success) {
      succeeded++;
    }
    if (tried >= window) {
      if (succeeded >= bar * tried && level < maxLevel) {
        level++;
      }
      tried = 0;
      succeeded = 0;
    }
  }
}
