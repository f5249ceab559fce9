package robodog.sim.terrain;

import java.util.Locale;
import org.ode4j.math.DMatrix3;
import org.ode4j.ode.DBox;
import org.ode4j.ode.DRotation;
import org.ode4j.ode.DSpace;
import org.ode4j.ode.OdeHelper;

/**
 * A finite incline: a plane surface from (x0, z0) to (x1, z1) across |y − cy| ≤ width / 2, built as
 * a 5 cm thick box pitched about y whose top face is that surface. The box's lower edges reach
 * {@code 5 cm · sin(angle)} (≤ 2.5 cm at 30°) past the ends below the surface, under the level
 * ground that continues there. Immutable; {@link #heightAt} is thread-safe.
 */
public final class RampTerrain implements Terrain {
  private static final double THICKNESS_M = 0.05;

  private final double x0;
  private final double z0;
  private final double x1;
  private final double z1;
  private final double cy;
  private final double width;
  private final Patch patch;

  /**
   * @param x0 start, m (x0 &lt; x1)
   * @param z0 surface height at x0, m
   * @param x1 end, m
   * @param z1 surface height at x1, m
   * @param cy centre line, m
   * @param widthM extent across y, m
   */
  public RampTerrain(
      double x0, double z0, double x1, double z1, double cy, double widthM, Patch patch) {
    if (!(x1 > x0) || !(widthM > 0)) {
      throw new IllegalArgumentException("ramp: need x1 > x0 and a positive width");
    }
    this.x0 = x0;
    this.z0 = z0;
    this.x1 = x1;
    this.z1 = z1;
    this.cy = cy;
    this.width = widthM;
    this.patch = patch;
  }

  /** Incline, rad (positive rises along +x). */
  public double angle() {
    return Math.atan2(z1 - z0, x1 - x0);
  }

  /** The surface. */
  public Patch patch() {
    return patch;
  }

  /** Start x, m. */
  public double x0() {
    return x0;
  }

  /** End x, m. */
  public double x1() {
    return x1;
  }

  /** Surface height at the start, m. */
  public double z0() {
    return z0;
  }

  /** Centre line y, m. */
  public double cy() {
    return cy;
  }

  /** Extent across y, m. */
  public double width() {
    return width;
  }

  @Override
  public void build(DSpace space) {
    double a = angle();
    double len = Math.hypot(x1 - x0, z1 - z0);
    DBox g = OdeHelper.createBox(space, len, width, THICKNESS_M);
    // Top-face centre minus half the thickness along the surface normal (−sin a, 0, cos a).
    double mx = (x0 + x1) / 2 + Math.sin(a) * THICKNESS_M / 2;
    double mz = (z0 + z1) / 2 - Math.cos(a) * THICKNESS_M / 2;
    g.setPosition(mx, cy, mz);
    DMatrix3 rot = new DMatrix3();
    // A rotation of −a about +y turns the box's +x toward +z by a.
    DRotation.dRFromAxisAndAngle(rot, 0, 1, 0, -a);
    g.setRotation(rot);
    Geoms.terrain(g, patch);
  }

  @Override
  public boolean covers(double x, double y) {
    return x >= x0 && x <= x1 && Math.abs(y - cy) <= width / 2;
  }

  @Override
  public double heightAt(double x, double y) {
    if (!covers(x, y)) {
      return Double.NEGATIVE_INFINITY;
    }
    return z0 + (z1 - z0) * (x - x0) / (x1 - x0);
  }

  @Override
  public String describe() {
    return String.format(
        Locale.ROOT,
        "ramp %.1f deg, x %.2f-%.2f m, %s",
        Math.toDegrees(angle()),
        x0,
        x1,
        patch.name());
  }
}
