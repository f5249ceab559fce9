package robodog.locomotion.body;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class HeadingHoldTest {
  @Test
  void aBodyYawedByDisturbancesReturnsToTheHeadingItHadWhenSteeringStopped() {
    HeadingHold h = new HeadingHold();
    SplittableRandom r = new SplittableRandom(3);
    double yaw = 0.4;
    double dt = 0.002;
    for (int k = 0; k < 60_000; k++) { // two minutes
      double disturbance = 0.01 + 0.02 * r.nextGaussian(); // a steady turn plus noise, rad/s
      yaw += (h.update(true, 0, yaw) + disturbance) * dt;
    }
    // The steady 0.01 rad/s disturbance leaves an error of 0.01 / gain; nothing grows.
    assertEquals(0.4, yaw, 0.01 / HeadingHold.GAIN_PER_S + 0.01);
  }

  @Test
  void steeringReleasesTheHoldAndTheNewHeadingIsKept() {
    HeadingHold h = new HeadingHold();
    assertEquals(0, h.update(true, 0, 0.0), 1e-12);
    assertEquals(0, h.update(true, 0.3, 0.5), 1e-12, "the operator steers: no correction");
    assertFalse(h.holding());
    assertEquals(0, h.update(true, 0, 0.5), 1e-12);
    assertTrue(h.holding());
    assertEquals(0.5, h.reference(), 1e-12);
  }

  @Test
  void theCorrectionIsBoundedAndTakesTheShortWayRound() {
    HeadingHold h = new HeadingHold();
    h.update(true, 0, Math.PI - 0.01);
    // Turned 0.02 rad anticlockwise across the ±π seam: turn back clockwise, not 6.26 rad round.
    double c = h.update(true, 0, -Math.PI + 0.01);
    assertEquals(-HeadingHold.GAIN_PER_S * 0.02, c, 1e-9);
    HeadingHold far = new HeadingHold();
    far.update(true, 0, 1.0);
    assertEquals(HeadingHold.MAX_RATE, far.update(true, 0, 0.0), 1e-12, "one radian off");
  }

  @Test
  void standingOrANonFiniteHeadingNeverTurnsTheRobot() {
    HeadingHold h = new HeadingHold();
    h.update(true, 0, 0);
    assertEquals(0, h.update(false, 0, 1.0), 0);
    assertEquals(0, h.update(true, 0, Double.NaN), 0);
    assertFalse(h.holding());
  }
}
