package robodog.locomotion.gait;

/**
 * The shape of a swing, as pure functions (allocation-free, any thread).
 *
 * <p>Horizontal: a cubic Hermite from the foot's current position and velocity to the touch-down
 * point, arriving with the ground's velocity as seen from the body, re-planned every tick from
 * where the foot is. Re-planning keeps position and velocity continuous even when the velocity
 * command (and so the touch-down point) changes mid-swing, and ground-speed matching means the foot
 * neither scuffs at lift-off nor stabs at touch-down.
 *
 * <p>Vertical: a quintic smoothstep between lift-off and touch-down heights plus a bump {@code 64
 * τ³(1-τ)³} (apex 1 at τ = ½, zero velocity and acceleration at both ends), so the foot leaves and
 * meets the ground with zero vertical velocity.
 */
public final class SwingProfile {
  private SwingProfile() {}

  /**
   * Position after {@code dt} on the cubic Hermite from (p0, v0) to (p1, v1) lasting {@code
   * remaining} seconds.
   */
  public static double hermitePosition(
      double p0, double v0, double p1, double v1, double remaining, double dt) {
    if (dt >= remaining) {
      return p1;
    }
    double s = dt / remaining;
    double s2 = s * s;
    double s3 = s2 * s;
    return (2 * s3 - 3 * s2 + 1) * p0
        + (s3 - 2 * s2 + s) * remaining * v0
        + (-2 * s3 + 3 * s2) * p1
        + (s3 - s2) * remaining * v1;
  }

  /** Velocity after {@code dt} on the same Hermite, per second. */
  public static double hermiteVelocity(
      double p0, double v0, double p1, double v1, double remaining, double dt) {
    if (dt >= remaining) {
      return v1;
    }
    double s = dt / remaining;
    double s2 = s * s;
    return ((6 * s2 - 6 * s) * p0
            + (3 * s2 - 4 * s + 1) * remaining * v0
            + (-6 * s2 + 6 * s) * p1
            + (3 * s2 - 2 * s) * remaining * v1)
        / remaining;
  }

  /** Quintic smoothstep on [0, 1]: zero velocity and acceleration at both ends. */
  public static double smoothstep(double tau) {
    double t = tau < 0 ? 0 : (tau > 1 ? 1 : tau);
    return t * t * t * (10 + t * (-15 + 6 * t));
  }

  /** Lift bump on [0, 1], apex 1 at ½, flat at both ends. */
  public static double bump(double tau) {
    double t = tau < 0 ? 0 : (tau > 1 ? 1 : tau);
    double u = t * (1 - t);
    return 64 * u * u * u;
  }

  /** Fraction of the swing spent rising to the top. */
  public static final double RISE_END = 0.35;

  /** Fraction of the swing at which the descent to the landing height begins. */
  public static final double DESCENT_START = 0.55;

  /**
   * Foot height during swing at progress {@code tau}: up to {@code apex} above the higher of the
   * lift and landing heights by {@link #RISE_END}, level, then down from {@link #DESCENT_START}.
   * Rising early and steeply is what gets a toe over a stair nosing it starts next to; each piece
   * is a quintic smoothstep, so velocity and acceleration stay continuous.
   */
  public static double height(double liftZ, double landZ, double apex, double tau) {
    double top = Math.max(liftZ, landZ) + apex;
    if (tau < RISE_END) {
      return liftZ + (top - liftZ) * smoothstep(tau / RISE_END);
    }
    if (tau < DESCENT_START) {
      return top;
    }
    return top + (landZ - top) * smoothstep((tau - DESCENT_START) / (1 - DESCENT_START));
  }
}
