package robodog.harness.sim;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import robodog.core.LegId;

/**
 * PNG plots of a run (XChart, headless): body path, gait diagram, body roll/pitch, joint tracking
 * error. People look at these instead of reading logs. Not for the control thread.
 */
public final class PlotWriter {
  private PlotWriter() {}

  /** Writes the four plots into {@code dir}; returns the files written. */
  public static List<Path> write(RunRecorder r, String title, Path dir) throws IOException {
    System.setProperty("java.awt.headless", "true");
    Files.createDirectories(dir);
    List<Path> out = new ArrayList<>();
    out.add(save(path(r, title), dir.resolve("body-path.png")));
    out.add(save(gaitDiagram(r, title), dir.resolve("gait-diagram.png")));
    out.add(save(attitude(r, title), dir.resolve("body-roll-pitch.png")));
    out.add(save(tracking(r, title), dir.resolve("joint-tracking-error.png")));
    return out;
  }

  private static XYChart chart(int width, int height, String title, String xTitle, String yTitle) {
    return new XYChartBuilder()
        .width(width)
        .height(height)
        .title(title)
        .xAxisTitle(xTitle)
        .yAxisTitle(yTitle)
        .build();
  }

  private static Path save(XYChart chart, Path file) throws IOException {
    BitmapEncoder.saveBitmap(chart, file.toString(), BitmapEncoder.BitmapFormat.PNG);
    return file;
  }

  private static XYChart path(RunRecorder r, String title) {
    XYChart c = chart(900, 600, title + ": body path (odom, top view)", "x [m]", "y [m]");
    c.getStyler().setLegendVisible(false);
    XYSeries s = c.addSeries("path", r.x(), r.y());
    s.setMarker(SeriesMarkers.NONE);
    return c;
  }

  private static XYChart gaitDiagram(RunRecorder r, String title) {
    XYChart c =
        chart(1100, 500, title + ": gait diagram (bars = swing)", "t [s]", "leg (lf=6 ... rr=1)");
    c.getStyler().setLegendVisible(true);
    double[] t = r.time();
    // Show at most the last 6 s so individual steps stay readable.
    int from = 0;
    while (from < t.length && t[t.length - 1] - t[from] > 6.0) {
      from++;
    }
    for (LegId leg : LegId.VALUES) {
      List<Double> xs = new ArrayList<>();
      List<Double> ys = new ArrayList<>();
      double level = LegId.COUNT - leg.ordinal();
      for (int i = from; i < t.length; i++) {
        xs.add(t[i]);
        ys.add(r.swinging(i, leg) ? level + 0.35 : level);
      }
      if (!xs.isEmpty()) {
        XYSeries s = c.addSeries(leg.shortName(), xs, ys);
        s.setMarker(SeriesMarkers.NONE);
      }
    }
    return c;
  }

  private static XYChart attitude(RunRecorder r, String title) {
    XYChart c = chart(1100, 500, title + ": body roll and pitch", "t [s]", "angle [deg]");
    double[] roll = r.roll();
    double[] pitch = r.pitch();
    for (int i = 0; i < roll.length; i++) {
      roll[i] = Math.toDegrees(roll[i]);
      pitch[i] = Math.toDegrees(pitch[i]);
    }
    c.addSeries("roll", r.time(), roll).setMarker(SeriesMarkers.NONE);
    c.addSeries("pitch", r.time(), pitch).setMarker(SeriesMarkers.NONE);
    return c;
  }

  private static XYChart tracking(RunRecorder r, String title) {
    XYChart c =
        chart(
            1100,
            500,
            title + ": joint tracking error (RMS over 18 joints)",
            "t [s]",
            "error [deg]");
    c.getStyler().setLegendVisible(false);
    double[] e = r.trackingRms();
    for (int i = 0; i < e.length; i++) {
      e[i] = Math.toDegrees(e[i]);
    }
    c.addSeries("rms", r.time(), e).setMarker(SeriesMarkers.NONE);
    return c;
  }
}
