package robodog.locomotion.kinematics;

/**
 * Outcome of one inverse-kinematics solve. The hot path gets one of these instead of an exception:
 * the angles are still filled (clamped to what the leg can do) and the caller decides what to do.
 */
public enum IkResult {
  /** Exact solution inside every limit. */
  OK,
  /** Target farther than femur + tibia: the leg was stretched toward it. */
  TOO_FAR,
  /** Target closer than |femur - tibia|: the leg was folded as far as it goes. */
  TOO_NEAR,
  /** Solution needed a coxa angle outside its limits; clamped. */
  COXA_LIMIT,
  /** Solution needed a femur angle outside its limits; clamped. */
  FEMUR_LIMIT,
  /** Solution needed a tibia angle outside its limits; clamped. */
  TIBIA_LIMIT;

  /** Cached {@code values()}. */
  public static final IkResult[] VALUES = values();

  /** True only for {@link #OK}. */
  public boolean ok() {
    return this == OK;
  }
}
