package robodog.sim.camera;

import robodog.sim.terrain.RoughTerrain;

/**
 * Ray casting of a {@link RoughTerrain}: the ray is clipped to the heightfield's box (x, y extent
 * and z range), then walks blocks of 8 × 8 cells, skipping every block it crosses entirely above
 * that block's highest sample; inside other blocks it is marched in steps of half a cell of
 * horizontal travel and the first crossing is refined by bisection to 0.1 mm on the same bilinear
 * surface {@link RoughTerrain#heightAt} describes. Thread-safe.
 */
final class HeightfieldPart implements TerrainTracer.Part {
  private static final int B = 8;

  private final RoughTerrain terrain;
  private final Material material;
  private final double x0;
  private final double y0;
  private final double x1;
  private final double y1;
  private final double z0;
  private final double z1;
  private final double halfCell;
  private final double blockM;
  private final int bnx;
  private final int bny;
  private final double[] blockMax;
  private final double maxSlope;

  HeightfieldPart(RoughTerrain terrain, Material material) {
    this.terrain = terrain;
    this.material = material;
    double cell = terrain.cell();
    x0 = terrain.minX();
    y0 = terrain.minY();
    x1 = x0 + (terrain.columns() - 1) * cell;
    y1 = y0 + (terrain.rows() - 1) * cell;
    z0 = terrain.minHeight() - 1e-4;
    z1 = terrain.maxHeight() + 1e-4;
    halfCell = cell / 2;
    blockM = B * cell;
    bnx = (terrain.columns() - 2) / B + 1;
    bny = (terrain.rows() - 2) / B + 1;
    blockMax = new double[bnx * bny];
    java.util.Arrays.fill(blockMax, Double.NEGATIVE_INFINITY);
    double slope = 0;
    for (int iy = 0; iy < terrain.rows(); iy++) {
      for (int ix = 0; ix + 1 < terrain.columns(); ix++) {
        double a = terrain.heightAt(x0 + ix * cell, y0 + iy * cell);
        slope =
            Math.max(slope, Math.abs(terrain.heightAt(x0 + (ix + 1) * cell, y0 + iy * cell) - a));
        if (iy + 1 < terrain.rows()) {
          slope =
              Math.max(slope, Math.abs(terrain.heightAt(x0 + ix * cell, y0 + (iy + 1) * cell) - a));
        }
      }
    }
    // The bilinear surface's gradient is at most the steepest sample difference per cell along
    // each axis, so |grad| <= sqrt(2) times that.
    maxSlope = Math.sqrt(2) * slope / cell + 1e-9;
    for (int iy = 0; iy < terrain.rows(); iy++) {
      for (int ix = 0; ix < terrain.columns(); ix++) {
        double hgt = terrain.heightAt(x0 + ix * cell, y0 + iy * cell);
        // A sample on a block edge belongs to the blocks on both sides.
        for (int by = Math.max(0, (iy - 1) / B); by <= Math.min(bny - 1, iy / B); by++) {
          for (int bx = Math.max(0, (ix - 1) / B); bx <= Math.min(bnx - 1, ix / B); bx++) {
            blockMax[by * bnx + bx] = Math.max(blockMax[by * bnx + bx], hgt + 1e-4);
          }
        }
      }
    }
  }

