package robodog.locomotion;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import robodog.core.GaitSetting;
import robodog.core.Mailbox;
import robodog.core.Mode;
import robodog.core.Telemetry;
import robodog.core.testing.AllocationProbe;

/**
 * The gait advisor (learned terrain policy) lays its settings over the operator's command while
 * active, hands them back when not, shows its status in telemetry, and costs the tick nothing.
 */
class GaitAdvisorTest {
  @Test
  void activeAdviceSetsGaitAndScalesSpeedInactiveHandsBack() {
    WalkHarness h = new WalkHarness(Mode.STANDING);
    Mailbox<GaitSetting> advice = new Mailbox<>(GaitSetting::new, (a, b) -> b.copyFrom(a));
    h.controller.setGaitAdvisor(advice);
    int ripple = h.config.gaits().indexOf("ripple");
    int tripod = h.config.gaits().indexOf("tripod");
    h.command.gaitIndex = ripple;
    h.walk(0.08, 0, 0);
    h.run(3);
    assertEquals(ripple, h.telemetry().gaitIndex);
    assertEquals(0.08, h.telemetry().vx, 1e-6);
    assertEquals(GaitSetting.Status.NONE, h.telemetry().gaitAdvisor);

    GaitSetting g = new GaitSetting();
    g.active = true;
    g.gaitIndex = tripod;
    g.speedScale = 1.5;
    g.stepHeight = 0.03;
    g.status = GaitSetting.Status.OK;
    advice.offer(g);
    h.run(4);
    assertEquals(tripod, h.telemetry().gaitIndex);
    assertEquals(0.12, h.telemetry().vx, 1e-6);
    assertEquals(GaitSetting.Status.OK, h.telemetry().gaitAdvisor);

    g.active = false;
    g.status = GaitSetting.Status.DISABLED;
    advice.offer(g);
    h.run(4);
    assertEquals(ripple, h.telemetry().gaitIndex, "the operator's gait again");
    assertEquals(0.08, h.telemetry().vx, 1e-6);
    assertEquals(GaitSetting.Status.DISABLED, h.telemetry().gaitAdvisor);
  }

  @Test
  void silentAdvisorIsReportedStaleWhileItsLastSettingHoldsAndTelemetryFeedsIt() {
    WalkHarness h = new WalkHarness(Mode.STANDING);
    Mailbox<GaitSetting> advice = new Mailbox<>(GaitSetting::new, (a, b) -> b.copyFrom(a));
    Mailbox<Telemetry> feed = LocomotionConfig.telemetryMailbox();
    h.controller.setGaitAdvisor(advice, feed, 1.5);
    int tripod = h.config.gaits().indexOf("tripod");
    h.command.gaitIndex = h.config.gaits().indexOf("ripple");
    h.walk(0.08, 0, 0);
    GaitSetting g = new GaitSetting();
    g.active = true;
    g.gaitIndex = tripod;
    g.speedScale = 1.25;
    g.stepHeight = 0.04;
    g.status = GaitSetting.Status.OK;
    advice.offer(g);
    h.run(1);
    assertEquals(GaitSetting.Status.OK, h.telemetry().gaitAdvisor);
    assertEquals(true, h.telemetry().advisorActive);
    assertEquals(tripod, h.telemetry().advisorGait);
    assertEquals(1.25, h.telemetry().advisorSpeedScale, 1e-12);
    assertEquals(0.04, h.telemetry().advisorStepHeight, 1e-12);
    Telemetry fed = feed.poll();
    assertEquals(h.telemetry().stampNanos, fed.stampNanos, "the advisor gets every tick");
    h.run(1); // 2 s since the advice: over the 1.5 s stale time
    assertEquals(GaitSetting.Status.STALE, h.telemetry().gaitAdvisor);
    assertEquals(tripod, h.telemetry().gaitIndex, "the last setting holds");
    assertEquals(0.1, h.telemetry().vx, 1e-6);
    advice.offer(g);
    h.run(0.1);
    assertEquals(GaitSetting.Status.OK, h.telemetry().gaitAdvisor);
  }

  @Test
  @Tag("alloc")
  void ticksWithAdviceAllocateNothing() {
    WalkHarness h = new WalkHarness(Mode.STANDING);
    Mailbox<GaitSetting> advice = new Mailbox<>(GaitSetting::new, (a, b) -> b.copyFrom(a));
    // Stale after 250 ticks, advice every 500: both the fresh and the stale path run.
    h.controller.setGaitAdvisor(advice, LocomotionConfig.telemetryMailbox(), 0.5);
    h.walk(0.08, 0, 0);
    GaitSetting g = new GaitSetting();
    g.active = true;
    g.speedScale = 1.2;
    g.status = GaitSetting.Status.OK;
    long[] count = {0};
    Runnable tick =
        () -> {
          long k = count[0]++;
          if (k % 500 == 0) {
            g.gaitIndex = (int) ((k / 500) % 3);
            g.stepHeight = 0.03 + 0.01 * ((k / 500) % 3);
            advice.offer(g);
          }
          try {
            h.loop.runTicks(1);
          } catch (InterruptedException e) {
            throw new AssertionError(e);
          }
        };
    for (int i = 0; i < 300_000; i++) {
      tick.run();
    }
    long bytes = AllocationProbe.bytesAllocatedBy(tick, 100_000);
    assertEquals(0, bytes, "ticks with the advisor allocated " + bytes + " bytes");
  }
}
