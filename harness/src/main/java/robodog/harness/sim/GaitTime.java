package robodog.harness.sim;

import java.util.LinkedHashMap;
import java.util.Map;
import robodog.locomotion.gait.GaitLibrary;

/**
 * Simulated time walked in each gait row, for the report: which gaits the robot chose and for how
 * long. Control thread; {@link #add} allocates nothing.
 */
final class GaitTime {
  private final double[] seconds;
  private final int[] order;
  private int used;

  GaitTime(int rows) {
    seconds = new double[rows];
    order = new int[rows];
  }

  /** Adds {@code dt} seconds to gait row {@code gait} (ignored when out of range). */
  void add(int gait, double dt) {
    if (gait < 0 || gait >= seconds.length) {
      return;
    }
    if (seconds[gait] == 0) {
      order[used++] = gait;
    }
    seconds[gait] += dt;
  }

  /** Seconds per gait name, in the order first walked, rounded to 0.1 s. */
  Map<String, Double> seconds(GaitLibrary gaits) {
    Map<String, Double> m = new LinkedHashMap<>();
    for (int k = 0; k < used; k++) {
      m.put(gaits.get(order[k]).name(), Math.round(seconds[order[k]] * 10) / 10.0);
    }
    return m;
  }
}
