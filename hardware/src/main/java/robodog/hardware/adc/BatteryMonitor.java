package robodog.hardware.adc;

/**
 * Battery state from a noisy voltage: a first-order low-pass (servo current spikes sag a pack for
 * milliseconds; that is not an empty pack), then warning and critical thresholds with hysteresis so
 * the state does not chatter at a threshold. Critical is latched: a pack that rebounds after the
 * load is removed is still nearly empty.
 *
 * <p>Control thread only; allocation-free.
 */
public final class BatteryMonitor {
  /** What the voltage says. */
  public enum Level {
    OK,
    LOW,
    CRITICAL
  }

  private final double warnVolts;
  private final double criticalVolts;
  private final double hysteresisVolts;
  private final double timeConstant;
  private double filtered = Double.NaN;
  private Level level = Level.OK;

  /**
   * @param warnVolts below this: LOW (operators are told)
   * @param criticalVolts below this: CRITICAL (the robot sits down), latched
   * @param hysteresisVolts LOW clears only above {@code warnVolts + hysteresisVolts}
   * @param timeConstantS low-pass time constant, s
   */
  public BatteryMonitor(
      double warnVolts, double criticalVolts, double hysteresisVolts, double timeConstantS) {
    if (!(criticalVolts < warnVolts && hysteresisVolts >= 0 && timeConstantS > 0)) {
      throw new IllegalArgumentException(
          "battery thresholds: expected critical < warning, hysteresis >= 0, time constant > 0");
    }
    this.warnVolts = warnVolts;
    this.criticalVolts = criticalVolts;
    this.hysteresisVolts = hysteresisVolts;
    this.timeConstant = timeConstantS;
  }

  /** Feeds one reading taken {@code dt} seconds after the previous; returns the level. */
  public Level update(double volts, double dt) {
    if (Double.isNaN(filtered)) {
      filtered = volts;
    } else {
      filtered += (volts - filtered) * Math.min(1, dt / timeConstant);
    }
    if (level == Level.CRITICAL) {
      return level;
    }
    if (filtered < criticalVolts) {
      level = Level.CRITICAL;
    } else if (filtered < warnVolts) {
      level = Level.LOW;
    } else if (level == Level.LOW && filtered > warnVolts + hysteresisVolts) {
      level = Level.OK;
    }
    return level;
  }

  /** The low-passed voltage, V. */
  public double filteredVolts() {
    return filtered;
  }
}
