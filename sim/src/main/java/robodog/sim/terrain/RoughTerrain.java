package robodog.sim.terrain;

import java.util.Locale;
import java.util.SplittableRandom;
import org.ode4j.math.DMatrix3;
import org.ode4j.ode.DHeightfield;
import org.ode4j.ode.DHeightfieldData;
import org.ode4j.ode.DRotation;
import org.ode4j.ode.DSpace;
import org.ode4j.ode.OdeHelper;

/**
 * Seeded rough ground over a rectangle: smooth value noise (smoothstep-interpolated random heights
 * on a lattice of {@code featureM} spacing) sampled every {@code cellM} into an ODE heightfield.
 *
 * <p>ODE heightfields are y-up. {@link #build} is the one place in the simulator that converts: the
 * geom is rotated +90° about x, so heightfield-local x → world x, local y (height) → world z, local
 * z → world −y; the sample rows are flipped to match. {@link #heightAt} answers in world z-up and a
 * test checks it against what ODE collides with.
 *
 * <p>Immutable after construction; {@link #heightAt} is thread-safe.
 */
public final class RoughTerrain implements Terrain {
  private final double minX;
  private final double minY;
  private final double cell;
  private final double amplitude;
  private final double baseZ;
  private final Patch patch;
  private final int nx;
  private final int ny;
  private final double[] heights; // [iy * nx + ix], world z
  private final boolean flatStart;

  /**
   * @param minX west (−x) edge, m
   * @param minY south (−y) edge, m
   * @param lengthX extent along x, m
   * @param widthY extent along y, m
   * @param amplitudeM height from mean to highest peak, m
   * @param featureM lattice spacing of the noise (bump size), m
   * @param cellM heightfield sample spacing, m (≤ featureM / 2 keeps the bumps round)
   * @param baseZ mean height, m
   * @param seed noise seed
   * @param patch surface
   * @param flatStartX when true the ground is level at baseZ up to world x = 0.3 m and roughens
   *     over the next metre (a gentle entry for a robot starting at the origin)
   */
  public RoughTerrain(
      double minX,
      double minY,
      double lengthX,
      double widthY,
      double amplitudeM,
      double featureM,
      double cellM,
      double baseZ,
      long seed,
      Patch patch,
      boolean flatStartX) {
    if (!(cellM > 0 && featureM > 0 && lengthX > 2 * cellM && widthY > 2 * cellM)) {
      throw new IllegalArgumentException("rough terrain: bad size or cell");
    }
    this.minX = minX;
    this.minY = minY;
    this.amplitude = amplitudeM;
    this.baseZ = baseZ;
    this.patch = patch;
    this.flatStart = flatStartX;
    this.cell = cellM;
    this.nx = (int) Math.ceil(lengthX / cell) + 1;
    this.ny = (int) Math.ceil(widthY / cell) + 1;
    SplittableRandom r = new SplittableRandom(seed);
    int lx = (int) Math.ceil(nx * cell / featureM) + 2;
    int ly = (int) Math.ceil(ny * cell / featureM) + 2;
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
    // ODE's layout: row = local z index, column = local x index; local z grows toward world −y.
    double[] data = new double[nx * ny];
    for (int iz = 0; iz < ny; iz++) {
      int iy = ny - 1 - iz;
      System.arraycopy(heights, iy * nx, data, iz * nx, nx);
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
    // The geom's data is this terrain, not just the patch, so the contact code can replace ODE's
    // sphere-heightfield test (which misses ~0.7 % of sphere positions, near triangle edges, by
    // up to 3 cm) with the exact sphere-vs-tangent-plane contact from heightAt/normal.
    g.setData(this);
  }

  /** West (−x) edge, m. */
  public double minX() {
    return minX;
  }

  /** South (−y) edge, m. */
  public double minY() {
    return minY;
  }

  /** Sample spacing, m. */
  public double cell() {
    return cell;
  }

  /** Samples along x. */
  public int columns() {
    return nx;
  }

  /** Samples along y. */
  public int rows() {
    return ny;
  }

  /** Lowest possible surface height, m. */
  public double minHeight() {
    return baseZ - amplitude;
  }

  /** Highest possible surface height, m. */
  public double maxHeight() {
    return baseZ + amplitude;
  }

  /** The surface of this patch. */
  public Patch patch() {
    return patch;
  }

  /**
   * Upward unit normal of the ground at (x, y) (of the bilinear surface {@link #heightAt}
   * describes) into out3. Allocation-free; thread-safe.
   */
  public void normalAt(double x, double y, double[] out3) {
    double u = Math.max(0, Math.min(nx - 1.000001, (x - minX) / cell));
    double v = Math.max(0, Math.min(ny - 1.000001, (y - minY) / cell));
    int i = (int) u;
    int j = (int) v;
    double fu = u - i;
    double fv = v - j;
    double h00 = heights[j * nx + i];
    double h10 = heights[j * nx + i + 1];
    double h01 = heights[(j + 1) * nx + i];
    double h11 = heights[(j + 1) * nx + i + 1];
    double gx = ((h10 - h00) * (1 - fv) + (h11 - h01) * fv) / cell;
    double gy = ((h01 - h00) * (1 - fu) + (h11 - h10) * fu) / cell;
    double n = Math.sqrt(gx * gx + gy * gy + 1);
    out3[0] = -gx / n;
    out3[1] = -gy / n;
    out3[2] = 1 / n;
  }

  /**
   * The same ground as a grid of static boxes, one column per cell with its top at the mean of the
   * cell's four samples: the alternative to a heightfield, kept for the speed benchmark.
   */
  public BoxField asBoxes() {
    BoxField f = new BoxField("rough (boxes)", patch);
    double bottom = baseZ - amplitude - 0.05;
    for (int iy = 0; iy < ny - 1; iy++) {
      for (int ix = 0; ix < nx - 1; ix++) {
        double top =
            (heights[iy * nx + ix]
                    + heights[iy * nx + ix + 1]
                    + heights[(iy + 1) * nx + ix]
                    + heights[(iy + 1) * nx + ix + 1])
                / 4;
        f.add(
            new BoxField.Box(
                minX + (ix + 0.5) * cell,
                minY + (iy + 0.5) * cell,
                bottom,
                cell,
                cell,
                top - bottom,
                0));
      }
    }
    return f;
  }

  @Override
  public boolean covers(double x, double y) {
    return x >= minX && x <= minX + (nx - 1) * cell && y >= minY && y <= minY + (ny - 1) * cell;
  }

  @Override
  public double heightAt(double x, double y) {
    double u = Math.max(0, Math.min(nx - 1.000001, (x - minX) / cell));
    double v = Math.max(0, Math.min(ny - 1.000001, (y - minY) / cell));
    int i = (int) u;
    int j = (int) v;
    double fu = u - i;
    double fv = v - j;
    // Bilinear between samples: exact at the samples, within a millimetre of ODE's two triangles
    // per cell for these smooth bumps.
    double h00 = heights[j * nx + i];
    double h10 = heights[j * nx + i + 1];
    double h01 = heights[(j + 1) * nx + i];
    double h11 = heights[(j + 1) * nx + i + 1];
    return (h00 * (1 - fu) + h10 * fu) * (1 - fv) + (h01 * (1 - fu) + h11 * fu) * fv;
  }

  @Override
  public String describe() {
    return String.format(
        Locale.ROOT,
        "rough ground ±%.0f mm, %.0f mm cells%s, %s",
        amplitude * 1000,
        cell * 1000,
        flatStart ? " (smooth entry)" : "",
        patch.name());
  }
}
