package robodog.locomotion.gait;

import java.util.List;
import robodog.core.LegId;

/**
 * One row of the gait table: a gait is data, not a class (Syropod's gait.yaml, Cheetah's {@code
 * OffsetDurationGait}).
 *
 * <p>Each leg lifts off when the gait's global phase passes its offset and swings for {@code (1 -
 * dutyFactor) * cycleSeconds}; it stands the rest of the cycle. Legs absent from the pattern (a
 * failed leg) have offset {@code NaN} and never lift.
 *
 * @param name lower-case name used in the CLI and on the wire
 * @param dutyFactor fraction of the cycle a leg is in stance, (0, 1)
 * @param cycleSeconds duration of one full cycle, s
 * @param stepHeightMeters default swing apex above the lift-off/touch-down line, m
 * @param offsets lift-off phase per leg ordinal in [0, 1), or NaN for a leg that never lifts
 */
public record Gait(
    String name,
    double dutyFactor,
    double cycleSeconds,
    double stepHeightMeters,
    List<Double> offsets) {

  /** Lift-off phase of {@code leg}, or NaN. */
  public double offset(LegId leg) {
    return offsets.get(leg.ordinal());
  }

  /** Stance duration, s. */
  public double stanceSeconds() {
    return dutyFactor * cycleSeconds;
  }

  /** Swing duration, s. */
  public double swingSeconds() {
    return (1 - dutyFactor) * cycleSeconds;
  }

  /** True when {@code leg} is in swing at global phase {@code phase} (ignoring hand-over). */
  public boolean nominalSwing(LegId leg, double phase) {
    double off = offset(leg);
    if (Double.isNaN(off)) {
      return false;
    }
    double psi = phase - off;
    psi -= Math.floor(psi);
    return psi < 1 - dutyFactor;
  }
}