  @Override
  public void trace(double ox, double oy, double oz, double dx, double dy, double dz, Hit hit) {
    double tIn = 0;
    double tOut = hit.t;
    // Clip to the slabs x, y, z.
    if (Math.abs(dx) < 1e-12) {
      if (ox < x0 || ox > x1) {
        return;
      }
    } else {
      double ta = (x0 - ox) / dx;
      double tb = (x1 - ox) / dx;
      tIn = Math.max(tIn, Math.min(ta, tb));
      tOut = Math.min(tOut, Math.max(ta, tb));
    }
    if (Math.abs(dy) < 1e-12) {
      if (oy < y0 || oy > y1) {
        return;
      }
    } else {
      double ta = (y0 - oy) / dy;
      double tb = (y1 - oy) / dy;
      tIn = Math.max(tIn, Math.min(ta, tb));
      tOut = Math.min(tOut, Math.max(ta, tb));
    }
    if (Math.abs(dz) < 1e-12) {
      if (oz < z0 || oz > z1) {
        return;
      }
    } else {
      double ta = (z0 - oz) / dz;
      double tb = (z1 - oz) / dz;
      tIn = Math.max(tIn, Math.min(ta, tb));
      tOut = Math.min(tOut, Math.max(ta, tb));
    }
    if (tIn >= tOut) {
      return;
    }
    if (f(ox, oy, oz, dx, dy, dz, tIn) < 0) {
      return; // starts under the surface (camera in the ground): nothing sensible to draw
    }
    double horiz = Math.sqrt(dx * dx + dy * dy);
    double step = horiz > 1e-9 ? halfCell / horiz : tOut - tIn;
    double prevT = tIn; // always a point known to be above the surface
    double t = tIn;
    while (t < tOut) {
      double x = ox + t * dx;
      double y = oy + t * dy;
      int bx = Math.max(0, Math.min(bnx - 1, (int) ((x - x0) / blockM)));
      int by = Math.max(0, Math.min(bny - 1, (int) ((y - y0) / blockM)));
      double tEnd = tOut;
      if (dx > 1e-12) {
        tEnd = Math.min(tEnd, (x0 + (bx + 1) * blockM - ox) / dx);
      } else if (dx < -1e-12) {
        tEnd = Math.min(tEnd, (x0 + bx * blockM - ox) / dx);
      }
      if (dy > 1e-12) {
        tEnd = Math.min(tEnd, (y0 + (by + 1) * blockM - oy) / dy);
      } else if (dy < -1e-12) {
        tEnd = Math.min(tEnd, (y0 + by * blockM - oy) / dy);
      }
      tEnd = Math.max(tEnd, t + 1e-7);
      double top = blockMax[by * bnx + bx];
      if (Math.min(oz + t * dz, oz + tEnd * dz) > top) {
        prevT = tEnd;
        t = tEnd;
        continue;
      }
      // Lipschitz march: while the ray is h above the ground, the gap cannot close within
      // h / (descent rate + max slope × horizontal rate), so far above the bumps the steps are
      // long; near them they fall to the half-cell step that brackets a crossing.
      double closing = Math.max(0, -dz) + maxSlope * horiz;
      double fPrev = f(ox, oy, oz, dx, dy, dz, prevT);
      for (double s = prevT; ; ) {
        double safe = closing > 0 ? fPrev / closing : Double.POSITIVE_INFINITY;
        s = Math.min(s + Math.max(step, safe), tEnd);
        double fs = f(ox, oy, oz, dx, dy, dz, s);
        if (fs < 0) {
          refine(ox, oy, oz, dx, dy, dz, prevT, s, hit);
          return;
        }
        prevT = s;
        fPrev = fs;
        if (s >= tEnd) {
          break;
        }
      }
      t = tEnd;
    }
  }

  private void refine(
      double ox,
      double oy,
      double oz,
      double dx,
      double dy,
      double dz,
      double a,
      double b,
      Hit hit) {
    while (b - a > 1e-4) {
      double mid = 0.5 * (a + b);
      if (f(ox, oy, oz, dx, dy, dz, mid) < 0) {
        b = mid;
      } else {
        a = mid;
      }
    }
    if (b <= Shapes.EPS || b >= hit.t) {
      return;
    }
    double x = ox + b * dx;
    double y = oy + b * dy;
    // Normal from the bilinear surface's gradient (central differences, a tenth of a cell).
    double e = halfCell / 5;
    double gx = (terrain.heightAt(x + e, y) - terrain.heightAt(x - e, y)) / (2 * e);
    double gy = (terrain.heightAt(x, y + e) - terrain.heightAt(x, y - e)) / (2 * e);
    double n = Math.sqrt(gx * gx + gy * gy + 1);
    hit.t = b;
    hit.nx = -gx / n;
    hit.ny = -gy / n;
    hit.nz = 1 / n;
    hit.u = x;
    hit.v = y;
    hit.material = material;
  }

  private double f(double ox, double oy, double oz, double dx, double dy, double dz, double t) {
    return oz + t * dz - terrain.heightAt(ox + t * dx, oy + t * dy);
  }
}
