package robodog.locomotion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import robodog.core.Mailbox;
import robodog.core.Mode;
import robodog.core.perception.SafetyLimit;
import robodog.core.testing.AllocationProbe;

/**
 * The control tick allocates nothing in steady state: walking, turning, changing gait, shifting the
 * body, publishing telemetry, over 100,000+ ticks. A deliberately allocating tick in the same run
 * proves the probe sees allocations.
 */
@Tag("alloc")
class TickAllocationTest {
  static volatile Object sink;

  @Test
  void steadyStateTicksAllocateZeroBytes() {
    WalkHarness h = new WalkHarness(Mode.STANDING);
    // Perception's crew-safety limit is polled every tick too.
    Mailbox<SafetyLimit> limits = new Mailbox<>(SafetyLimit::new, (a, b) -> b.copyFrom(a));
    SafetyLimit limit = new SafetyLimit();
    h.controller.setSafetyLimits(limits, 0.5, 0.3);
    h.walk(0.1, 0.02, 0.1);
    h.run(5.0); // warm up: JIT, gait start
    int[] gaits = {
      h.config.gaits().indexOf("tripod"),
      h.config.gaits().indexOf("ripple"),
      h.config.gaits().indexOf("wave"),
      h.config.gaits().indexOf("tetrapod")
    };
    // Commands are prepared before measuring; offering them is part of what is measured.
    long[] count = {0};
    Runnable tick =
        () -> {
          long k = count[0]++;
          if (k % 5000 == 0) {
            h.command.gaitIndex = gaits[(int) ((k / 5000) % gaits.length)];
            h.command.bodyRoll = (k / 5000) % 2 == 0 ? 0.05 : -0.05;
            h.command.yawRate = (k / 5000) % 3 == 0 ? 0.1 : -0.1;
            h.send();
          }
          if (k % 50 == 0) {
            limit.speedScale = (k / 5000) % 2 == 0 ? 1.0 : 0.7;
            limit.stampNanos = h.clock.nanoTime();
            limits.offer(limit);
          }
          try {
            h.loop.runTicks(1);
          } catch (InterruptedException e) {
            throw new AssertionError(e);
          }
        };
    // Steady state means after the JIT has settled: on-stack replacement and deoptimisation
    // during warm-up re-materialise scalar-replaced objects, which the probe counts (a few hundred
    // bytes in the first ~60,000 ticks). Run under -Xint the same ticks allocate nothing after the
    // first one (class initialisation), so those bytes are the JIT's, not the controller's.
    for (int i = 0; i < 300_000; i++) {
      tick.run();
    }

    long bytes = AllocationProbe.bytesAllocatedBy(tick, 120_000);
    assertEquals(0, bytes, "the control tick allocated " + bytes + " bytes over 120,000 ticks");
    assertEquals(Mode.WALKING, h.telemetry().mode);

    Runnable allocating =
        () -> {
          tick.run();
          sink = new double[4]; // escapes through a volatile field: the JIT cannot remove it
        };
    long leaked = AllocationProbe.bytesAllocatedBy(allocating, 100_000);
    assertTrue(leaked >= 100_000L * 16, "the probe missed deliberate allocations: " + leaked);
  }
}
