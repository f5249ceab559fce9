package robodog.locomotion.stability;

/**
 * Static stability margin: the signed distance (m) from the centre of mass, projected on the ground
 * plane, to the nearest edge of the support polygon (the convex hull of the stance feet). Positive
 * inside, negative outside. With one or two feet the "polygon" is a point or a segment, which no
 * point is strictly inside, so the margin is minus the distance to it.
 *
 * <p>Hull by Andrew's monotone chain over at most six points, with insertion sort, in preallocated
 * arrays: allocation-free. One instance per thread.
 */
public final class StabilityMargin {
  /** Most support points this instance accepts. */
  public static final int MAX_POINTS = 8;

  private final double[] px = new double[MAX_POINTS];
  private final double[] py = new double[MAX_POINTS];
  private final double[] hx = new double[2 * MAX_POINTS];
  private final double[] hy = new double[2 * MAX_POINTS];
  private int count;

  /** Starts a new polygon. */
  public void clear() {
    count = 0;
  }

  /** Adds a support point (m, ground plane). */
  public void add(double x, double y) {
    px[count] = x;
    py[count] = y;
    count++;
  }

  /** Points added since {@link #clear()}. */
  public int count() {
    return count;
  }

  /** Margin of the point (cx, cy) against the points added so far, m. */
  public double margin(double cx, double cy) {
    if (count == 0) {
      return Double.NEGATIVE_INFINITY;
    }
    sortPoints();
    int h = hull();
    if (h == 1) {
      return -Math.hypot(cx - hx[0], cy - hy[0]);
    }
    if (h == 2) {
      return -segmentDistance(cx, cy, hx[0], hy[0], hx[1], hy[1]);
    }
    // Counter-clockwise hull: inside means left of every edge.
    double best = Double.POSITIVE_INFINITY;
    boolean inside = true;
    for (int i = 0; i < h; i++) {
      int j = i + 1 == h ? 0 : i + 1;
      double ex = hx[j] - hx[i];
      double ey = hy[j] - hy[i];
      double len = Math.sqrt(ex * ex + ey * ey);
      double signed = (ex * (cy - hy[i]) - ey * (cx - hx[i])) / len;
      if (signed < 0) {
        inside = false;
      }
      if (signed < best) {
        best = signed;
      }
    }
    if (inside) {
      return best;
    }
    double out = Double.POSITIVE_INFINITY;
    for (int i = 0; i < h; i++) {
      int j = i + 1 == h ? 0 : i + 1;
      double d = segmentDistance(cx, cy, hx[i], hy[i], hx[j], hy[j]);
      if (d < out) {
        out = d;
      }
    }
    return -out;
  }

  private void sortPoints() {
    for (int i = 1; i < count; i++) {
      double x = px[i];
      double y = py[i];
      int j = i - 1;
      while (j >= 0 && (px[j] > x || (px[j] == x && py[j] > y))) {
        px[j + 1] = px[j];
        py[j + 1] = py[j];
        j--;
      }
      px[j + 1] = x;
      py[j + 1] = y;
    }
  }

  /** Monotone chain; returns the number of hull vertices, counter-clockwise, no repeats. */
  private int hull() {
    if (count == 1) {
      hx[0] = px[0];
      hy[0] = py[0];
      return 1;
    }
    int k = 0;
    for (int i = 0; i < count; i++) {
      while (k >= 2 && cross(k, px[i], py[i]) <= 0) {
        k--;
      }
      hx[k] = px[i];
      hy[k] = py[i];
      k++;
    }
    int lower = k + 1;
    for (int i = count - 2; i >= 0; i--) {
      while (k >= lower && cross(k, px[i], py[i]) <= 0) {
        k--;
      }
      hx[k] = px[i];
      hy[k] = py[i];
      k++;
    }
    return Math.max(1, k - 1);
  }

  private double cross(int k, double x, double y) {
    double ax = hx[k - 1] - hx[k - 2];
    double ay = hy[k - 1] - hy[k - 2];
    return ax * (y - hy[k - 2]) - ay * (x - hx[k - 2]);
  }

  private static double segmentDistance(
      double cx, double cy, double ax, double ay, double bx, double by) {
    double ex = bx - ax;
    double ey = by - ay;
    double len2 = ex * ex + ey * ey;
    double t = len2 == 0 ? 0 : ((cx - ax) * ex + (cy - ay) * ey) / len2;
    t = t < 0 ? 0 : (t > 1 ? 1 : t);
    return Math.hypot(cx - (ax + t * ex), cy - (ay + t * ey));
  }
}
