package robodog.hardware.gpio;

/**
 * Debounces a digital input (foot switch, E-stop button) by requiring a new level to hold for a
 * settle time before it is reported. The E-stop uses a zero settle time for pressing, so safety
 * never waits, and a settle time for releasing.
 *
 * <p>Control thread only; allocation-free.
 */
public final class Debouncer {
  private final double assertSettle;
  private final double releaseSettle;
  private boolean stable;
  private boolean candidate;
  private double held;

  /**
   * @param assertSettleS how long the input must read true before it reports true, s
   * @param releaseSettleS how long it must read false before it reports false, s
   */
  public Debouncer(double assertSettleS, double releaseSettleS, boolean initial) {
    this.assertSettle = assertSettleS;
    this.releaseSettle = releaseSettleS;
    this.stable = initial;
    this.candidate = initial;
  }

  /** Feeds a raw sample taken {@code dt} s after the previous one; returns the debounced level. */
  public boolean update(boolean raw, double dt) {
    if (raw != candidate) {
      candidate = raw;
      held = 0;
    } else {
      held += dt;
    }
    if (candidate != stable && held + dt > (candidate ? assertSettle : releaseSettle)) {
      stable = candidate;
    }
    return stable;
  }
}
