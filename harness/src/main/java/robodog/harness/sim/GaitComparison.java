package robodog.harness.sim;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import robodog.harness.RobotFactory;
import robodog.locomotion.LocomotionConfig;
import robodog.sim.scenario.Scenario;

/** {@code ./robodog sim --compare G1,G2,...}: one scenario, one run per gait, a table. */
public final class GaitComparison {
  private GaitComparison() {}

  /**
   * Runs {@code sc} once per gait in {@code gaits} and prints one row each.
   *
   * @param d simulated seconds per run
   * @param rate control rate, Hz
   * @return 0
   */
  public static int print(
      RobotFactory robots,
      LocomotionConfig cfg,
      Scenario sc,
      List<String> compare,
      long s,
      double d,
      double rate,
      PrintWriter out)
      throws Exception {
    // One after another: ODE's solver shuffle uses one process-wide generator, so simulations
    // stepping at the same time would not be repeatable (see SimWorld). Each takes seconds.
    ExecutorService pool = Executors.newSingleThreadExecutor();
    List<Future<SimRun.Result>> futures = new ArrayList<>();
    for (String g : compare) {
      futures.add(
          pool.submit(
              () ->
                  SimRun.run(
                      robots,
                      cfg,
                      new SimRun.Options(sc, g.trim(), s, d, rate, false, false, null))));
    }
    out.printf(Locale.ROOT, "scenario %s, seed %d, %.0f s simulated%n", sc.name(), s, d);
    out.printf(
        Locale.ROOT,
        "%-9s %9s %6s %10s %8s %9s %9s %9s%n",
        "gait",
        "speed m/s",
        "falls",
        "margin m",
        "CoT",
        "roll rms",
        "pitch rms",
        "complete");
    try {
      for (int i = 0; i < compare.size(); i++) {
        SimReport r = futures.get(i).get().report();
        out.printf(
            Locale.ROOT,
            "%-9s %9.3f %6d %10.3f %8s %8.2f° %8.2f° %9s%n",
            compare.get(i).trim(),
            r.meanSpeedMps(),
            r.falls(),
            r.minStabilityMarginM(),
            r.costOfTransport() == null
                ? "-"
                : String.format(Locale.ROOT, "%.2f", r.costOfTransport()),
            Math.toDegrees(r.bodyRollRmsRad()),
            Math.toDegrees(r.bodyPitchRmsRad()),
            r.completed() ? "yes" : "no");
      }
    } finally {
      pool.shutdownNow();
    }
    return 0;
  }
}
