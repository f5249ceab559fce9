package robodog.core.perception;

/**
 * The crew-safety speed limit perception asks the controller to apply to every motion source
 * (teleop, autonomy, scripts): commanded velocities are multiplied by {@link #speedScale}. Derived
 * from the nearest person: 1 outside the slow zone, 0 inside the stop zone, and in between a linear
 * ramp from 1 down to a minimum creeping scale at the stop-zone edge (so a robot walking toward a
 * person reaches the stop zone and halts, instead of approaching it ever more slowly).
 *
 * <p>Published by the perception thread every processed frame (also when nobody is seen, so the
 * controller can tell a live pipeline from a dead one by {@link #stampNanos}). Mutable; copy with
 * {@link #copyFrom}; not thread-safe.
 */
public final class SafetyLimit {
  /** Default slow-zone radius around a person, m (slow inside 3 m). */
  public static final double DEFAULT_SLOW_M = 3.0;

  /** Default stop-zone radius around a person, m (stop inside 1.5 m). */
  public static final double DEFAULT_STOP_M = 1.5;

  /** Default speed scale at the stop-zone edge (the ramp's low end). */
  public static final double DEFAULT_MIN_SLOW_SCALE = 0.25;

  /** 0..1 multiplier on commanded linear and yaw velocity. */
  public double speedScale = 1.0;

  /** Nearest person's distance from base_link, m; {@code +Inf} when nobody is seen. */
  public double nearestPersonM = Double.POSITIVE_INFINITY;

  /** Number of people seen in the frame. */
  public int peopleCount;

  /**
   * Publication time, ns, on the clock the controller reads ({@link robodog.core.Clock}): the
   * controller treats an old limit as stale.
   */
  public long stampNanos;

  /** True when the people input is degraded (camera gone, detector failing): treat as unsafe. */
  public boolean degraded;

  /**
   * True when the limit is usable: speed scale finite in [0, 1], nearest distance NaN-free and not
   * negative ({@code +Inf} = nobody), people count not negative. The controller treats a limit that
   * is not as a degraded one. Allocation-free; any thread.
   */
  public boolean isValid() {
    return speedScale >= 0 && speedScale <= 1 && nearestPersonM >= 0 && peopleCount >= 0;
  }

  /** Copies every field; allocation-free. */
  public void copyFrom(SafetyLimit o) {
    speedScale = o.speedScale;
    nearestPersonM = o.nearestPersonM;
    peopleCount = o.peopleCount;
    stampNanos = o.stampNanos;
    degraded = o.degraded;
  }

  /**
   * The speed scale for a person at {@code distM}: 0 inside {@code stopM}, 1 beyond {@code slowM},
   * in between linear from {@code minSlowScale} at {@code stopM} to 1 at {@code slowM}. NaN counts
   * as inside the stop zone.
   */
  public static double scaleFor(double distM, double slowM, double stopM, double minSlowScale) {
    if (!(distM > stopM)) {
      return 0.0;
    }
    if (distM >= slowM) {
      return 1.0;
    }
    return minSlowScale + (1 - minSlowScale) * (distM - stopM) / (slowM - stopM);
  }
}
