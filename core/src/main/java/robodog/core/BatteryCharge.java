package robodog.core;

/**
 * The robot's lithium-polymer pack in numbers every body shares: the per-cell open-circuit voltage
 * curve, state of charge from a voltage, and the warning and critical thresholds. The Pi's battery
 * monitor ({@code config/pins.yaml} may override the thresholds) and the simulated pack both take
 * their numbers from here, so "critical" means the same on every body.
 *
 * <p>The curve is the widely published LiPo resting-voltage chart (4.20 V per cell full, a knee
 * near 3.7 V at 10 %, steep below), with 0 % rounded to 3.30 V; between its points it is linear. A
 * voltage measured under load reads lower than at rest, so a percent from a loaded pack is an
 * underestimate while the servos draw current.
 *
 * <p>Pure functions and constants: any thread, allocation-free.
 */
public final class BatteryCharge {
  /** Cells in series in the robot's pack (2S). */
  public static final int ROBOT_CELLS = 2;

  /** Below this per-cell voltage (V) operators are warned: about 5 % left at rest. */
  public static final double WARN_VOLTS_PER_CELL = 3.6;

  /**
   * Below this per-cell voltage (V) the pack is critical and the robot sits down: 3.4 V is where
   * the curve falls steeply and a LiPo cell starts to be damaged if drained further.
   */
  public static final double CRITICAL_VOLTS_PER_CELL = 3.4;

  /**
   * Low-pass time constant, s, applied before comparing with the thresholds: servo current spikes
   * sag a pack for milliseconds to a second, and that is not an empty pack.
   */
  public static final double FILTER_SECONDS = 2.0;

  // Per-cell open-circuit voltage (V) at 0, 5, 10, ... 100 % state of charge.
  private static final double[] CELL_VOLTS = {
    3.30, 3.61, 3.69, 3.71, 3.73, 3.75, 3.77, 3.79, 3.80, 3.82, 3.84, //
    3.85, 3.87, 3.91, 3.95, 3.98, 4.02, 4.08, 4.11, 4.15, 4.20
  };
  private static final double STEP_PERCENT = 100.0 / (CELL_VOLTS.length - 1);

  private BatteryCharge() {}

  /**
   * State of charge, %, 0..100, of a pack of {@code cells} cells at {@code volts} V: the curve
   * inverted, clamped at its ends. NaN in (or cells &lt; 1) gives NaN.
   */
  public static double percent(double volts, int cells) {
    if (Double.isNaN(volts) || cells < 1) {
      return Double.NaN;
    }
    double v = volts / cells;
    if (v <= CELL_VOLTS[0]) {
      return 0;
    }
    int last = CELL_VOLTS.length - 1;
    if (v >= CELL_VOLTS[last]) {
      return 100;
    }
    int i = 0;
    while (v > CELL_VOLTS[i + 1]) {
      i++;
    }
    double f = (v - CELL_VOLTS[i]) / (CELL_VOLTS[i + 1] - CELL_VOLTS[i]);
    return (i + f) * STEP_PERCENT;
  }

  /**
   * Open-circuit voltage, V, of a pack of {@code cells} cells at state of charge {@code fraction}
   * (0..1, clamped); the inverse of {@link #percent}.
   */
  public static double openCircuitVolts(double fraction, int cells) {
    double x = Math.max(0, Math.min(1, fraction)) * (CELL_VOLTS.length - 1);
    int i = Math.min((int) x, CELL_VOLTS.length - 2);
    double f = x - i;
    return cells * (CELL_VOLTS[i] + f * (CELL_VOLTS[i + 1] - CELL_VOLTS[i]));
  }

  /** The warning threshold of a pack of {@code cells} cells, V. */
  public static double warnVolts(int cells) {
    return cells * WARN_VOLTS_PER_CELL;
  }

  /** The critical threshold of a pack of {@code cells} cells, V. */
  public static double criticalVolts(int cells) {
    return cells * CRITICAL_VOLTS_PER_CELL;
  }
}
