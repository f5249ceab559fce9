package robodog.harness.mission;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import robodog.autonomy.Route;
import robodog.autonomy.RouteFile;
import robodog.autonomy.store.RunDatabase;
import robodog.autonomy.store.RunRecord;
import robodog.harness.RobotFactory;
import robodog.harness.sim.PayloadAccel;
import robodog.locomotion.LocomotionConfig;
import robodog.sim.scenario.Scenario;

/**
 * {@code ./robodog bench route-learning}: dispatches one taught route on its simulated course
 * {@code runs} times in a row through the robot's own mission path ({@link MissionSim}: lease,
 * cmd/mission dispatch with the scenario's payload, heartbeats), all runs sharing one run database,
 * so each run's per-segment settings come from the route learner's estimates of the runs before.
 * Every run starts on a fresh world with the same seed: the ground is the same, only the learned
 * settings differ. The payload acceleration RMS printed is the simulator's ground truth ({@link
 * PayloadAccel}), which the learner never sees (it learns from the IMU). One thread.
 */
public final class RouteLearningBench {
  private RouteLearningBench() {}

  /** One run's outcome. */
  public record Result(
      int run,
      long runId,
      String outcome,
      double payloadRmsMps2,
      double timeS,
      boolean fell,
      long recoveries,
      List<String> arms) {}

  /** Runs them and prints one line per run, then run 1 against the last. */
  public static List<Result> run(
      RobotFactory robots,
      LocomotionConfig cfg,
      Scenario sc,
      long seed,
      int runs,
      double rateHz,
      String routeName,
      Path routesDir,
      Path dbFile,
      double fragility,
      double maxRunS,
      PrintWriter out)
      throws InterruptedException, java.io.IOException {
    if (runs < 1 || runs > 100) {
      throw new IllegalArgumentException("--runs: expected 1..100, got " + runs);
    }
    List<Result> results = new ArrayList<>();
    try (RunDatabase db = RunDatabase.open(dbFile)) {
      for (Route r : RouteFile.loadAll(routesDir)) {
        db.saveRoute(r, "shipped " + routesDir.resolve(r.name() + ".yaml"), true);
      }
      if (db.route(routeName).isEmpty()) {
        throw new IllegalArgumentException(
            "--route: unknown route '" + routeName + "': known routes are " + db.routeNames());
      }
      out.printf(
          Locale.ROOT,
          "%3s  %6s  %-10s  %14s  %7s  %5s  %4s  %s%n",
          "run",
          "id",
          "outcome",
          "payload m/s²",
          "time s",
          "fell",
          "rec",
          "arm per segment (speed scale / step height)");
      for (int i = 1; i <= runs; i++) {
        Result res = once(robots, cfg, sc, seed, rateHz, routeName, db, fragility, maxRunS, i);
        results.add(res);
        out.printf(
            Locale.ROOT,
            "%3d  %6d  %-10s  %14.3f  %7.1f  %5s  %4d  %s%n",
            i,
            res.runId(),
            res.outcome(),
            res.payloadRmsMps2(),
            res.timeS(),
            res.fell() ? "FELL" : "no",
            res.recoveries(),
            String.join(" ", res.arms()));
        out.flush();
      }
    }
    Result a = results.get(0);
    Result b = results.get(results.size() - 1);
    long falls = results.stream().filter(Result::fell).count();
    out.printf(
        Locale.ROOT,
        "run 1 -> run %d: payload RMS %.3f -> %.3f m/s² (%+.1f %%), time %.1f -> %.1f s (%+.1f"
            + " %%), falls in all runs: %d%n",
        b.run(),
        a.payloadRmsMps2(),
        b.payloadRmsMps2(),
        100 * (b.payloadRmsMps2() / a.payloadRmsMps2() - 1),
        a.timeS(),
        b.timeS(),
        100 * (b.timeS() / a.timeS() - 1),
        falls);
    return results;
  }

  private static Result once(
      RobotFactory robots,
      LocomotionConfig cfg,
      Scenario sc,
      long seed,
      double rateHz,
      String routeName,
      RunDatabase db,
      double fragility,
      double maxRunS,
      int i)
      throws InterruptedException {
    MarkerField markers =
        sc.name().equals("equipment-run")
            ? new MarkerField(MarkerField.EQUIPMENT_RUN, seed, 0.01)
            : MarkerField.none();
    PayloadAccel pa =
        new PayloadAccel(sc.payloadCom().get(0), sc.payloadCom().get(1), sc.payloadCom().get(2));
    try (MissionSim s = new MissionSim(robots, cfg, sc, seed, rateHz, db, markers, 0, id -> {})) {
      long id = s.dispatch("tablet", routeName, sc, fragility);
      boolean fell = false;
      double nextBeat = 0.5;
      List<String> arms = List.of();
      while (s.service().mission() != null && s.timeS() < maxRunS) {
        if (!s.run(PayloadAccel.PERIOD_S)) {
          fell = true;
          break;
        }
        pa.sample(s.timeS(), s.world());
        arms = s.service().learner().chosen();
        if (s.timeS() >= nextBeat) {
          nextBeat += 0.5;
          s.mission("tablet", MissionSim.message().put("op", "heartbeat"));
        }
      }
      if (s.service().mission() != null) {
        s.mission("tablet", MissionSim.message().put("op", "abort"));
        s.run(0.1);
      }
      RunRecord r = db.run(id).orElseThrow();
      return new Result(
          i, id, r.outcome(), pa.rms(), r.durationS(), fell, s.telemetry().recoveries, arms);
    }
  }
}
