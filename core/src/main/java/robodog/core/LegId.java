package robodog.core;

/**
 * The six legs, in REP-103 terms: "left" is +y, "front" is +x of {@code base_link}.
 *
 * <p>Short names ({@code lf}, {@code lm}, {@code lr}, {@code rf}, {@code rm}, {@code rr}) are the
 * ones used in config files, URDF joint names, CSV traces and on the wire. Iterate with {@link
 * #VALUES} on the hot path: {@code values()} allocates a new array on each call.
 *
 * <p>Immutable; any thread may use it.
 */
public enum LegId {
  LEFT_FRONT("lf", true),
  LEFT_MIDDLE("lm", true),
  LEFT_REAR("lr", true),
  RIGHT_FRONT("rf", false),
  RIGHT_MIDDLE("rm", false),
  RIGHT_REAR("rr", false);

  /** Cached {@code values()}; never modify it. */
  public static final LegId[] VALUES = values();

  /** Number of legs. */
  public static final int COUNT = VALUES.length;

  private final String shortName;
  private final boolean left;

  LegId(String shortName, boolean left) {
    this.shortName = shortName;
    this.left = left;
  }

  /** The two-letter name used in files and on the wire, e.g. {@code "lf"}. */
  public String shortName() {
    return shortName;
  }

  /** True for legs on the +y side of the body. */
  public boolean isLeft() {
    return left;
  }

  /** Leg by ordinal, without allocating. */
  public static LegId of(int index) {
    return VALUES[index];
  }

  /**
   * Parses a leg name: the short name ({@code lf}) or the enum name ({@code LEFT_FRONT}), case
   * insensitive.
   *
   * @throws IllegalArgumentException naming the allowed values
   */
  public static LegId parse(String name) {
    if (name != null) {
      String n = name.trim();
      for (LegId leg : VALUES) {
        if (leg.shortName.equalsIgnoreCase(n) || leg.name().equalsIgnoreCase(n)) {
          return leg;
        }
      }
    }
    throw new IllegalArgumentException(
        "unknown leg '" + name + "': expected one of " + allowedNames());
  }

  /** "lf, lm, lr, rf, rm, rr", for error messages. */
  public static String allowedNames() {
    StringBuilder sb = new StringBuilder();
    for (LegId leg : VALUES) {
      if (sb.length() > 0) {
        sb.append(", ");
      }
      sb.append(leg.shortName);
    }
    return sb.toString();
  }
}
