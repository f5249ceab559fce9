package robodog.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import robodog.core.BatteryCharge;
import robodog.core.testing.AllocationProbe;

/** The simulated pack under given mechanical powers, at the control rate (500 Hz). */
class SimBatteryTest {
  private static final double DT = 0.002;
  static volatile Object sink;

  /** Runs {@code seconds} at {@code mechWatts} of servo work; returns the cumulative work, J. */
  private static double run(SimBattery b, double workJ, double mechWatts, double seconds) {
    for (int i = 0; i < Math.round(seconds / DT); i++) {
      workJ += mechWatts * DT;
      b.update(workJ, DT);
    }
    return workJ;
  }

  @Test
  void voltageSagsAndFallsWhileWalkingAndStaysFlatStanding() {
    SimBattery standing = new SimBattery(37, 1.0, 2);
    SimBattery walking = new SimBattery(37, 1.0, 2);
    run(standing, 0, 0, 0.1);
    run(walking, 0, 12, 0.1);
    double stand0 = standing.volts();
    double walk0 = walking.volts();
    // 12 W of work is 25 W electrical with the electronics: ~3 A, 0.12 V across 40 mΩ.
    double expectedSag = 12 / SimBattery.SERVO_EFFICIENCY / 8.4 * 0.04;
    assertEquals(expectedSag, stand0 - walk0, 0.01, "sag under the walking load");
    run(standing, 0, 0, 600);
    run(walking, 0, 12, 600);
    double standDrop = stand0 - standing.volts();
    double walkDrop = walk0 - walking.volts();
    // Standing spends only the electronics' 5 W (2 % of the pack in 10 min, 45 mV on the steep
    // top of the curve); walking five times that.
    assertTrue(standDrop > 0 && standDrop < 0.06, "standing 10 min: " + standDrop + " V");
    assertTrue(walkDrop > 3 * standDrop, "walking 10 min: " + walkDrop + " V");
    // Energy balance: 10 min at ~25 W out of 37 Wh is ~11 % of the pack.
    assertEquals(0.89, walking.stateOfCharge(), 0.01);
    assertTrue(walking.volts() > 7.0 && walking.volts() < 8.4, "volts " + walking.volts());
  }

  @Test
  void aDrainedPackGoesCriticalBelowTheSharedThresholdAndStaysCritical() {
    SimBattery b = new SimBattery(1, 0.1, 2); // a 1 Wh pack at 10 %: minutes from empty
    double work = 0;
    int seconds = 0;
    while (!b.critical() && seconds < 3600) {
      work = run(b, work, 30, 1);
      seconds++;
    }
    assertTrue(b.critical(), "never critical; at " + b.volts() + " V");
    assertTrue(b.volts() < BatteryCharge.criticalVolts(2) + 0.1, "critical at " + b.volts() + " V");
    run(b, work, 0, 60); // the load removed: the voltage recovers a little, critical stays
    assertTrue(b.critical());
    assertFalse(new SimBattery(37, 1.0, 2).critical());
  }

  @Test
  void aNewPackReadsItsOpenCircuitVoltage() {
    SimBattery b = new SimBattery(37, 0.5, 2);
    assertEquals(BatteryCharge.openCircuitVolts(0.5, 2), b.volts(), 1e-12);
    b.update(0, 0);
    assertEquals(BatteryCharge.openCircuitVolts(0.5, 2), b.volts(), 1e-12);
  }

  @Tag("alloc")
  @Test
  void updateAllocatesNothing() {
    SimBattery b = new SimBattery(37, 1.0, 2);
    double[] work = {0};
    Runnable tick =
        () -> {
          work[0] += 0.01;
          b.update(work[0], DT);
        };
    assertEquals(0, AllocationProbe.bytesAllocatedBy(tick, 50_000));
    Runnable allocating =
        () -> {
          tick.run();
          sink = new double[2];
        };
    assertTrue(AllocationProbe.bytesAllocatedBy(allocating, 50_000) >= 50_000L * 16);
  }
}
