package robodog.learning.rl;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Sample efficiency without a threshold: for each decision budget, the best return each run had
 * reached by then (its 3-batch running mean, as {@link LearningCurve#decisionsTo} uses), and the
 * median, minimum and maximum of that over seeds, per method. Unlike "decisions to reach a
 * threshold" it is defined for every run and every budget, so two methods that both miss the
 * threshold can still be told apart. Call from one thread.
 */
public final class BudgetComparison {
  /** One method's runs, one curve per seed. */
  public record Method(String name, List<LearningCurve> runs) {}

  private final List<Method> methods;
  private final long[] budgets;

  /**
   * @param methods the methods compared, each with its seeds' curves
   * @param budgets decision budgets, ascending
   */
  public BudgetComparison(List<Method> methods, long[] budgets) {
    this.methods = List.copyOf(methods);
    this.budgets = budgets.clone();
  }

  /** Evenly spaced budgets {@code step, 2·step, ... ≤ max}. */
  public static long[] budgets(long step, long max) {
    int n = (int) Math.max(1, max / step);
    long[] b = new long[n];
    for (int i = 0; i < n; i++) {
      b[i] = (i + 1) * step;
    }
    return b;
  }

  /**
   * The best 3-batch running mean of the batch returns among the points with at most {@code budget}
   * decisions; NaN when the run had no batch within the budget.
   */
  public static double bestBy(LearningCurve c, long budget) {
    List<LearningCurve.Point> p = c.points();
    double best = Double.NaN;
    for (int i = 0; i < p.size() && p.get(i).decisions() <= budget; i++) {
      double s = 0;
      int n = 0;
      for (int j = Math.max(0, i - 2); j <= i; j++) {
        s += p.get(j).meanReturn();
        n++;
      }
      double m = s / n;
      if (Double.isNaN(best) || m > best) {
        best = m;
      }
    }
    return best;
  }

  /**
   * For method {@code m} and each budget: {min, median, max} over its runs of {@link #bestBy}; NaN
   * until every run has finished a batch (a median over only the runs that have one would jump down
   * as slower runs join in).
   */
  public double[][] stats(int m) {
    List<LearningCurve> runs = methods.get(m).runs();
    double[][] out = new double[budgets.length][];
    for (int b = 0; b < budgets.length; b++) {
      double[] v = new double[runs.size()];
      int n = 0;
      for (LearningCurve c : runs) {
        double x = bestBy(c, budgets[b]);
        if (!Double.isNaN(x)) {
          v[n++] = x;
        }
      }
      if (n == 0 || n < runs.size()) {
        out[b] = new double[] {Double.NaN, Double.NaN, Double.NaN};
        continue;
      }
      double[] s = Arrays.copyOf(v, n);
      Arrays.sort(s);
      double median = n % 2 == 1 ? s[n / 2] : 0.5 * (s[n / 2 - 1] + s[n / 2]);
      out[b] = new double[] {s[0], median, s[n - 1]};
    }
    return out;
  }

  /**
   * A text table: one row per budget, median [min, max] of the best return per method ("-" before
   * every run of that method finished a batch).
   */
  public String table() {
    StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%10s", "decisions"));
    for (Method m : methods) {
      sb.append(
          String.format(Locale.ROOT, "  %-26s", m.name() + " best return, median [min, max]"));
    }
    sb.append('\n');
    double[][][] st = new double[methods.size()][][];
    for (int m = 0; m < methods.size(); m++) {
      st[m] = stats(m);
    }
    for (int b = 0; b < budgets.length; b++) {
      sb.append(String.format(Locale.ROOT, "%10d", budgets[b]));
      for (int m = 0; m < methods.size(); m++) {
        double[] s = st[m][b];
        sb.append(
            Double.isNaN(s[1])
                ? String.format(Locale.ROOT, "  %-33s", "     - (a run has no batch yet)")
                : String.format(Locale.ROOT, "  %6.2f [%6.2f, %6.2f]%-9s", s[1], s[0], s[2], ""));
      }
      sb.append('\n');
    }
    return sb.toString();
  }

  /** PNG: median best return against budget per method, with its min and max as thin lines. */
  public void writePng(Path file, String title) throws IOException {
    XYChart c =
        new XYChartBuilder()
            .width(900)
            .height(500)
            .title(title)
            .xAxisTitle("decision budget")
            .yAxisTitle("best 3-batch mean return reached")
            .build();
    double[] x = new double[budgets.length];
    for (int i = 0; i < x.length; i++) {
      x[i] = budgets[i];
    }
    java.awt.Color[] colors = {
      new java.awt.Color(31, 119, 180), new java.awt.Color(255, 127, 14),
      new java.awt.Color(44, 160, 44), new java.awt.Color(214, 39, 40)
    };
    for (int m = 0; m < methods.size(); m++) {
      double[][] st = stats(m);
      String[] labels = {" min", " median", " max"};
      for (int k = 0; k < 3; k++) {
        double[] y = new double[budgets.length];
        for (int b = 0; b < y.length; b++) {
          y[b] = st[b][k];
        }
        XYSeries s = c.addSeries(methods.get(m).name() + labels[k], x, y);
        s.setMarker(k == 1 ? SeriesMarkers.CIRCLE : SeriesMarkers.NONE);
        s.setLineColor(colors[m % colors.length]);
        s.setMarkerColor(colors[m % colors.length]);
        if (k != 1) {
          s.setLineStyle(new java.awt.BasicStroke(1f));
        }
      }
    }
    Files.createDirectories(file.toAbsolutePath().getParent());
    BitmapEncoder.saveBitmap(c, file.toString(), BitmapEncoder.BitmapFormat.PNG);
  }
}
