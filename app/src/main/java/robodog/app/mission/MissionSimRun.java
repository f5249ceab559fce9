package robodog.app.mission;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import robodog.autonomy.Route;
import robodog.autonomy.RouteFile;
import robodog.autonomy.store.RunDatabase;
import robodog.autonomy.store.RunRecord;
import robodog.locomotion.LocomotionConfig;
import robodog.sim.scenario.Scenario;

/**
 * {@code ./robodog sim --scenario S --route R}: loads the shipped routes into the run database,
 * dispatches R on the simulated course as a tablet would (lease, then cmd/mission dispatch with the
 * scenario's payload), supervises it with heartbeats, and writes the run report. Headless, faster
 * than real time. One thread.
 */
public final class MissionSimRun {
  private MissionSimRun() {}

  /** Runs it; returns the finished (or stopped) run's record. */
  public static RunRecord run(
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
      MarkerField markers =
          sc.name().equals("equipment-run")
              ? new MarkerField(MarkerField.EQUIPMENT_RUN, seed, 0.01)
              : MarkerField.none();
      MissionSim s = new MissionSim(cfg, sc, seed, rateHz, db, markers, 0, id -> {});
      s.operator("tablet", "cmd/lease", "{\"seq\":SEQ,\"action\":\"acquire\"}");
      s.mission(
          "tablet",
          String.format(
              Locale.ROOT,
              "{\"seq\":SEQ,\"op\":\"dispatch\",\"route\":\"%s\",\"payload\":{\"mass_kg\":%s,"
                  + "\"com_height_m\":%s,\"fragility\":%s}}",
              routeName,
              sc.payloadKg(),
              sc.payloadCom().get(2),
              fragility));
      if (s.service().mission() == null) {
        throw new IllegalStateException("dispatch refused: " + s.errors());
      }
      long id = s.service().runId();
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
        s.mission("tablet", "{\"seq\":SEQ,\"op\":\"heartbeat\"}");
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
        s.mission("tablet", "{\"seq\":SEQ,\"op\":\"abort\"}");
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
      for (Path p : RunReportWriter.write(db, id, reportDir)) {
        out.println("report: " + p);
      }
      return r;
    }
  }
}
