package robodog.core;

/**
 * Monotonic time source for the control loop, injectable so tests and the simulator can step time
 * instead of waiting for it. Nanoseconds because that is what the OS gives without rounding.
 *
 * <p>Implementations must be safe to read from any thread; {@link #sleepUntil} is called by the
 * loop thread only.
 */
public interface Clock {
  /** Current time, nanoseconds, monotonic; the origin is arbitrary. */
  long nanoTime();

  /**
   * Returns once {@link #nanoTime()} has reached {@code deadlineNanos}. A stepped clock jumps there
   * at once; a wall clock sleeps.
   */
  void sleepUntil(long deadlineNanos) throws InterruptedException;
}
