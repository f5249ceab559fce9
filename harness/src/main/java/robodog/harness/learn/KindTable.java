package robodog.harness.learn;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import robodog.locomotion.LocomotionConfig;

/**
 * The per-terrain table of a row: for each segment kind under the body, the time-weighted share of
 * each gait, the mean step height (the explicit command's, else the advisor's, else the walked gait
 * row's own: the selector's raised step on uneven ground is not in telemetry) and the mean body
 * height above the ground under the body (ground truth). Evaluation thread.
 */
final class KindTable {
  private KindTable() {}

  static void print(LocomotionConfig cfg, String row, List<EvalRuns.Run> runs, PrintStream out) {
    KindTrace all = new KindTrace(cfg.gaits().size());
    for (EvalRuns.Run r : runs) {
      all.merge(r.trace());
    }
    out.printf(Locale.ROOT, "%s: share of walked time per gait, by terrain under the robot%n", row);
    // The gait table's rows (the policy's choices), and any other gait the row walked.
    boolean[] shown = new boolean[cfg.gaits().size()];
    for (int g = 0; g < shown.length; g++) {
      shown[g] = g < cfg.gaitTable().gaits().size() || all.gaitSeconds(g) > 0;
    }
    StringBuilder head = new StringBuilder("| terrain | s |");
    StringBuilder rule = new StringBuilder("|---|---|");
    for (int g = 0; g < shown.length; g++) {
      if (!shown[g]) {
        continue;
      }
      head.append(' ').append(cfg.gaits().get(g).name()).append(" |");
      rule.append("---|");
    }
    out.println(head.append(" step mm | body mm |"));
    out.println(rule.append("---|---|"));
    for (Map.Entry<String, KindTrace.Kind> e : all.kinds().entrySet()) {
      KindTrace.Kind k = e.getValue();
      StringBuilder sb =
          new StringBuilder(String.format(Locale.ROOT, "| %s | %.0f |", e.getKey(), k.seconds));
      for (int g = 0; g < shown.length; g++) {
        if (!shown[g]) {
          continue;
        }
        sb.append(String.format(Locale.ROOT, " %.0f %% |", 100 * k.gaitS[g] / k.seconds));
      }
      sb.append(
          String.format(
              Locale.ROOT,
              " %.0f | %.0f |",
              1000 * k.stepMs / k.seconds,
              1000 * k.bodyMs / k.seconds));
      out.println(sb);
    }
  }
}
