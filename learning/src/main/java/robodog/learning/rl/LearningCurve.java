package robodog.learning.rl;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;

/** Learning-curve points and their CSV and PNG (XChart). Call from one thread. */
public final class LearningCurve {
  /**
   * One point.
   *
   * @param decisions environment decisions so far
   * @param meanReturn mean episode return of the batch
   * @param successRate share of the batch's episodes that succeeded
   * @param level curriculum level after the batch
   * @param wallSeconds wall time since training started
   */
  public record Point(
      long decisions, double meanReturn, double successRate, int level, double wallSeconds) {}

  private final String name;
  private final List<Point> points = new ArrayList<>();

  public LearningCurve(String name) {
    this.name = name;
  }

  public void add(Point p) {
    points.add(p);
  }

  public List<Point> points() {
    return List.copyOf(points);
  }

  public String name() {
    return name;
  }

  /**
   * Decisions after which the running mean of 3 batches' returns first reached {@code threshold};
   * -1 if never.
   */
  public long decisionsTo(double threshold) {
    for (int i = 0; i < points.size(); i++) {
      double s = 0;
      int c = 0;
      for (int j = Math.max(0, i - 2); j <= i; j++) {
        s += points.get(j).meanReturn();
        c++;
      }
      if (s / c >= threshold) {
        return points.get(i).decisions();
      }
    }
    return -1;
  }

  public void writeCsv(Path file) throws IOException {
    StringBuilder sb = new StringBuilder("decisions,mean_return,success_rate,level,wall_s\n");
    for (Point p : points) {
      sb.append(
          String.format(
              Locale.ROOT,
              "%d,%.4f,%.3f,%d,%.1f%n",
              p.decisions(),
              p.meanReturn(),
              p.successRate(),
              p.level(),
              p.wallSeconds()));
    }
    Files.createDirectories(file.toAbsolutePath().getParent());
    Files.writeString(file, sb.toString());
  }

  /** A PNG with one line per curve: mean return against decisions. */
  public static void writePng(Path file, List<LearningCurve> curves, String title)
      throws IOException {
    XYChart c =
        new XYChartBuilder()
            .width(900)
            .height(500)
            .title(title)
            .xAxisTitle("policy decisions")
            .yAxisTitle("mean episode return")
            .build();
    for (LearningCurve lc : curves) {
      if (lc.points.isEmpty()) {
        continue;
      }
      double[] x = new double[lc.points.size()];
      double[] y = new double[lc.points.size()];
      for (int i = 0; i < x.length; i++) {
        x[i] = lc.points.get(i).decisions();
        y[i] = lc.points.get(i).meanReturn();
      }
      c.addSeries(lc.name, x, y);
    }
    Files.createDirectories(file.toAbsolutePath().getParent());
    BitmapEncoder.saveBitmap(c, file.toString(), BitmapEncoder.BitmapFormat.PNG);
  }
}
