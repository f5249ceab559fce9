package robodog.harness.sim;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The walking benchmark's table: per group (a scenario, or the generated courses as one) the number
 * of runs, falls, completed runs, mean speed (mean over runs and the worst, slowest run) and
 * payload acceleration RMS (mean and worst, highest), then every failed run with its reason. Pure;
 * any thread.
 */
public final class WalkingSummary {
  /**
   * One row.
   *
   * @param group scenario name or courses directory
   * @param n runs
   * @param falls runs that fell
   * @param completed runs that reached their goal without a fall
   * @param meanSpeedMps mean of the runs' mean speeds, m/s
   * @param worstSpeedMps slowest run's mean speed, m/s
   * @param meanPayloadAccelRmsMps2 mean of the runs' payload acceleration RMS, m/s²
   * @param worstPayloadAccelRmsMps2 highest payload acceleration RMS, m/s²
   */
  public record Row(
      String group,
      int n,
      int falls,
      int completed,
      double meanSpeedMps,
      double worstSpeedMps,
      double meanPayloadAccelRmsMps2,
      double worstPayloadAccelRmsMps2) {}

  private WalkingSummary() {}

  /** One row per group, in the order groups first appear. */
  public static List<Row> rows(List<WalkingBench.Result> results) {
    Map<String, List<WalkingBench.Result>> groups = new LinkedHashMap<>();
    for (WalkingBench.Result r : results) {
      groups.computeIfAbsent(r.group(), g -> new ArrayList<>()).add(r);
    }
    List<Row> rows = new ArrayList<>();
    for (Map.Entry<String, List<WalkingBench.Result>> e : groups.entrySet()) {
      int falls = 0;
      int completed = 0;
      double speed = 0;
      double slowest = Double.POSITIVE_INFINITY;
      double accel = 0;
      double roughest = 0;
      for (WalkingBench.Result r : e.getValue()) {
        SimReport rep = r.report();
        falls += rep.falls() > 0 ? 1 : 0;
        completed += rep.completed() ? 1 : 0;
        speed += rep.meanSpeedMps();
        slowest = Math.min(slowest, rep.meanSpeedMps());
        accel += rep.payloadAccelRmsMps2();
        roughest = Math.max(roughest, rep.payloadAccelRmsMps2());
      }
      int n = e.getValue().size();
      rows.add(new Row(e.getKey(), n, falls, completed, speed / n, slowest, accel / n, roughest));
    }
    return rows;
  }

  /** The table and the failure list, as printed by {@code ./robodog bench walking}. */
  public static String format(List<WalkingBench.Result> results) {
    StringBuilder sb = new StringBuilder();
    List<Row> rows = rows(results);
    int w = "group".length();
    for (Row r : rows) {
      w = Math.max(w, r.group().length());
    }
    String head = "%-" + w + "s %4s %5s %9s   %-21s   %-21s%n";
    String line = "%-" + w + "s %4d %5d %9d   %6.3f    %6.3f        %6.2f    %6.2f%n";
    sb.append(
        String.format(Locale.ROOT, head, "", "", "", "", "speed, m/s", "payload accel rms, m/s²"));
    sb.append(
        String.format(
            Locale.ROOT,
            head,
            "group",
            "n",
            "falls",
            "completed",
            "mean     worst",
            "mean     worst"));
    for (Row r : rows) {
      sb.append(
          String.format(
              Locale.ROOT,
              line,
              r.group(),
              r.n(),
              r.falls(),
              r.completed(),
              r.meanSpeedMps(),
              r.worstSpeedMps(),
              r.meanPayloadAccelRmsMps2(),
              r.worstPayloadAccelRmsMps2()));
    }
    int failed = 0;
    for (WalkingBench.Result r : results) {
      failed += r.failure() != null ? 1 : 0;
    }
    sb.append(failed == 0 ? "no failed runs\n" : "failed runs (" + failed + "):\n");
    for (WalkingBench.Result r : results) {
      if (r.failure() != null) {
        sb.append(
            String.format(
                Locale.ROOT,
                "  %s seed %d: %s%n",
                r.report().scenario(),
                r.report().seed(),
                r.failure()));
      }
    }
    return sb.toString();
  }
}
