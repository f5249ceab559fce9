package robodog.core;

import java.util.Locale;

/**
 * What the controller made of the ground it walks on, from what its legs and IMU sense; each call
 * sets the gait, step and speed when nobody chose a gait. Easiest first.
 */
public enum GroundCall {
  /** Touch-downs where planned: ripple, or tripod for speed. */
  SMOOTH,
  /** Touch-downs a centimetre or more off the plan (gravel, rough dirt): ripple, higher steps. */
  UNEVEN,
  /** A touch-down a step's rise off the plan: the wave gait and its high step. */
  STEPS,
  /** The feet slide: the wave gait, slowed. */
  SLIPPERY,
  /** The body tilted or sagged: stopped, stepping the feet back under it. */
  RECOVERING;

  /** Cached {@code values()}. */
  public static final GroundCall[] VALUES = values();

  /** Lower-case name for telemetry and reports. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
