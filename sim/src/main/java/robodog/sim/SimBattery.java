package robodog.sim;

import robodog.core.BatteryCharge;

/**
 * A simulated 2S LiPo pack: drained by the electrical power the robot draws, its terminal voltage
 * the open-circuit voltage of {@link BatteryCharge}'s curve at the present state of charge minus
 * the sag across the internal resistance. Critical the way the Pi's monitor decides it: the
 * terminal voltage low-passed with {@link BatteryCharge#FILTER_SECONDS}, compared with {@link
 * BatteryCharge#criticalVolts}, latched.
 *
 * <p>Electrical power = mechanical servo power / {@link #SERVO_EFFICIENCY} + {@link
 * #ELECTRONICS_WATTS}. The mechanical power comes from {@link SimWorld#energyJ()} (∫ Σ |τ·ω| dt),
 * so a robot standing still draws little more than the electronics: hobby servos also burn current
 * holding a load without moving, which this model leaves out.
 *
 * <p>Control (= simulation) thread only; {@link #update} allocates nothing.
 */
public final class SimBattery {
  /**
   * Mechanical output over electrical input of the servos, 1: hobby servos' DC motor, gear train
   * and driver together deliver roughly half to two thirds of what they draw; 0.6 is in that band.
   */
  public static final double SERVO_EFFICIENCY = 0.6;

  /**
   * Constant load of everything but the servos' motors, W: Raspberry Pi 4 under load (~4 W), the
   * two PCA9685 boards, IMU, ADC and the servos' idle electronics (~1 W together).
   */
  public static final double ELECTRONICS_WATTS = 5.0;

  /**
   * Internal resistance of the whole pack with its leads and connector, Ω: a 5 Ah 2S hobby pack
   * measures 10 to 20 mΩ per cell, the wiring adds about as much again.
   */
  public static final double INTERNAL_RESISTANCE_OHMS = 0.04;

  private final int cells;
  private final double capacityJ;
  private double soc;
  private double lastEnergyJ = Double.NaN;
  private double currentA;
  private double volts;
  private double filteredVolts;
  private boolean critical;

  /**
   * @param capacityWh energy the full pack delivers, Wh (&gt; 0)
   * @param initialSoc state of charge at start, 0..1
   * @param cells cells in series (&ge; 1)
   */
  public SimBattery(double capacityWh, double initialSoc, int cells) {
    if (!(capacityWh > 0 && initialSoc >= 0 && initialSoc <= 1 && cells >= 1)) {
      throw new IllegalArgumentException(
          "battery: expected capacity > 0 Wh, initial charge in [0, 1], cells >= 1");
    }
    this.cells = cells;
    this.capacityJ = capacityWh * 3600;
    this.soc = initialSoc;
    this.volts = BatteryCharge.openCircuitVolts(soc, cells);
    this.filteredVolts = volts;
  }

  /** A pack as {@link SimConfig} describes it, with the robot's cell count. */
  public static SimBattery of(SimConfig cfg) {
    return new SimBattery(cfg.batteryWh(), cfg.batteryInitialSoc(), BatteryCharge.ROBOT_CELLS);
  }

  /**
   * Advances the pack to the present, given the servos' total mechanical work so far.
   *
   * @param mechanicalEnergyJ cumulative mechanical work of the servos, J (non-decreasing)
   * @param dtS time since the previous call, s; 0 only measures
   */
  public void update(double mechanicalEnergyJ, double dtS) {
    double mech = Double.isNaN(lastEnergyJ) ? 0 : Math.max(0, mechanicalEnergyJ - lastEnergyJ);
    lastEnergyJ = mechanicalEnergyJ;
    if (!(dtS > 0)) {
      return;
    }
    double watts = mech / dtS / SERVO_EFFICIENCY + ELECTRONICS_WATTS;
    double ocv = BatteryCharge.openCircuitVolts(soc, cells);
    // The load draws P at the terminals: P = (ocv - R·I)·I, the smaller root. Beyond the pack's
    // maximum power (ocv²/4R, kilowatts here) it delivers that maximum.
    double r = INTERNAL_RESISTANCE_OHMS;
    double disc = Math.max(0, ocv * ocv - 4 * r * watts);
    currentA = (ocv - Math.sqrt(disc)) / (2 * r);
    volts = ocv - r * currentA;
    // The chemistry gives ocv·I: terminal power plus what the internal resistance turns to heat.
    soc = Math.max(0, soc - ocv * currentA * dtS / capacityJ);
    filteredVolts += (volts - filteredVolts) * Math.min(1, dtS / BatteryCharge.FILTER_SECONDS);
    if (filteredVolts < BatteryCharge.criticalVolts(cells)) {
      critical = true;
    }
  }

  /** Terminal voltage, V, as of the last update. */
  public double volts() {
    return volts;
  }

  /** Current drawn from the pack, A, averaged over the last update's interval. */
  public double currentA() {
    return currentA;
  }

  /** State of charge, 0..1. */
  public double stateOfCharge() {
    return soc;
  }

  /** True once the low-passed voltage fell below the critical threshold; latched. */
  public boolean critical() {
    return critical;
  }
}
