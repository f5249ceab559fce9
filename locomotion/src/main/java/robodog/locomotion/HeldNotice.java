package robodog.locomotion;

import robodog.core.Notice;

/**
 * A refused-input notice kept for {@link #HOLD_NANOS}: telemetry goes out at 10 Hz, so a notice
 * that lasted one 2 ms tick would fall between two messages and no operator would see it. Control
 * thread only; allocation-free.
 */
final class HeldNotice {
  /** How long a notice stays, ns. */
  static final long HOLD_NANOS = 500_000_000L;

  private Notice notice = Notice.NONE;
  private long untilNanos = Long.MIN_VALUE;

  /** Keeps {@code n} from {@code nowNanos} on; NONE changes nothing. */
  void hold(Notice n, long nowNanos) {
    if (n != Notice.NONE) {
      notice = n;
      untilNanos = nowNanos + HOLD_NANOS;
    }
  }

  /** The notice still held at {@code nowNanos}, or NONE. */
  Notice at(long nowNanos) {
    return nowNanos < untilNanos ? notice : Notice.NONE;
  }
}
