package robodog.sim.terrain;

/**
 * Surface properties of a piece of ground, attached to its geoms (ODE geom data), so a contact
 * takes its friction and compliance from what the robot actually touches. Immutable; any thread.
 *
 * @param name for reports ("pavement", "ice", ...)
 * @param friction Coulomb friction coefficient of rubber feet on it, >= 0
 * @param stiffnessNPerM contact spring stiffness per contact point, N/m; {@code 0} = rigid (ODE's
 *     hard contact with the world ERP/CFM)
 * @param dampingNsPerM contact damping per contact point, N·s/m (used only when stiffness > 0)
 */
public record Patch(String name, double friction, double stiffnessNPerM, double dampingNsPerM) {
  /** Rubber on dry pavement or packed earth. */
  public static final Patch GROUND = rigid("ground", 0.9);

  public Patch {
    if (!(friction >= 0) || !(stiffnessNPerM >= 0) || !(dampingNsPerM >= 0)) {
      throw new IllegalArgumentException(
          "patch " + name + ": friction, stiffness and damping must be >= 0");
    }
  }

  /** A rigid surface with the given friction coefficient. */
  public static Patch rigid(String name, double friction) {
    return new Patch(name, friction, 0, 0);
  }

  /** True when contacts on this patch are compliant (spring-damper) rather than rigid. */
  public boolean soft() {
    return stiffnessNPerM > 0;
  }
}
