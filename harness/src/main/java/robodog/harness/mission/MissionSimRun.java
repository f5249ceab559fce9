package robodog.harness.mission;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import robodog.autonomy.Route;
import robodog.autonomy.RouteFile;
import robodog.autonomy.store.Incident;
import robodog.autonomy.store.RunDatabase;
import robodog.autonomy.store.RunRecord;
import robodog.autonomy.store.RunReportWriter;
import robodog.harness.RobotFactory;
import robodog.locomotion.LocomotionConfig;
import robodog.sim.scenario.Scenario;

/**
 * {@code ./robodog sim --scenario S --route R}: loads the shipped routes into the run database,
 * dispatches R on the simulated course as a tablet would (lease, then cmd/mission dispatch with the
 * scenario's payload), supervises it with heartbeats, and writes the run report. Headless, faster
 * than real time. Markers come from ground truth ({@link MarkerField}) unless {@code camera} is
 * given: then from the simulated camera and the perception pipeline (with people and the obstacle
 * grid for local navigation), in lock step. One thread.
 */
public final class MissionSimRun {
  private MissionSimRun() {}

  /** Runs it; returns the finished (or stopped) run's record. */
  public static RunRecord run(
      RobotFactory robots,
      LocomotionConfig cfg,
      Scenario sc,
      long seed,
      double durationS,
      double rateHz,
      String routeName,
      Path routesDir,
      Path dbFile,
      Path reportDir,
      double fragility,
      robodog.harness.perception.SimPerception.Setup camera,
      PrintWriter out)
      throws IOException, InterruptedException {
    try (RunDatabase db = RunDatabase.open(dbFile)) {
      List<Route> shipped = RouteFile.loadAll(routesDir);
      for (Route r : shipped) {
        db.saveRoute(r, "shipped " + routesDir.resolve(r.name() + ".yaml"), true);
      }
      if (db.route(routeName).isEmpty()) {
        throw new IllegalArgumentException(
            "--route: unknown route '" + routeName + "': known routes are " + db.routeNames());
      }
      if (db.activeRun().isPresent()) {
        throw new IllegalStateException(
            dbFile
                + ": run "
                + db.activeRun().get().run().id()
                + " is still in progress (interrupted); it stays for an operator to resume or abort");
      }
      long wallStart = System.nanoTime();
      MarkerField markers =
          camera == null && sc.name().equals("equipment-run")
              ? new MarkerField(MarkerField.EQUIPMENT_RUN, seed, 0.01)
              : MarkerField.none();
      try (MissionSim s = new MissionSim(robots, cfg, sc, seed, rateHz, db, markers, 0, id -> {})) {
        if (camera != null) {
          s.camera(camera, sc.scene(), seed);
          out.println(
              "perception: on (markers, people and obstacles from the simulated camera; lock step)");
        } else {
          out.println(
              "perception: ground truth (" + markers.size() + " markers seen from the true pose)");
        }
        RunRecord r = dispatchAndSupervise(s, db, sc, routeName, durationS, fragility, out);
        s.close();
        long id = r.id();
        summarise(db, id, out);
        if (camera != null) {
          out.println(sightingSummary(s.sightingErrors()));
          out.println(s.cameraSummary());
        }
        out.printf(Locale.ROOT, "wall time %.1f s%n", (System.nanoTime() - wallStart) * 1e-9);
        for (Path p : RunReportWriter.write(db, id, reportDir)) {
          out.println("report: " + p);
        }
        return r;
      }
    }
  }

  private static RunRecord dispatchAndSupervise(
      MissionSim s,
      RunDatabase db,
      Scenario sc,
      String routeName,
      double durationS,
      double fragility,
      PrintWriter out)
      throws InterruptedException {
    {
      long id = s.dispatch("tablet", routeName, sc, fragility);
      out.printf(
          Locale.ROOT,
          "run %d: route %s (%.2f m, %d waypoints), profile %s%n",
          id,
          routeName,
          s.service().mission().route().lengthM(),
          s.service().mission().route().waypoints().size(),
          s.service().mission().profile().name());
      out.flush();
      boolean fell = false;
      double nextPrint = 10;
      while (s.service().mission() != null && s.timeS() < durationS) {
        if (!s.run(0.5)) {
          fell = true;
          break;
        }
        s.mission("tablet", MissionSim.message().put("op", "heartbeat"));
        var m = s.service().mission();
        if (m != null && s.timeS() >= nextPrint) {
          nextPrint += 10;
          out.printf(
              Locale.ROOT,
              "  t %5.1f s  %-10s waypoint %d/%d  %.2f m left  eta %.0f s%n",
              s.timeS(),
              m.state().wireName(),
              m.nextWaypoint(),
              m.route().waypoints().size(),
              m.distanceLeftM(),
              m.etaS());
          out.flush();
        }
      }
      if (s.service().mission() != null) {
        s.mission("tablet", MissionSim.message().put("op", "abort"));
        s.run(0.1);
      }
      RunRecord r = db.run(id).orElseThrow();
      out.printf(
          Locale.ROOT,
          "run %d %s: %.2f m in %.1f s, %d incidents%s; true end position x %.2f y %.2f m%n",
          id,
          r.outcome(),
          r.distanceM(),
          r.durationS(),
          r.incidents(),
          fell ? ", FELL" : "",
          s.trueX(),
          s.trueY());
      return r;
    }
  }

  /** Waypoints reached and how far off, missed waypoints, marker corrections over 5 cm. */
  private static void summarise(RunDatabase db, long id, PrintWriter out) {
    int reached = 0;
    int missed = 0;
    int relocalised = 0;
    double worst = 0;
    for (Incident i : db.incidents(id)) {
      switch (i.kind()) {
        case "waypoint" -> {
          reached++;
          Matcher m = OFF.matcher(i.detail());
          if (m.find()) {
            worst = Math.max(worst, Double.parseDouble(m.group(1)));
          }
        }
        case "missed_waypoint" -> {
          missed++;
          Matcher m = MISSED.matcher(i.detail());
          if (m.find()) {
            worst = Math.max(worst, Double.parseDouble(m.group(1)));
          }
        }
        case "relocalised" -> relocalised++;
        default -> {}
      }
    }
    out.printf(
        Locale.ROOT,
        "waypoints: %d reached, %d missed, worst %.2f m off (route frame); %d marker corrections"
            + " over 5 cm%n",
        reached,
        missed,
        worst,
        relocalised);
  }

  /** Camera marker sightings against ground truth, by range. */
  static String sightingSummary(List<double[]> errors) {
    StringBuilder b = new StringBuilder("camera marker sightings vs ground truth:");
    double[][] bands = {{0, 1}, {1, 2}, {2, 3}, {3, 100}};
    for (double[] band : bands) {
      double[] e =
          errors.stream()
              .filter(x -> x[0] >= band[0] && x[0] < band[1])
              .mapToDouble(x -> x[1])
              .sorted()
              .toArray();
      if (e.length == 0) {
        continue;
      }
      b.append(
          String.format(
              Locale.ROOT,
              "%n  range %.0f-%s m: %d, error median %.3f p95 %.3f max %.3f m",
              band[0],
              band[1] > 50 ? "" : String.format(Locale.ROOT, "%.0f", band[1]),
              e.length,
              e[e.length / 2],
              e[(int) Math.min(e.length - 1, Math.floor(e.length * 0.95))],
              e[e.length - 1]));
    }
    return b.toString();
  }

  private static final Pattern OFF = Pattern.compile("\\(([0-9.]+) m off\\)");
  private static final Pattern MISSED = Pattern.compile(" ([0-9.]+) m off");
}
