package robodog.sim.camera;

import java.util.ArrayList;
import java.util.List;
import robodog.sim.terrain.BoxField;

/**
 * Ray casting of a {@link BoxField} (stairs, gravel stones, steps). A few boxes are tested one by
 * one; many small ones (gravel) are bucketed into a 2-D grid that the ray walks cell by cell (2-D
 * DDA) within the field's height range, stopping once a hit is nearer than the next cell. Thread-
 * safe after construction.
 */
final class BoxFieldPart implements TerrainTracer.Part {
  private static final int BRUTE_FORCE_MAX = 24;

  private final double[] box; // per box: cx, cy, cz, hx, hy, hz, cos, sin
  private final int count;
  private final Material material;
  private final boolean gridded;
  private double gx0;
  private double gy0;
  private double cell;
  private int gnx;
  private int gny;
  private int[][] cells;
  private double zLo = Double.POSITIVE_INFINITY;
  private double zHi = Double.NEGATIVE_INFINITY;

  BoxFieldPart(List<BoxField.Box> boxes, Material material) {
    this.material = material;
    count = boxes.size();
    box = new double[count * 8];
    double minX = Double.POSITIVE_INFINITY;
    double minY = Double.POSITIVE_INFINITY;
    double maxX = Double.NEGATIVE_INFINITY;
    double maxY = Double.NEGATIVE_INFINITY;
    double maxR = 0;
    for (int i = 0; i < count; i++) {
      BoxField.Box b = boxes.get(i);
      int k = i * 8;
      box[k] = b.cx();
      box[k + 1] = b.cy();
      box[k + 2] = b.bottom() + b.sz() / 2;
      box[k + 3] = b.sx() / 2;
      box[k + 4] = b.sy() / 2;
      box[k + 5] = b.sz() / 2;
      box[k + 6] = Math.cos(b.yaw());
      box[k + 7] = Math.sin(b.yaw());
      double r = Math.hypot(b.sx(), b.sy()) / 2;
      maxR = Math.max(maxR, r);
      minX = Math.min(minX, b.cx() - r);
      maxX = Math.max(maxX, b.cx() + r);
      minY = Math.min(minY, b.cy() - r);
      maxY = Math.max(maxY, b.cy() + r);
      zLo = Math.min(zLo, b.bottom());
      zHi = Math.max(zHi, b.bottom() + b.sz());
    }
    gridded = count > BRUTE_FORCE_MAX;
    if (gridded) {
      cell = Math.max(0.1, 2 * maxR);
      gx0 = minX;
      gy0 = minY;
      gnx = Math.max(1, (int) Math.ceil((maxX - minX) / cell));
      gny = Math.max(1, (int) Math.ceil((maxY - minY) / cell));
      List<List<Integer>> tmp = new ArrayList<>();
      for (int i = 0; i < gnx * gny; i++) {
        tmp.add(new ArrayList<>());
      }
      for (int i = 0; i < count; i++) {
        BoxField.Box b = boxes.get(i);
        double r = Math.hypot(b.sx(), b.sy()) / 2;
        int ix0 = clampX((int) Math.floor((b.cx() - r - gx0) / cell));
        int ix1 = clampX((int) Math.floor((b.cx() + r - gx0) / cell));
        int iy0 = clampY((int) Math.floor((b.cy() - r - gy0) / cell));
        int iy1 = clampY((int) Math.floor((b.cy() + r - gy0) / cell));
        for (int iy = iy0; iy <= iy1; iy++) {
          for (int ix = ix0; ix <= ix1; ix++) {
            tmp.get(iy * gnx + ix).add(i);
          }
        }
      }
      cells = new int[gnx * gny][];
      for (int c = 0; c < cells.length; c++) {
        List<Integer> l = tmp.get(c);
        cells[c] = new int[l.size()];
        for (int j = 0; j < l.size(); j++) {
          cells[c][j] = l.get(j);
        }
      }
    }
  }

  private int clampX(int i) {
    return Math.max(0, Math.min(gnx - 1, i));
  }

  private int clampY(int i) {
    return Math.max(0, Math.min(gny - 1, i));
  }

  private void test(
      int i, double ox, double oy, double oz, double dx, double dy, double dz, Hit hit) {
    int k = i * 8;
    Shapes.box(
        ox,
        oy,
        oz,
        dx,
        dy,
        dz,
        box[k],
        box[k + 1],
        box[k + 2],
        box[k + 3],
        box[k + 4],
        box[k + 5],
        box[k + 6],
        box[k + 7],
        material,
        null,
        hit);
  }

  @Override
  public void trace(double ox, double oy, double oz, double dx, double dy, double dz, Hit hit) {
    if (!gridded) {
      for (int i = 0; i < count; i++) {
        test(i, ox, oy, oz, dx, dy, dz, hit);
      }
      return;
    }
    // Clip the ray to the field's bounding box; walk the grid from there.
    double tIn = 0;
    double tOut = hit.t;
    double[] lo = {gx0, gy0, zLo - 1e-6};
    double[] hi = {gx0 + gnx * cell, gy0 + gny * cell, zHi + 1e-6};
    double[] o = {ox, oy, oz};
    double[] d = {dx, dy, dz};
    for (int k = 0; k < 3; k++) {
      if (Math.abs(d[k]) < 1e-12) {
        if (o[k] < lo[k] || o[k] > hi[k]) {
          return;
        }
      } else {
        double ta = (lo[k] - o[k]) / d[k];
        double tb = (hi[k] - o[k]) / d[k];
        tIn = Math.max(tIn, Math.min(ta, tb));
        tOut = Math.min(tOut, Math.max(ta, tb));
      }
    }
    if (tIn >= tOut) {
      return;
    }
    double px = ox + tIn * dx;
    double py = oy + tIn * dy;
    int ix = clampX((int) Math.floor((px - gx0) / cell));
    int iy = clampY((int) Math.floor((py - gy0) / cell));
    int stepX = dx > 0 ? 1 : -1;
    int stepY = dy > 0 ? 1 : -1;
    double tDeltaX = Math.abs(dx) > 1e-12 ? cell / Math.abs(dx) : Double.POSITIVE_INFINITY;
    double tDeltaY = Math.abs(dy) > 1e-12 ? cell / Math.abs(dy) : Double.POSITIVE_INFINITY;
    double nextX = gx0 + (ix + (dx > 0 ? 1 : 0)) * cell;
    double nextY = gy0 + (iy + (dy > 0 ? 1 : 0)) * cell;
    double tMaxX = Math.abs(dx) > 1e-12 ? (nextX - ox) / dx : Double.POSITIVE_INFINITY;
    double tMaxY = Math.abs(dy) > 1e-12 ? (nextY - oy) / dy : Double.POSITIVE_INFINITY;
    while (true) {
      int[] list = cells[iy * gnx + ix];
      for (int j = 0; j < list.length; j++) {
        test(list[j], ox, oy, oz, dx, dy, dz, hit);
      }
      double tExit = Math.min(tMaxX, tMaxY);
      if (hit.t <= tExit || tExit >= tOut) {
        return;
      }
      if (tMaxX < tMaxY) {
        ix += stepX;
        tMaxX += tDeltaX;
        if (ix < 0 || ix >= gnx) {
          return;
        }
      } else {
        iy += stepY;
        tMaxY += tDeltaY;
        if (iy < 0 || iy >= gny) {
          return;
        }
      }
    }
  }
}
