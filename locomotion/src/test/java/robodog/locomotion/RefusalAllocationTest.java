package robodog.locomotion;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import robodog.core.Mode;
import robodog.core.testing.AllocationProbe;

/**
 * Refusing inputs allocates nothing either: ticks that refuse a NaN command field and drop a NaN
 * IMU sample, over and over, allocate zero bytes in steady state (warm-up as in {@link
 * TickAllocationTest}).
 */
@Tag("alloc")
class RefusalAllocationTest {
  @Test
  void ticksThatRefuseBadInputsAllocateZeroBytes() {
    NonFiniteInputTest.Rig r = new NonFiniteInputTest.Rig();
    r.hw.field =
        NonFiniteInputTest.stateFields().stream()
            .filter(f -> f.name().equals("imuAngularVelocity[1]"))
            .findFirst()
            .orElseThrow();
    r.hw.value = Double.NaN;
    long[] count = {0};
    Runnable tick =
        () -> {
          long k = count[0]++;
          if (k % 100 == 0) {
            r.cmd.bodyRoll = (k / 100) % 2 == 0 ? Double.NaN : 0.02; // refused, then taken
            r.commands.offer(r.cmd);
          }
          if (k % 10 == 0) {
            r.hw.bad = 1; // one dropped IMU sample every 10 ticks, never 25 in a row
          }
          try {
            r.loop.runTicks(1);
          } catch (InterruptedException e) {
            throw new AssertionError(e);
          }
        };
    for (int i = 0; i < 300_000; i++) {
      tick.run();
    }
    long bytes = AllocationProbe.bytesAllocatedBy(tick, 100_000);
    assertEquals(0, bytes, "refusing ticks allocated " + bytes + " bytes over 100,000 ticks");
    assertEquals(Mode.WALKING, r.mode());
  }
}
