package robodog.core;

import java.util.concurrent.locks.LockSupport;

/**
 * The wall clock ({@link System#nanoTime()}), sleeping with {@code parkNanos} and then spinning for
 * the last {@code spinNanos}: the kernel wakes a parked thread 50–100 µs late on a busy Linux box,
 * and the spin takes that lateness out at the cost of a little CPU (50 µs every 2 ms = 2.5 % of one
 * core at 500 Hz). Set {@code spinNanos = 0} on a machine where CPU matters more than jitter.
 *
 * <p>Thread-safe.
 */
public final class SystemClock implements Clock {
  private final long spinNanos;

  /** A clock that spins for the last {@code spinNanos} before each deadline. */
  public SystemClock(long spinNanos) {
    if (spinNanos < 0) {
      throw new IllegalArgumentException("spinNanos must be >= 0, got " + spinNanos);
    }
    this.spinNanos = spinNanos;
  }

  /** A clock with the default 50 µs spin. */
  public SystemClock() {
    this(50_000);
  }

  @Override
  public long nanoTime() {
    return System.nanoTime();
  }

  @Override
  public void sleepUntil(long deadlineNanos) throws InterruptedException {
    while (true) {
      long remaining = deadlineNanos - System.nanoTime();
      if (remaining <= 0) {
        return;
      }
      if (Thread.interrupted()) {
        throw new InterruptedException();
      }
      if (remaining > spinNanos) {
        LockSupport.parkNanos(remaining - spinNanos);
      } else {
        Thread.onSpinWait();
      }
    }
  }
}
