package robodog.core;

/**
 * Flat joint indexing for the 18 joint buffers: {@code index = leg * 3 + kind}. The order is the
 * order of {@link LegId#VALUES} then {@link JointKind#VALUES}, and is also the order of the URDF
 * joints and of ROS {@code JointState} names.
 */
public final class Joints {
  /** Total joints on the robot. */
  public static final int COUNT = LegId.COUNT * JointKind.COUNT;

  private static final String[] NAMES = new String[COUNT];

  static {
    for (LegId leg : LegId.VALUES) {
      for (JointKind kind : JointKind.VALUES) {
        NAMES[index(leg, kind)] = leg.shortName() + "_" + kind.shortName() + "_joint";
      }
    }
  }

  private Joints() {}

  /** Flat index of a joint; allocation-free. */
  public static int index(LegId leg, JointKind kind) {
    return leg.ordinal() * JointKind.COUNT + kind.ordinal();
  }

  /** Flat index of a joint from ordinals; allocation-free. */
  public static int index(int leg, int kind) {
    return leg * JointKind.COUNT + kind;
  }

  /** URDF joint name, e.g. {@code lf_femur_joint}. */
  public static String name(int index) {
    return NAMES[index];
  }
}
