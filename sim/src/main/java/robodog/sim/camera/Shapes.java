package robodog.sim.camera;

/**
 * Ray intersection with the primitives the scene is made of. The ray is o + t·d with d a unit
 * vector; each test updates {@code hit} only when it finds a surface nearer than {@code hit.t} (and
 * beyond a small epsilon), and returns whether it did. Static, allocation-free, any thread.
 */
final class Shapes {
  static final double EPS = 1e-6;

  private Shapes() {}

  /**
   * A box yawed about z: centre (cx, cy, cz), half sizes (hx, hy, hz) along its own axes, yaw rad.
   * Texture coordinates: world (x, y) on top and bottom faces, (horizontal along the face, z) on
   * the sides; a +x face hit with {@code front != null} uses {@code front} and plate coordinates
   * (local y, z) divided by the face size, each in [-0.5, 0.5] (u to the viewer's right, v up).
   */
  static boolean box(
      double ox,
      double oy,
      double oz,
      double dx,
      double dy,
      double dz,
      double cx,
      double cy,
      double cz,
      double hx,
      double hy,
      double hz,
      double cosYaw,
      double sinYaw,
      Material side,
      Material front,
      Hit hit) {
    double px = ox - cx;
    double py = oy - cy;
    double lx = cosYaw * px + sinYaw * py;
    double ly = -sinYaw * px + cosYaw * py;
    double lz = oz - cz;
    double ex = cosYaw * dx + sinYaw * dy;
    double ey = -sinYaw * dx + cosYaw * dy;
    double tNear = Double.NEGATIVE_INFINITY;
    double tFar = Double.POSITIVE_INFINITY;
    int axis = -1;
    double sign = 0;
    // x slab
    if (Math.abs(ex) < 1e-12) {
      if (Math.abs(lx) > hx) {
        return false;
      }
    } else {
      double inv = 1 / ex;
      double t0 = (-hx - lx) * inv;
      double t1 = (hx - lx) * inv;
      if (t0 > t1) {
        double s = t0;
        t0 = t1;
        t1 = s;
      }
      if (t0 > tNear) {
        tNear = t0;
        axis = 0;
        sign = ex > 0 ? -1 : 1;
      }
      tFar = Math.min(tFar, t1);
    }
    if (Math.abs(ey) < 1e-12) {
      if (Math.abs(ly) > hy) {
        return false;
      }
    } else {
      double inv = 1 / ey;
      double t0 = (-hy - ly) * inv;
      double t1 = (hy - ly) * inv;
      if (t0 > t1) {
        double s = t0;
        t0 = t1;
        t1 = s;
      }
      if (t0 > tNear) {
        tNear = t0;
        axis = 1;
        sign = ey > 0 ? -1 : 1;
      }
      tFar = Math.min(tFar, t1);
    }
    if (Math.abs(dz) < 1e-12) {
      if (Math.abs(lz) > hz) {
        return false;
      }
    } else {
      double inv = 1 / dz;
      double t0 = (-hz - lz) * inv;
      double t1 = (hz - lz) * inv;
      if (t0 > t1) {
        double s = t0;
        t0 = t1;
        t1 = s;
      }
      if (t0 > tNear) {
        tNear = t0;
        axis = 2;
        sign = dz > 0 ? -1 : 1;
      }
      tFar = Math.min(tFar, t1);
    }
    if (tNear > tFar || tNear <= EPS || tNear >= hit.t || axis < 0) {
      return false;
    }
    hit.t = tNear;
    double wx = ox + tNear * dx;
    double wy = oy + tNear * dy;
    double wz = oz + tNear * dz;
    if (axis == 2) {
      hit.nx = 0;
      hit.ny = 0;
      hit.nz = sign;
      hit.u = wx;
      hit.v = wy;
      hit.material = side;
    } else if (axis == 0) {
      hit.nx = sign * cosYaw;
      hit.ny = sign * sinYaw;
      hit.nz = 0;
      if (front != null && sign > 0) {
        double qy = ly + tNear * ey;
        hit.u = qy / (2 * hy); // seen from the front (looking along -x), +y is to the right
        hit.v = (lz + tNear * dz) / (2 * hz);
        hit.material = front;
      } else {
        hit.u = -sinYaw * wx + cosYaw * wy;
        hit.v = wz;
        hit.material = side;
      }
    } else {
      hit.nx = -sign * sinYaw;
      hit.ny = sign * cosYaw;
      hit.nz = 0;
      hit.u = cosYaw * wx + sinYaw * wy;
      hit.v = wz;
      hit.material = side;
    }
    return true;
  }

