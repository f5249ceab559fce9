package robodog.sim.terrain;

import java.util.SplittableRandom;
import org.ode4j.math.DMatrix3;
import org.ode4j.ode.DHeightfield;
import org.ode4j.ode.DHeightfieldData;
import org.ode4j.ode.DRotation;
import org.ode4j.ode.DSpace;
import org.ode4j.ode.OdeHelper;

/**
 * Seeded rough ground: smooth value noise (bilinear between random heights on a coarse lattice)
 * sampled into an ODE heightfield over a rectangle, on a plane at the lowest possible height.
 *
 * <p>ODE heightfields are y-up. This class is the one place that converts: the geom is rotated +90°
 * about x, so local x → world x, local y (height) → world z, local z → world −y.
 */
public final class RoughTerrain implements Terrain {
  private final double minX;
  private final double minY;
  private final double lengthX;
  private final double widthY;
  private final double cell;
  private final double amplitude;
  private final double baseZ;
  private final Patch patch;
  private final int nx;
  private final int ny;
  private final double[] heights; // [iy * nx + ix], world frame
  private final boolean flatStart;

  /**
   * @param minX west edge, m
   * @param minY south edge, m
   * @param lengthX extent along x, m
   * @param widthY extent along y, m
   * @param amplitudeM height from mean to peak, m
   * @param featureM lattice spacing of the noise (bump size), m
   * @param baseZ mean height, m
   * @param seed noise seed
   * @param flatStartX when true the ground is level at baseZ up to x = 0.3 m and roughens over the
   *     next metre (a gentle entry for a robot starting at the origin)
   */
  public RoughTerrain(
      double minX,
      double minY,
      double lengthX,
      double widthY,
      double amplitudeM,
      double featureM,
      double baseZ,
      long seed,
      Patch patch,
      boolean flatStartX) {
    this.minX = minX;
    this.minY = minY;
    this.lengthX = lengthX;
    this.widthY = widthY;
    this.amplitude = amplitudeM;
    this.baseZ = baseZ;
    this.patch = patch;
    this.flatStart = flatStartX;
    this.cell = Math.min(0.05, featureM / 3);
    this.nx = (int) Math.ceil(lengthX / cell) + 1;
    this.ny = (int) Math.ceil(widthY / cell) + 1;
    SplittableRandom r = new SplittableRandom(seed);
    int lx = (int) Math.ceil(lengthX / featureM) + 2;
    int ly = (int) Math.ceil(widthY / featureM) + 2;
    double[] lattice = new double[lx * ly];
    for (int i = 0; i < lattice.length; i++) {
      lattice[i] = amplitudeM * (2 * r.nextDouble() - 1);
    }
    heights = new double[nx * ny];
    for (int iy = 0; iy < ny; iy++) {
      for (int ix = 0; ix < nx; ix++) {
        double u = ix * cell / featureM;
        double v = iy * cell / featureM;
        int i0 = (int) u;
        int j0 = (int) v;
        double fu = smooth(u - i0);
        double fv = smooth(v - j0);
        double h00 = lattice[j0 * lx + i0];
        double h10 = lattice[j0 * lx + i0 + 1];
        double h01 = lattice[(j0 + 1) * lx + i0];
        double h11 = lattice[(j0 + 1) * lx + i0 + 1];
        double h = (h00 * (1 - fu) + h10 * fu) * (1 - fv) + (h01 * (1 - fu) + h11 * fu) * fv;
        // With a smooth entry the roughness grows over one metre from x = 0.3 m (world), so the
        // robot starts on level ground and meets the bumps walking.
        double x = minX + ix * cell;
        double ramp = flatStartX ? Math.max(0, Math.min(1, (x - 0.3) / 1.0)) : 1;
        heights[iy * nx + ix] = baseZ + ramp * h;
      }
    }
  }

  private static double smooth(double t) {
    return t * t * (3 - 2 * t);
  }

  @Override
  public void build(DSpace space) {
    // Height data in ODE's layout: row = local z index, column = local x index.
    double[] data = new double[nx * ny];
    for (int iz = 0; iz < ny; iz++) {
      int iy = ny - 1 - iz; // local z grows toward world -y
      for (int ix = 0; ix < nx; ix++) {
        data[iz * nx + ix] = heights[iy * nx + ix];
      }
    }
    double w = (nx - 1) * cell;
    double d = (ny - 1) * cell;
    DHeightfieldData hd = OdeHelper.createHeightfieldData();
    hd.build(data, true, w, d, nx, ny, 1.0, 0.0, 0.5, false);
    hd.setBounds(baseZ - amplitude - 0.01, baseZ + amplitude + 0.01);
    DHeightfield g = OdeHelper.createHeightfield(space, hd, true);
    DMatrix3 rot = new DMatrix3();
    DRotation.dRFromAxisAndAngle(rot, 1, 0, 0, Math.PI / 2);
    g.setRotation(rot);
    g.setPosition(minX + w / 2, minY + d / 2, 0);
    Geoms.terrain(g, patch);
  }

  /** True when (x, y) lies on the heightfield. */
  public boolean covers(double x, double y) {
    return x >= minX && x <= minX + lengthX && y >= minY && y <= minY + widthY;
  }

  @Override
  public double heightAt(double x, double y) {
    double u = Math.max(0, Math.min(nx - 1.000001, (x - minX) / cell));
    double v = Math.max(0, Math.min(ny - 1.000001, (y - minY) / cell));
    int i = (int) u;
    int j = (int) v;
    double fu = u - i;
    double fv = v - j;
    // The same triangle split as ODE's heightfield (diagonal from (i, j+1) to (i+1, j) in world
    // y, after the flip), approximated by bilinear: exact at samples, within mm between them.
    double h00 = heights[j * nx + i];
    double h10 = heights[j * nx + i + 1];
    double h01 = heights[(j + 1) * nx + i];
    double h11 = heights[(j + 1) * nx + i + 1];
    return (h00 * (1 - fu) + h10 * fu) * (1 - fv) + (h01 * (1 - fu) + h11 * fu) * fv;
  }

  @Override
  public String describe() {
    return String.format(
        java.util.Locale.ROOT,
        "rough ground ±%.0f mm%s, %s",
        amplitude * 1000,
        flatStart ? " (smooth entry)" : "",
        patch.name());
  }
}
