package robodog.locomotion;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import robodog.core.Mode;

class SmokeTest {
  @Test
  void walks() {
    System.setProperty("dbg", "true");
    WalkHarness h = new WalkHarness(Mode.STANDING);
    h.walk(0.15, 0, 0);
    double minMargin = 1;
    for (int i = 0; i < 1000; i++) {
      h.run(0.01);
      var t = h.telemetry();
      minMargin = Math.min(minMargin, t.stabilityMargin);
      if (i % 50 == 0) {
        System.out.printf(
            "t=%.2f mode=%s vx=%.3f margin=%.3f swing=%s stance=%d notice=%s lf=(%.3f,%.3f,%.3f) q=%.3f,%.3f,%.3f%n",
            i * 0.01,
            t.mode,
            t.vx,
            t.stabilityMargin,
            Integer.toBinaryString(t.swingMask),
            t.stanceCount,
            t.notice,
            t.footPosition[0],
            t.footPosition[1],
            t.footPosition[2],
            t.jointTarget[0],
            t.jointTarget[1],
            t.jointTarget[2]);
      }
    }
    System.out.println(
        "min margin "
            + minMargin
            + " deferred "
            + h.telemetry().deferredLiftoffs
            + " ik "
            + h.telemetry().ikLimitHits);
    assertEquals(Mode.WALKING, h.telemetry().mode);
  }
}
