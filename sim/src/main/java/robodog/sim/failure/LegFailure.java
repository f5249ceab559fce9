package robodog.sim.failure;

import java.util.Locale;
import robodog.core.JointKind;
import robodog.core.LegId;

/**
 * A leg breaking in the simulated world at a given time: the world changes (a servo, a link, a
 * switch), the controller is not told. Immutable; any thread.
 *
 * @param leg the leg that breaks
 * @param kind what breaks
 * @param joint the joint that sticks or goes limp ({@link Kind#STUCK}, {@link Kind#LIMP}); ignored
 *     by the other kinds
 * @param atS simulated time of the failure, s (from the start of the run)
 */
public record LegFailure(LegId leg, Kind kind, JointKind joint, double atS) {

  /** What breaks. */
  public enum Kind {
    /** The joint freezes at its angle at the failure: its servo holds it whatever the target. */
    STUCK("stuck"),
    /** The joint's servo gives no torque: only gear-train friction resists. */
    LIMP("limp"),
    /** The tibia snaps about halfway: the foot (and its contact switch) is gone, the leg short. */
    TIBIA_SHORT("tibia_short"),
    /** The foot contact switch reads open for ever; the leg itself is sound. */
    SWITCH_DEAD("switch_dead");

    private final String wireName;

    Kind(String wireName) {
      this.wireName = wireName;
    }

    /** The name used in scenario files and on the command line, e.g. {@code tibia_short}. */
    public String wireName() {
      return wireName;
    }

    /** True when the kind concerns one joint (so {@code joint} means something). */
    public boolean perJoint() {
      return this == STUCK || this == LIMP;
    }

    /**
     * Parses a wire name, case insensitive.
     *
     * @throws IllegalArgumentException naming the allowed values
     */
    public static Kind parse(String name) {
      for (Kind k : values()) {
        if (k.wireName.equalsIgnoreCase(name == null ? "" : name.trim())) {
          return k;
        }
      }
      throw new IllegalArgumentException(
          "unknown leg failure kind '" + name + "': expected one of " + allowedNames());
    }

    /** "stuck, limp, tibia_short, switch_dead", for messages. */
    public static String allowedNames() {
      StringBuilder sb = new StringBuilder();
      for (Kind k : values()) {
        sb.append(sb.length() > 0 ? ", " : "").append(k.wireName);
      }
      return sb.toString();
    }
  }

  public LegFailure {
    if (leg == null || kind == null || joint == null) {
      throw new IllegalArgumentException("leg failure: leg, kind and joint must be given");
    }
    if (!(atS >= 0) || Double.isInfinite(atS)) {
      throw new IllegalArgumentException("leg failure: at_s must be a finite time >= 0: " + atS);
    }
  }

  /** A short label, e.g. {@code lm femur stuck at 8.00 s} or {@code rf tibia_short at 5.0 s}. */
  public String label() {
    return leg.shortName()
        + (kind.perJoint() ? " " + joint.shortName() : "")
        + " "
        + kind.wireName()
        + String.format(Locale.ROOT, " at %.2f s", atS);
  }
}
