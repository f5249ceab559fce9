package robodog.sim.terrain;

/**
 * Surface properties of a piece of ground, attached to its geoms (ODE geom data), so a contact
 * takes its friction from what the foot actually touches.
 *
 * @param name for reports ("asphalt", "ice", ...)
 * @param friction Coulomb friction coefficient of rubber feet on it
 * @param softness contact CFM; 0 = rigid, larger = softer (mud)
 */
public record Patch(String name, double friction, double softness) {
  /** Rubber on dry pavement or packed earth. */
  public static final Patch GROUND = new Patch("ground", 0.9, 0);
}
