package robodog.hardware.gpio;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DebouncerTest {
  private static final double DT = 0.002;

  @Test
  void footSwitchBounceIsFilteredOut() {
    Debouncer d = new Debouncer(0.01, 0.01, false);
    boolean[] bounce = {true, false, true, false, true, true, false, true};
    for (boolean b : bounce) {
      assertFalse(d.update(b, DT), "a bounce must not register as contact");
    }
    boolean out = false;
    for (int k = 0; k < 6; k++) {
      out = d.update(true, DT);
    }
    assertTrue(out, "a steady 12 ms contact registers");
  }

  @Test
  void theEstopAssertsAtOnceAndReleasesOnlyWhenSteady() {
    Debouncer estop = new Debouncer(0, 0.05, false);
    assertTrue(estop.update(true, DT), "pressing the E-stop must never wait");
    for (int k = 0; k < 10; k++) {
      assertTrue(
          estop.update(k % 2 == 0 ? false : true, DT), "a flickering release is not a release");
    }
    boolean out = true;
    for (int k = 0; k < 30; k++) {
      out = estop.update(false, DT);
    }
    assertFalse(out);
  }
}
