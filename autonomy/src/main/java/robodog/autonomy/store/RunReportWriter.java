package robodog.autonomy.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import robodog.autonomy.Route;
import robodog.autonomy.Waypoint;

/**
 * Per-run report from the database: {@code run-<id>.json} (the run, its incidents and path) and
 * {@code run-<id>.png} (path over the route's waypoints, speed over time with incidents marked).
 * Not for the control thread.
 */
public final class RunReportWriter {
  private RunReportWriter() {}

  /** Writes both files into {@code dir}; returns them. */
  public static List<Path> write(RunDatabase db, long runId, Path dir) throws IOException {
    RunRecord r = db.run(runId).orElseThrow(() -> new IOException("no run " + runId));
    Route route = db.route(r.route()).orElse(null);
    List<Incident> incidents = db.incidents(runId);
    List<Sample> samples = db.samples(runId);
    Files.createDirectories(dir);
    ObjectMapper m = new ObjectMapper();
    ObjectNode root = m.createObjectNode();
    root.put("id", r.id());
    root.put("route", r.route());
    root.put("dispatched_by", r.dispatchedBy());
    root.put("dispatched_ms", r.dispatchedMs());
    root.set("payload", m.readTree(r.payloadJson()));
    root.put("profile", r.profile());
    root.put("comms_loss", r.commsLoss());
    root.put("outcome", r.outcome());
    root.put("distance_m", r.distanceM());
    root.put("duration_s", r.durationS());
    long relocs = incidents.stream().filter(i -> i.kind().equals("relocalised")).count();
    long missed = incidents.stream().filter(i -> i.kind().equals("missed_waypoint")).count();
    root.put("relocalisations", relocs);
    root.put("missed_waypoints", missed);
    ArrayNode inc = root.putArray("incidents");
    for (Incident i : incidents) {
      inc.addObject().put("t_s", i.tS()).put("kind", i.kind()).put("detail", i.detail());
    }
    ArrayNode path = root.putArray("path");
    for (Sample s : samples) {
      path.addObject()
          .put("t_s", s.tS())
          .put("x_m", s.x())
          .put("y_m", s.y())
          .put("speed_mps", s.speedMps());
    }
    Path json = dir.resolve("run-" + runId + ".json");
    m.writerWithDefaultPrettyPrinter().writeValue(json.toFile(), root);
    Path png = dir.resolve("run-" + runId + ".png");
    System.setProperty("java.awt.headless", "true");
    BitmapEncoder.saveBitmap(
        List.of(pathChart(r, route, samples), speedChart(r, samples, incidents)),
        1,
        2,
        png.toString(),
        BitmapEncoder.BitmapFormat.PNG);
    return List.of(json, png);
  }

  private static XYChart pathChart(RunRecord r, Route route, List<Sample> samples) {
    XYChart c =
        new XYChartBuilder()
            .width(800)
            .height(600)
            .title("run " + r.id() + " (" + r.route() + ", " + r.outcome() + "): path, route frame")
            .xAxisTitle("x [m]")
            .yAxisTitle("y [m]")
            .build();
    if (route != null) {
      List<Double> wx = new ArrayList<>();
      List<Double> wy = new ArrayList<>();
      for (Waypoint w : route.waypoints()) {
        wx.add(w.x());
        wy.add(w.y());
      }
      XYSeries s = c.addSeries("waypoints", wx, wy);
      s.setMarker(SeriesMarkers.CIRCLE);
    }
    if (samples.size() >= 1) {
      XYSeries s =
          c.addSeries(
              "robot",
              samples.stream().map(Sample::x).toList(),
              samples.stream().map(Sample::y).toList());
      s.setMarker(SeriesMarkers.NONE);
    }
    return c;
  }

  private static XYChart speedChart(RunRecord r, List<Sample> samples, List<Incident> incidents) {
    XYChart c =
        new XYChartBuilder()
            .width(800)
            .height(600)
            .title("speed and incidents")
            .xAxisTitle("t [s]")
            .yAxisTitle("speed [m/s]")
            .build();
    if (!samples.isEmpty()) {
      XYSeries s =
          c.addSeries(
              "speed",
              samples.stream().map(Sample::tS).toList(),
              samples.stream().map(Sample::speedMps).toList());
      s.setMarker(SeriesMarkers.NONE);
    }
    List<Double> it = new ArrayList<>();
    List<Double> iy = new ArrayList<>();
    for (Incident i : incidents) {
      if (!i.kind().equals("waypoint") && !i.kind().equals("relocalised")) {
        it.add(i.tS());
        iy.add(0.0);
      }
    }
    if (!it.isEmpty()) {
      XYSeries s = c.addSeries("incidents", it, iy);
      s.setMarker(SeriesMarkers.DIAMOND);
    }
    return c;
  }
}
