package robodog.sim.camera;

import java.util.List;

/**
 * One scene object's primitives under one bounding sphere, plus the pixel rectangle that sphere
 * covers in the current frame, so a primary ray tests only objects whose rectangle holds its pixel
 * and a shadow ray only objects whose sphere it passes. Built per frame by the rendering thread.
 */
final class PrimGroup {
  final Prim[] prims;
  final double cx;
  final double cy;
  final double cz;
  final double radius;
  int u0;
  int u1;
  int v0;
  int v1;

  PrimGroup(List<Prim> parts) {
    prims = parts.toArray(new Prim[0]);
    double lx = Double.POSITIVE_INFINITY;
    double ly = Double.POSITIVE_INFINITY;
    double lz = Double.POSITIVE_INFINITY;
    double hx = Double.NEGATIVE_INFINITY;
    double hy = Double.NEGATIVE_INFINITY;
    double hz = Double.NEGATIVE_INFINITY;
    for (Prim p : prims) {
      lx = Math.min(lx, p.bx - p.bradius);
      ly = Math.min(ly, p.by - p.bradius);
      lz = Math.min(lz, p.bz - p.bradius);
      hx = Math.max(hx, p.bx + p.bradius);
      hy = Math.max(hy, p.by + p.bradius);
      hz = Math.max(hz, p.bz + p.bradius);
    }
    cx = (lx + hx) / 2;
    cy = (ly + hy) / 2;
    cz = (lz + hz) / 2;
    radius = Math.sqrt((hx - lx) * (hx - lx) + (hy - ly) * (hy - ly) + (hz - lz) * (hz - lz)) / 2;
  }

  /** Nearest primitive along the unit ray, if nearer than hit.t; true if any was hit. */
  boolean intersect(double ox, double oy, double oz, double dx, double dy, double dz, Hit hit) {
    if (!Shapes.nearSphere(ox, oy, oz, dx, dy, dz, cx, cy, cz, radius, hit.t)) {
      return false;
    }
    boolean any = false;
    for (int i = 0; i < prims.length; i++) {
      any |= prims[i].intersect(ox, oy, oz, dx, dy, dz, hit);
    }
    return any;
  }

  /**
   * Sets the pixel rectangle of the bounding sphere for a camera at pos with rotation rot (world ←
   * camera body) and pinhole (fx, fy, cx, cy), image w × h; the whole image if the sphere reaches
   * behind the camera.
   */
  void project(
      double[] pos, double[] rot, double fx, double fy, double pcx, double pcy, int w, int h) {
    double minU = Double.POSITIVE_INFINITY;
    double maxU = Double.NEGATIVE_INFINITY;
    double minV = Double.POSITIVE_INFINITY;
    double maxV = Double.NEGATIVE_INFINITY;
    for (int k = 0; k < 8; k++) {
      double wx = cx + ((k & 1) == 0 ? -radius : radius) - pos[0];
      double wy = cy + ((k & 2) == 0 ? -radius : radius) - pos[1];
      double wz = cz + ((k & 4) == 0 ? -radius : radius) - pos[2];
      // Camera body coordinates = rotᵀ · (p − pos).
      double bx = rot[0] * wx + rot[3] * wy + rot[6] * wz;
      double by = rot[1] * wx + rot[4] * wy + rot[7] * wz;
      double bz = rot[2] * wx + rot[5] * wy + rot[8] * wz;
      if (bx < 0.02) {
        u0 = 0;
        u1 = w - 1;
        v0 = 0;
        v1 = h - 1;
        return;
      }
      double u = pcx - fx * by / bx;
      double v = pcy - fy * bz / bx;
      minU = Math.min(minU, u);
      maxU = Math.max(maxU, u);
      minV = Math.min(minV, v);
      maxV = Math.max(maxV, v);
    }
    u0 = (int) Math.max(0, Math.floor(minU) - 1);
    u1 = (int) Math.min(w - 1, Math.ceil(maxU) + 1);
    v0 = (int) Math.max(0, Math.floor(minV) - 1);
    v1 = (int) Math.min(h - 1, Math.ceil(maxV) + 1);
  }
}
