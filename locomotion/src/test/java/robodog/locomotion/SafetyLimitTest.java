package robodog.locomotion;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import robodog.core.Mailbox;
import robodog.core.Mode;
import robodog.core.perception.SafetyLimit;

/** Perception's crew-safety limit scales whatever velocity was commanded. */
class SafetyLimitTest {
  private final WalkHarness h = new WalkHarness(Mode.STANDING);
  private final Mailbox<SafetyLimit> limits =
      new Mailbox<>(SafetyLimit::new, (a, b) -> b.copyFrom(a));
  private final SafetyLimit limit = new SafetyLimit();

  private void publish(double scale) {
    limit.speedScale = scale;
    limit.stampNanos = h.clock.nanoTime();
    limits.offer(limit);
  }

  /** Runs while perception keeps publishing at 10 Hz. */
  private void runPublishing(double seconds, double scale) {
    for (int i = 0; i < Math.round(seconds * 10); i++) {
      publish(scale);
      h.run(0.1);
    }
  }

  @Test
  void noPipelineMeansNoLimit() {
    h.walk(0.1, 0, 0);
    h.run(3);
    assertEquals(0.1, h.telemetry().vx, 1e-6);
    h.controller.setSafetyLimits(limits, 0.5, 0.3);
    h.run(1); // connected but nothing published yet
    assertEquals(0.1, h.telemetry().vx, 1e-6);
  }

  @Test
  void slowZoneScalesAndStopZoneStopsTheCommandedSpeed() {
    h.controller.setSafetyLimits(limits, 0.5, 0.3);
    h.walk(0.1, 0, 0.2);
    runPublishing(3, 0.5);
    assertEquals(0.05, h.telemetry().vx, 1e-6);
    assertEquals(0.5, h.controller.safetyScale(), 1e-12);
    runPublishing(2, 0.0);
    assertEquals(0.0, h.telemetry().vx, 1e-6);
    runPublishing(3, 1.0);
    assertEquals(0.1, h.telemetry().vx, 1e-6);
  }

  @Test
  void aStaleOrDegradedLimitFallsBackToTheConservativeScale() {
    h.controller.setSafetyLimits(limits, 0.5, 0.3);
    h.walk(0.1, 0, 0);
    runPublishing(2, 1.0);
    assertEquals(0.1, h.telemetry().vx, 1e-6);
    h.run(3); // the pipeline stopped publishing
    assertEquals(0.03, h.telemetry().vx, 1e-6);
    limit.degraded = true;
    runPublishing(2, 1.0);
    assertEquals(0.03, h.telemetry().vx, 1e-6);
  }
}
