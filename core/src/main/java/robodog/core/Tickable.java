package robodog.core;

/** One periodic job run by {@link LoopRunner}. Called from the loop thread only. */
public interface Tickable {
  /**
   * Does one period's work. Must not block or allocate.
   *
   * @param nowNanos the scheduled time of this tick (loop clock), not the wake-up time, so that
   *     stepped runs are exact
   * @param periodNanos scheduled time since the previous tick: one period, or more after an overrun
   *     skipped periods
   */
  void tick(long nowNanos, long periodNanos);

  /**
   * The tick threw: go to a safe state. Called on the loop thread right after the failed tick; the
   * loop keeps ticking afterwards. Must not throw.
   */
  void onTickException(Throwable cause);
}
