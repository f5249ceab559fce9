package robodog.locomotion.stability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class StabilityMarginTest {
  @Test
  void squareOfFeet() {
    StabilityMargin m = new StabilityMargin();
    m.add(1, 1);
    m.add(-1, 1);
    m.add(-1, -1);
    m.add(1, -1);
    assertEquals(1.0, m.margin(0, 0), 1e-12);
    assertEquals(0.5, m.margin(0.5, 0), 1e-12);
    assertEquals(-1.0, m.margin(2, 0), 1e-12);
    assertEquals(-Math.sqrt(2), m.margin(2, 2), 1e-12);
  }

  @Test
  void fewerThanThreeFeetIsNeverStable() {
    StabilityMargin m = new StabilityMargin();
    m.add(0, 0);
    assertEquals(-1.0, m.margin(1, 0), 1e-12);
    m.add(2, 0);
    assertEquals(0.0, m.margin(1, 0), 1e-12);
    assertEquals(-0.5, m.margin(1, 0.5), 1e-12);
  }

  /** Against an independent O(n³) definition: hull edges are pairs with all points on one side. */
  @Test
  void matchesBruteForceOnRandomFootSets() {
    SplittableRandom r = new SplittableRandom(42);
    StabilityMargin m = new StabilityMargin();
    for (int trial = 0; trial < 20_000; trial++) {
      int n = 3 + r.nextInt(4);
      double[] x = new double[n];
      double[] y = new double[n];
      m.clear();
      for (int i = 0; i < n; i++) {
        x[i] = r.nextDouble() - 0.5;
        y[i] = r.nextDouble() - 0.5;
        m.add(x[i], y[i]);
      }
      double cx = 0.8 * (r.nextDouble() - 0.5);
      double cy = 0.8 * (r.nextDouble() - 0.5);
      assertEquals(bruteForce(x, y, cx, cy), m.margin(cx, cy), 1e-9);
    }
  }

  private static double bruteForce(double[] x, double[] y, double cx, double cy) {
    int n = x.length;
    boolean inside = true;
    double minInside = Double.POSITIVE_INFINITY;
    double minOutside = Double.POSITIVE_INFINITY;
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        if (i == j) {
          continue;
        }
        double ex = x[j] - x[i];
        double ey = y[j] - y[i];
        boolean edge = true;
        for (int k = 0; k < n; k++) {
          if ((ex * (y[k] - y[i]) - ey * (x[k] - x[i])) < -1e-15) {
            edge = false;
          }
        }
        if (!edge) {
          continue;
        }
        double len = Math.hypot(ex, ey);
        double s = (ex * (cy - y[i]) - ey * (cx - x[i])) / len;
        if (s < 0) {
          inside = false;
        }
        minInside = Math.min(minInside, s);
        double t = Math.max(0, Math.min(1, ((cx - x[i]) * ex + (cy - y[i]) * ey) / (len * len)));
        minOutside = Math.min(minOutside, Math.hypot(cx - x[i] - t * ex, cy - y[i] - t * ey));
      }
    }
    assertTrue(minInside < Double.POSITIVE_INFINITY);
    return inside ? minInside : -minOutside;
  }
}
