package robodog.harness.learn;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import robodog.locomotion.LocomotionConfig;

/**
 * The per-terrain table of a row: for each segment kind under the body, the time-weighted share of
 * each gait, the mean step height and the mean body height above the ground. Evaluation thread.
 */
final class KindTable {
  private KindTable() {}

  static void print(LocomotionConfig cfg, String row, List<EvalRuns.Run> runs, PrintStream out) {
    KindTrace all = new KindTrace(cfg.gaits().size());
    for (EvalRuns.Run r : runs) {
      all.merge(r.trace());
    }
    out.printf(Locale.ROOT, "%s: share of walked time per gait, by terrain under the robot%n", row);
    StringBuilder head = new StringBuilder("| terrain | s |");
    StringBuilder rule = new StringBuilder("|---|---|");
    for (int g = 0; g < cfg.gaits().size(); g++) {
      head.append(' ').append(cfg.gaits().get(g).name()).append(" |");
      rule.append("---|");
    }
    out.println(head.append(" step mm | body mm |"));
    out.println(rule.append("---|---|"));
    for (Map.Entry<String, KindTrace.Kind> e : all.kinds().entrySet()) {
      KindTrace.Kind k = e.getValue();
      StringBuilder sb =
          new StringBuilder(String.format(Locale.ROOT, "| %s | %.0f |", e.getKey(), k.seconds));
      for (int g = 0; g < cfg.gaits().size(); g++) {
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
