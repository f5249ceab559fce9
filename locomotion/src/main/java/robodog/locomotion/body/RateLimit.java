package robodog.locomotion.body;

/** Slew-rate limiting as a pure function. Allocation-free; any thread. */
public final class RateLimit {
  private RateLimit() {}

  /** Moves {@code current} toward {@code target} by at most {@code maxRate * dt}. */
  public static double step(double current, double target, double maxRate, double dt) {
    double maxStep = maxRate * dt;
    double d = target - current;
    if (d > maxStep) {
      return current + maxStep;
    }
    if (d < -maxStep) {
      return current - maxStep;
    }
    return target;
  }

  /** Clamps {@code v} to [lo, hi]. */
  public static double clamp(double v, double lo, double hi) {
    return v < lo ? lo : (v > hi ? hi : v);
  }
}
