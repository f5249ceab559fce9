package robodog.sim.terrain;

import java.util.Locale;
import org.ode4j.ode.DSpace;
import org.ode4j.ode.OdeHelper;

/** An infinite plane rising along +x at a fixed angle through the origin: z = x tan(angle). */
public final class SlopeTerrain implements Terrain {
  private final double angle;
  private final Patch patch;

  /**
   * @param angleRad incline, rad (positive = uphill toward +x), |angle| < 90°
   */
  public SlopeTerrain(double angleRad, Patch patch) {
    if (!(Math.abs(angleRad) < Math.PI / 2)) {
      throw new IllegalArgumentException("slope angle must be within ±90°: " + angleRad);
    }
    this.angle = angleRad;
    this.patch = patch;
  }

  @Override
  public void build(DSpace space) {
    // Plane n·p = 0 with the unit normal tilted back from +z.
    Geoms.terrain(OdeHelper.createPlane(space, -Math.sin(angle), 0, Math.cos(angle), 0), patch);
  }

  /** Incline, rad. */
  public double angle() {
    return angle;
  }

  /** The surface. */
  public Patch patch() {
    return patch;
  }

  @Override
  public double heightAt(double x, double y) {
    return x * Math.tan(angle);
  }

  @Override
  public String describe() {
    return String.format(Locale.ROOT, "slope %.1f deg, %s", Math.toDegrees(angle), patch.name());
  }
}
