package robodog.perception;

import java.util.ArrayList;
import java.util.List;
import robodog.core.camera.CameraFrame;
import robodog.core.camera.CameraIntrinsics;
import robodog.core.camera.CameraMount;

/**
 * A tiny analytic ray caster for tests, independent of the simulator: level ground, axis-aligned
 * boxes and upright cylinders in base_link, seen by a camera on a {@link CameraMount}.
 */
public final class DepthScene {
  private final double groundZ;
  private final List<double[]> boxes = new ArrayList<>();
  private final List<double[]> cylinders = new ArrayList<>();

  public DepthScene(double groundZ) {
    this.groundZ = groundZ;
  }

  /** Box from (x0, y0, ground) to (x1, y1, ground + h). */
  public DepthScene box(double x0, double y0, double x1, double y1, double h) {
    boxes.add(new double[] {x0, y0, groundZ, x1, y1, groundZ + h});
    return this;
  }

  /** Upright cylinder centred at (x, y) on the ground. */
  public DepthScene cylinder(double x, double y, double r, double h) {
    cylinders.add(new double[] {x, y, r, groundZ + h});
    return this;
  }

  public CameraFrame render(CameraIntrinsics k, CameraMount mount) {
    CameraFrame f = new CameraFrame(k, true);
    double[] r = new double[9];
    mount.opticalRotation(r);
    double[] o = {mount.x(), mount.y(), mount.z()};
    for (int j = 0; j < k.height(); j++) {
      for (int i = 0; i < k.width(); i++) {
        double xo = (i + 0.5 - k.cx()) / k.fx();
        double yo = (j + 0.5 - k.cy()) / k.fy();
        double[] d = {
          r[0] * xo + r[1] * yo + r[2], r[3] * xo + r[4] * yo + r[5], r[6] * xo + r[7] * yo + r[8]
        };
        double t = d[2] < 0 ? (groundZ - o[2]) / d[2] : Double.POSITIVE_INFINITY;
        for (double[] b : boxes) {
          t = Math.min(t, slab(o, d, b));
        }
        for (double[] c : cylinders) {
          t = Math.min(t, cyl(o, d, c));
        }
        f.depth[j * k.width() + i] = t < 40 ? (float) t : Float.NaN;
      }
    }
    return f;
  }

  private static double slab(double[] o, double[] d, double[] b) {
    double t0 = 0;
    double t1 = Double.POSITIVE_INFINITY;
    for (int a = 0; a < 3; a++) {
      double inv = 1 / d[a];
      double ta = (b[a] - o[a]) * inv;
      double tb = (b[a + 3] - o[a]) * inv;
      t0 = Math.max(t0, Math.min(ta, tb));
      t1 = Math.min(t1, Math.max(ta, tb));
    }
    return t0 <= t1 ? t0 : Double.POSITIVE_INFINITY;
  }

  private double cyl(double[] o, double[] d, double[] c) {
    double ox = o[0] - c[0];
    double oy = o[1] - c[1];
    double a = d[0] * d[0] + d[1] * d[1];
    double bb = 2 * (ox * d[0] + oy * d[1]);
    double cc = ox * ox + oy * oy - c[2] * c[2];
    double disc = bb * bb - 4 * a * cc;
    if (disc < 0) {
      return Double.POSITIVE_INFINITY;
    }
    double t = (-bb - Math.sqrt(disc)) / (2 * a);
    double z = o[2] + t * d[2];
    return t > 0 && z >= groundZ && z <= c[3] ? t : Double.POSITIVE_INFINITY;
  }
}
