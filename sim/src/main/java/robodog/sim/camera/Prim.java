package robodog.sim.camera;

/**
 * One renderable primitive of a scene object at one instant: a yawed box or a capsule, with a
 * bounding sphere for a cheap reject. Immutable; any thread.
 */
final class Prim {
  private final boolean isBox;
  private final double a0;
  private final double a1;
  private final double a2;
  private final double b0;
  private final double b1;
  private final double b2;
  private final double r;
  private final double cos;
  private final double sin;
  private final Material material;
  private final Material front;
  final double bx;
  final double by;
  final double bz;
  final double bradius;

  private Prim(
      boolean isBox,
      double a0,
      double a1,
      double a2,
      double b0,
      double b1,
      double b2,
      double r,
      double yaw,
      Material material,
      Material front) {
    this.isBox = isBox;
    this.a0 = a0;
    this.a1 = a1;
    this.a2 = a2;
    this.b0 = b0;
    this.b1 = b1;
    this.b2 = b2;
    this.r = r;
    this.cos = Math.cos(yaw);
    this.sin = Math.sin(yaw);
    this.material = material;
    this.front = front;
    if (isBox) {
      bx = a0;
      by = a1;
      bz = a2;
      bradius = Math.sqrt(b0 * b0 + b1 * b1 + b2 * b2) + 1e-6;
    } else {
      bx = (a0 + b0) / 2;
      by = (a1 + b1) / 2;
      bz = (a2 + b2) / 2;
      double hx = (b0 - a0) / 2;
      double hy = (b1 - a1) / 2;
      double hz = (b2 - a2) / 2;
      bradius = Math.sqrt(hx * hx + hy * hy + hz * hz) + r + 1e-6;
    }
  }

  /**
   * A box: centre (m), full sizes along its own x, y, z (m), yaw about z (rad). {@code front}
   * (nullable) is drawn on the +x face with plate coordinates (see {@link Shapes#box}).
   */
  static Prim box(
      double cx,
      double cy,
      double cz,
      double sx,
      double sy,
      double sz,
      double yaw,
      Material m,
      Material front) {
    return new Prim(true, cx, cy, cz, sx / 2, sy / 2, sz / 2, 0, yaw, m, front);
  }

  /** A capsule from a to b (m) of radius r (m). */
  static Prim capsule(
      double ax, double ay, double az, double bx, double by, double bz, double r, Material m) {
    return new Prim(false, ax, ay, az, bx, by, bz, r, 0, m, null);
  }

  /** Updates hit if this primitive is nearer along the unit ray. */
  boolean intersect(double ox, double oy, double oz, double dx, double dy, double dz, Hit hit) {
    if (!Shapes.nearSphere(ox, oy, oz, dx, dy, dz, bx, by, bz, bradius, hit.t)) {
      return false;
    }
    if (isBox) {
      return Shapes.box(
          ox, oy, oz, dx, dy, dz, a0, a1, a2, b0, b1, b2, cos, sin, material, front, hit);
    }
    return Shapes.capsule(ox, oy, oz, dx, dy, dz, a0, a1, a2, b0, b1, b2, r, material, hit);
  }
}
