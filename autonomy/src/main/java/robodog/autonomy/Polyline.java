package robodog.autonomy;

import java.util.List;

/**
 * A path as a polyline with arc-length parameterisation (metres). Immutable after construction; any
 * thread.
 */
public final class Polyline {
  private final double[] xs;
  private final double[] ys;
  private final double[] s;

  /** From points (x, y) pairs; consecutive duplicates are kept but have zero length. */
  public Polyline(double[] xs, double[] ys) {
    if (xs.length != ys.length || xs.length == 0) {
      throw new IllegalArgumentException("a path needs at least one point");
    }
    this.xs = xs.clone();
    this.ys = ys.clone();
    s = new double[xs.length];
    for (int i = 1; i < xs.length; i++) {
      s[i] = s[i - 1] + Math.hypot(xs[i] - xs[i - 1], ys[i] - ys[i - 1]);
    }
  }

  /** Through a route's waypoints. */
  public static Polyline of(List<Waypoint> w) {
    double[] x = new double[w.size()];
    double[] y = new double[w.size()];
    for (int i = 0; i < x.length; i++) {
      x[i] = w.get(i).x();
      y[i] = w.get(i).y();
    }
    return new Polyline(x, y);
  }

  public double length() {
    return s[s.length - 1];
  }

  public int size() {
    return xs.length;
  }

  /** Arc length at vertex i. */
  public double sAt(int i) {
    return s[i];
  }

  public double x(int i) {
    return xs[i];
  }

  public double y(int i) {
    return ys[i];
  }

  /** Point at arc length {@code at} (clamped), into out[0..1]. */
  public void pointAt(double at, double[] out) {
    at = Math.max(0, Math.min(length(), at));
    int i = 1;
    while (i < s.length - 1 && s[i] < at) {
      i++;
    }
    if (s.length == 1) {
      out[0] = xs[0];
      out[1] = ys[0];
      return;
    }
    double seg = s[i] - s[i - 1];
    double f = seg > 1e-12 ? (at - s[i - 1]) / seg : 1;
    f = Math.max(0, Math.min(1, f));
    out[0] = xs[i - 1] + f * (xs[i] - xs[i - 1]);
    out[1] = ys[i - 1] + f * (ys[i] - ys[i - 1]);
  }

  /**
   * Arc length of the point of the path nearest to (x, y) with arc length in [from, to]: a window
   * keeps a path that passes near itself from jumping ahead.
   */
  public double project(double x, double y, double from, double to) {
    double best = from;
    double bestD = Double.POSITIVE_INFINITY;
    for (int i = 1; i < s.length; i++) {
      if (s[i] < from || s[i - 1] > to) {
        continue;
      }
      double dx = xs[i] - xs[i - 1];
      double dy = ys[i] - ys[i - 1];
      double len2 = dx * dx + dy * dy;
      double f = len2 > 1e-12 ? ((x - xs[i - 1]) * dx + (y - ys[i - 1]) * dy) / len2 : 0;
      f = Math.max(0, Math.min(1, f));
      double at = s[i - 1] + f * (s[i] - s[i - 1]);
      at = Math.max(from, Math.min(to, at));
      double px = xs[i - 1] + f * dx;
      double py = ys[i - 1] + f * dy;
      double d = Math.hypot(x - px, y - py);
      if (d < bestD) {
        bestD = d;
        best = at;
      }
    }
    return s.length == 1 ? 0 : best;
  }

  /** The sub-path from arc length a back to b (b &lt; a allowed: reversed), as a new polyline. */
  public Polyline slice(double a, double b) {
    java.util.List<double[]> pts = new java.util.ArrayList<>();
    double[] p = new double[2];
    pointAt(a, p);
    pts.add(p.clone());
    if (b < a) {
      for (int i = s.length - 1; i >= 0; i--) {
        if (s[i] < a && s[i] > b) {
          pts.add(new double[] {xs[i], ys[i]});
        }
      }
    } else {
      for (int i = 0; i < s.length; i++) {
        if (s[i] > a && s[i] < b) {
          pts.add(new double[] {xs[i], ys[i]});
        }
      }
    }
    pointAt(b, p);
    pts.add(p.clone());
    double[] x = new double[pts.size()];
    double[] y = new double[pts.size()];
    for (int i = 0; i < x.length; i++) {
      x[i] = pts.get(i)[0];
      y[i] = pts.get(i)[1];
    }
    return new Polyline(x, y);
  }
}
