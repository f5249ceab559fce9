package robodog.autonomy;

import robodog.core.Payload;

/**
 * How gently a run drives, chosen from the payload declaration: a heavier, taller or more fragile
 * load gets a lower top speed and acceleration, a gait with more feet down and a lower body (the
 * load's centre of mass sits lower over the support polygon). Preset rules, not learned.
 *
 * @param maxSpeedMps forward speed limit, m/s
 * @param maxAccelMps2 speed change limit, m/s²
 * @param maxYawRate turn rate limit, rad/s
 * @param gait gait name from the gait table (ripple: 4 feet down; wave: 5, but see forPayload)
 * @param bodyHeightM body height above ground, m, or NaN for the configured neutral
 */
public record RideProfile(
    String name,
    double maxSpeedMps,
    double maxAccelMps2,
    double maxYawRate,
    String gait,
    double bodyHeightM) {

  /** Picks the profile for a payload. Pure; any thread. */
  public static RideProfile forPayload(Payload p) {
    // Tip-over and spill risk grow with mass x COM height; fragility calls for less jerk.
    double risk =
        p.massKg() / Payload.MAX_MASS_KG * (0.5 + p.comHeightM() / Payload.MAX_COM_HEIGHT_M);
    if (p.fragility() >= 0.7 || risk >= 0.6) {
      // Ripple, not wave: on the mixed course wave walks crooked where its odometry cannot see it
      // (seed 7: 0.7 m sideways by 9 m, 195 marker corrections, 3 missed waypoints, also at
      // 0.035 m/s and at neutral height), while ripple at this speed needed none
      // (docs/missions.md).
      return new RideProfile("gentle", 0.05, 0.03, 0.25, "ripple", 0.10);
    }
    if (p.fragility() >= 0.3 || risk >= 0.15 || p.massKg() > 0) {
      return new RideProfile("smooth", 0.08, 0.06, 0.35, "ripple", Double.NaN);
    }
    return new RideProfile("brisk", 0.12, 0.12, 0.5, "ripple", Double.NaN);
  }
}
