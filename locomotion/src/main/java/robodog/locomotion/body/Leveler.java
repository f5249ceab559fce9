package robodog.locomotion.body;

/**
 * Keeps the body at the commanded attitude relative to gravity, using the IMU: an integral loop
 * that tilts the walking frame under the body until the measured roll and pitch equal the commanded
 * ones. Without it, feet planted at different heights (a stair, a bump) tilt the body and the
 * camera with it. Clamped, so on a steep slope it levels partially instead of running the legs out
 * of reach. Only runs when the hardware senses contact (a real body); on ideal servos the IMU reads
 * level by construction and the loop stays off.
 *
 * <p>Control thread only; allocation-free.
 */
public final class Leveler {
  private static final double GAIN_PER_S = 2.0;
  private static final double MAX_RAD = Math.toRadians(10);

  private double roll;
  private double pitch;

  /**
   * Integrates one tick of attitude error (measured − commanded, rad). A non-finite error or step
   * is ignored: once in the integral it would stay there for the rest of the run.
   */
  public void update(double rollError, double pitchError, double dt) {
    if (!(Double.isFinite(rollError) && Double.isFinite(pitchError) && Double.isFinite(dt))) {
      return;
    }
    roll = RateLimit.clamp(roll + GAIN_PER_S * rollError * dt, -MAX_RAD, MAX_RAD);
    pitch = RateLimit.clamp(pitch + GAIN_PER_S * pitchError * dt, -MAX_RAD, MAX_RAD);
  }

  /** Forgets the correction (power-on, fault release). */
  public void reset() {
    roll = 0;
    pitch = 0;
  }

  /** Roll correction to subtract from the commanded body roll, rad. */
  public double roll() {
    return roll;
  }

  /** Pitch correction to subtract from the commanded body pitch, rad. */
  public double pitch() {
    return pitch;
  }
}
