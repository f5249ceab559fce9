package robodog.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The per-cell LiPo curve: its ends, points between, NaN, and voltage ↔ percent round trips. */
class BatteryChargeTest {
  @Test
  void endsOfTheCurveAndBeyondClamp() {
    assertEquals(0, BatteryCharge.percent(6.6, 2), 1e-12);
    assertEquals(100, BatteryCharge.percent(8.4, 2), 1e-12);
    assertEquals(0, BatteryCharge.percent(5.0, 2), 1e-12);
    assertEquals(100, BatteryCharge.percent(9.0, 2), 1e-12);
    assertEquals(6.6, BatteryCharge.openCircuitVolts(0, 2), 1e-12);
    assertEquals(8.4, BatteryCharge.openCircuitVolts(1, 2), 1e-12);
  }

  @Test
  void pointsAndMidpointsOfTheChart() {
    assertEquals(50, BatteryCharge.percent(2 * 3.84, 2), 1e-9); // 3.84 V per cell = 50 %
    assertEquals(10, BatteryCharge.percent(3.69, 1), 1e-9);
    assertEquals(90, BatteryCharge.percent(3 * 4.11, 3), 1e-9);
    // Halfway between 3.30 V (0 %) and 3.61 V (5 %) per cell: 2.5 %, linear in between.
    assertEquals(2.5, BatteryCharge.percent(2 * (3.30 + 3.61) / 2, 2), 1e-9);
    assertEquals(97.5, BatteryCharge.percent(2 * (4.15 + 4.20) / 2, 2), 1e-9);
    assertEquals(2 * 3.84, BatteryCharge.openCircuitVolts(0.5, 2), 1e-12);
  }

  @Test
  void nanInNanOut() {
    assertTrue(Double.isNaN(BatteryCharge.percent(Double.NaN, 2)));
    assertTrue(Double.isNaN(BatteryCharge.percent(7.4, 0)));
  }

  @Test
  void percentInvertsTheOpenCircuitVoltageAndRisesWithVoltage() {
    SplittableRandom r = new SplittableRandom(7);
    for (int i = 0; i < 5000; i++) {
      double soc = r.nextDouble();
      int cells = 1 + r.nextInt(6);
      double v = BatteryCharge.openCircuitVolts(soc, cells);
      assertEquals(100 * soc, BatteryCharge.percent(v, cells), 1e-9, "soc " + soc);
      double dv = r.nextDouble(0.001, 0.5);
      assertTrue(BatteryCharge.percent(v + dv, cells) >= BatteryCharge.percent(v, cells));
    }
  }

  @Test
  void thresholdsAreTheTwoCellPacksSevenPointTwoAndSixPointEightVolts() {
    assertEquals(7.2, BatteryCharge.warnVolts(BatteryCharge.ROBOT_CELLS), 1e-12);
    assertEquals(6.8, BatteryCharge.criticalVolts(BatteryCharge.ROBOT_CELLS), 1e-12);
  }
}
