package robodog.core;

/**
 * The three joints of a leg, from body to foot. Coxa yaws the leg about the body's z axis; femur
 * and tibia pitch it (positive lifts the foot). Immutable; any thread.
 */
public enum JointKind {
  COXA("coxa"),
  FEMUR("femur"),
  TIBIA("tibia");

  /** Cached {@code values()}; never modify it. */
  public static final JointKind[] VALUES = values();

  /** Joints per leg. */
  public static final int COUNT = VALUES.length;

  private final String shortName;

  JointKind(String shortName) {
    this.shortName = shortName;
  }

  /** Lower-case name used in files and URDF, e.g. {@code "femur"}. */
  public String shortName() {
    return shortName;
  }
}
