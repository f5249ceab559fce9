package robodog.locomotion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import robodog.core.Mode;
import robodog.locomotion.gait.StepPlanner;

/** Changing gait while walking: no stop, no foot jump, no loss of support. */
class GaitHandoverTest {
  private static final String[] SEQUENCE = {
    "tripod", "wave", "ripple", "tetrapod", "tripod", "ripple"
  };

  @Test
  void gaitChangesMidWalkAreSmoothAndKeepTheMargin() {
    WalkHarness h = new WalkHarness(Mode.STANDING);
    StepPlanner p = h.controller.planner();
    double[] px = new double[6];
    double[] py = new double[6];
    double[] pz = new double[6];
    double[] vx = new double[6];
    double[] vy = new double[6];
    double maxStep = 0;
    double maxDeltaV = 0;
    double minMargin = Double.POSITIVE_INFINITY;
    double minSpeedAfterStart = Double.POSITIVE_INFINITY;
    int switchTick = 0;
    for (String gait : SEQUENCE) {
      h.command.gaitIndex = h.config.gaits().indexOf(gait);
      h.walk(0.045, 0, 0); // within every gait's speed limit, so the body never slows
      // Switch at an odd moment of the cycle, not on a phase boundary.
      for (int k = 0; k < 1237; k++) {
        h.run(WalkHarness.DT);
        switchTick++;
        for (int i = 0; i < 6; i++) {
          double dx = p.footX[i] - px[i];
          double dy = p.footY[i] - py[i];
          double dz = p.footZ[i] - pz[i];
          double nvx = dx / WalkHarness.DT;
          double nvy = dy / WalkHarness.DT;
          if (switchTick > 2) {
            maxStep = Math.max(maxStep, Math.sqrt(dx * dx + dy * dy + dz * dz));
            maxDeltaV = Math.max(maxDeltaV, Math.hypot(nvx - vx[i], nvy - vy[i]));
          }
          px[i] = p.footX[i];
          py[i] = p.footY[i];
          pz[i] = p.footZ[i];
          vx[i] = nvx;
          vy[i] = nvy;
        }
        minMargin = Math.min(minMargin, h.telemetry().stabilityMargin);
        if (switchTick > 500) {
          minSpeedAfterStart = Math.min(minSpeedAfterStart, h.telemetry().vx);
        }
      }
      assertEquals(gait, h.config.gaits().get(h.telemetry().gaitIndex).name());
      assertEquals(Mode.WALKING, h.telemetry().mode);
    }
    // A foot moves at most ~1.5 m/s in swing: 3 mm per 2 ms tick. A jump would be centimetres.
    assertTrue(maxStep < 0.003, "a foot jumped " + maxStep + " m in one tick");
    // Velocity is continuous: a change of more than 0.05 m/s within one tick is a kink.
    assertTrue(maxDeltaV < 0.05, "foot velocity jumped by " + maxDeltaV + " m/s in one tick");
    assertTrue(minMargin > 0.015, "stability margin fell to " + minMargin);
    assertEquals(0.045, minSpeedAfterStart, 1e-9, "the body must not stop for a gait change");
  }
}
