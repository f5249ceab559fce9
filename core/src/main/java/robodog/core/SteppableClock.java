package robodog.core;

/**
 * A clock that only moves when told to: tests and headless simulation run the loop as fast as the
 * machine allows and still see exact, repeatable tick times. {@link #sleepUntil} jumps straight to
 * the deadline.
 *
 * <p>Reads are safe from any thread (the field is volatile); advance it from one thread.
 */
public final class SteppableClock implements Clock {
  private volatile long now;

  /** A clock starting at {@code startNanos}. */
  public SteppableClock(long startNanos) {
    this.now = startNanos;
  }

  /** A clock starting at zero. */
  public SteppableClock() {
    this(0);
  }

  @Override
  public long nanoTime() {
    return now;
  }

  @Override
  public void sleepUntil(long deadlineNanos) {
    if (deadlineNanos > now) {
      now = deadlineNanos;
    }
  }

  /** Moves time forward by {@code nanos} (for example to simulate a slow tick). */
  public void advance(long nanos) {
    if (nanos < 0) {
      throw new IllegalArgumentException("time cannot go backwards: " + nanos);
    }
    now += nanos;
  }
}
