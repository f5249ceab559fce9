package robodog.sim.scenario;

import java.util.Set;
import robodog.core.JointKind;
import robodog.core.LegId;
import robodog.core.config.ConfigNode;
import robodog.sim.failure.LegFailure;

/**
 * Reads a scenario's {@code leg_failure} mapping: {@code { leg: lm, kind: stuck, joint: femur,
 * at_s: 8 }}. {@code joint} (coxa, femur or tibia; default femur) is only allowed for the kinds
 * that concern one joint (stuck, limp). Every error names the field and what was expected. Start-up
 * only.
 */
final class LegFailureSpec {
  private LegFailureSpec() {}

  /** The failure described under {@code leg_failure}, or null when the key is absent. */
  static LegFailure read(ConfigNode root, double durationS) {
    if (!root.has("leg_failure")) {
      return null;
    }
    ConfigNode n = root.child("leg_failure");
    n.rejectUnknown(Set.of("leg", "kind", "joint", "at_s"));
    LegId leg;
    try {
      leg = LegId.parse(n.requireString("leg"));
    } catch (IllegalArgumentException e) {
      throw n.error("leg", "a leg name, one of " + LegId.allowedNames());
    }
    LegFailure.Kind kind;
    try {
      kind = LegFailure.Kind.parse(n.requireString("kind"));
    } catch (IllegalArgumentException e) {
      throw n.error("kind", "one of " + LegFailure.Kind.allowedNames());
    }
    JointKind joint = JointKind.FEMUR;
    if (n.has("joint")) {
      if (!kind.perJoint()) {
        throw n.error("joint", "no joint for kind " + kind.wireName() + " (only stuck and limp)");
      }
      joint = joint(n);
    }
    double at = n.requireDouble("at_s", 0, durationS, "s within duration_s");
    return new LegFailure(leg, kind, joint, at);
  }

  private static JointKind joint(ConfigNode n) {
    String name = n.requireString("joint");
    for (JointKind k : JointKind.VALUES) {
      if (k.shortName().equalsIgnoreCase(name.trim())) {
        return k;
      }
    }
    throw n.error("joint", "one of coxa, femur, tibia");
  }
}