  /**
   * A capsule: segment a→b, radius r (a sphere when a == b). Texture coordinates: (along, angle·r).
   */
  static boolean capsule(
      double ox,
      double oy,
      double oz,
      double dx,
      double dy,
      double dz,
      double ax,
      double ay,
      double az,
      double bx,
      double by,
      double bz,
      double r,
      Material m,
      Hit hit) {
    double bax = bx - ax;
    double bay = by - ay;
    double baz = bz - az;
    double oax = ox - ax;
    double oay = oy - ay;
    double oaz = oz - az;
    double baba = bax * bax + bay * bay + baz * baz;
    double bard = bax * dx + bay * dy + baz * dz;
    double baoa = bax * oax + bay * oay + baz * oaz;
    double rdoa = dx * oax + dy * oay + dz * oaz;
    double oaoa = oax * oax + oay * oay + oaz * oaz;
    double a = baba - bard * bard;
    double b = baba * rdoa - baoa * bard;
    double c = baba * oaoa - baoa * baoa - r * r * baba;
    double t = Double.NaN;
    if (baba > 1e-12) {
      double h = b * b - a * c;
      if (h >= 0 && a > 1e-12) {
        double tc = (-b - Math.sqrt(h)) / a;
        double y = baoa + tc * bard;
        if (y > 0 && y < baba) {
          t = tc;
        }
      }
    }
    if (Double.isNaN(t)) {
      // End caps: spheres at a and b.
      double best = Double.POSITIVE_INFINITY;
      for (int end = 0; end < 2; end++) {
        double cx = end == 0 ? oax : ox - bx;
        double cy = end == 0 ? oay : oy - by;
        double cz = end == 0 ? oaz : oz - bz;
        double bb = dx * cx + dy * cy + dz * cz;
        double cc = cx * cx + cy * cy + cz * cz - r * r;
        double hh = bb * bb - cc;
        if (hh >= 0) {
          double ts = -bb - Math.sqrt(hh);
          if (ts > EPS && ts < best) {
            best = ts;
          }
        }
      }
      if (best == Double.POSITIVE_INFINITY) {
        return false;
      }
      t = best;
    }
    if (t <= EPS || t >= hit.t) {
      return false;
    }
    double px = ox + t * dx;
    double py = oy + t * dy;
    double pz = oz + t * dz;
    double s = baba > 1e-12 ? ((px - ax) * bax + (py - ay) * bay + (pz - az) * baz) / baba : 0;
    s = s < 0 ? 0 : (s > 1 ? 1 : s);
    double nx = px - (ax + s * bax);
    double ny = py - (ay + s * bay);
    double nz = pz - (az + s * baz);
    double inv = 1 / Math.sqrt(nx * nx + ny * ny + nz * nz + 1e-30);
    hit.t = t;
    hit.nx = nx * inv;
    hit.ny = ny * inv;
    hit.nz = nz * inv;
    hit.u = s * Math.sqrt(baba);
    hit.v = Math.atan2(hit.ny, hit.nx) * r;
    hit.material = m;
    return true;
  }

  /** True if the ray comes within {@code radius} of the point (cheap bounding-sphere reject). */
  static boolean nearSphere(
      double ox,
      double oy,
      double oz,
      double dx,
      double dy,
      double dz,
      double cx,
      double cy,
      double cz,
      double radius,
      double tMax) {
    double px = cx - ox;
    double py = cy - oy;
    double pz = cz - oz;
    double tc = px * dx + py * dy + pz * dz;
    double d2 = px * px + py * py + pz * pz;
    if (tc < -radius) {
      return d2 <= radius * radius;
    }
    if (tc - radius > tMax) {
      return false;
    }
    return d2 - tc * tc <= radius * radius;
  }
}
