package robodog.harness.learn;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Walked time per segment kind: seconds in each gait row, and time-weighted step height (m) and
 * body height above the ground under the body (m, ground truth). Filled on one run's control
 * thread; merged and read on the evaluation's thread afterwards.
 */
final class KindTrace {
  /** Figures of one kind. */
  static final class Kind {
    final double[] gaitS;
    double seconds;
    double stepMs;
    double bodyMs;

    Kind(int gaits) {
      gaitS = new double[gaits];
    }
  }

  private final int gaits;
  private final Map<String, Kind> kinds = new LinkedHashMap<>();

  KindTrace(int gaits) {
    this.gaits = gaits;
  }

  void add(String kind, int gait, double stepM, double bodyM, double dt) {
    Kind k = kinds.computeIfAbsent(kind, x -> new Kind(gaits));
    k.gaitS[gait] += dt;
    k.seconds += dt;
    k.stepMs += stepM * dt;
    k.bodyMs += bodyM * dt;
  }

  /** Adds {@code o}'s time into this one. */
  void merge(KindTrace o) {
    for (Map.Entry<String, Kind> e : o.kinds.entrySet()) {
      Kind k = kinds.computeIfAbsent(e.getKey(), x -> new Kind(gaits));
      Kind s = e.getValue();
      for (int g = 0; g < gaits; g++) {
        k.gaitS[g] += s.gaitS[g];
      }
      k.seconds += s.seconds;
      k.stepMs += s.stepMs;
      k.bodyMs += s.bodyMs;
    }
  }

  /** Kinds in the order first walked. */
  Map<String, Kind> kinds() {
    return kinds;
  }

  /** Total seconds walked in gait row {@code g} over every kind. */
  double gaitSeconds(int g) {
    double s = 0;
    for (Kind k : kinds.values()) {
      s += k.gaitS[g];
    }
    return s;
  }
}
