package robodog.locomotion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import robodog.core.GaitSetting;
import robodog.core.GroundCall;
import robodog.core.Mailbox;
import robodog.core.Mode;
import robodog.core.Telemetry;
import robodog.core.testing.AllocationProbe;

/**
 * The gait advisor (learned terrain policy) lays its settings over the command only while the robot
 * picks its own gait, never faster than commanded and only inside the terrain selector's safe set;
 * an explicit gait is walked as asked; telemetry shows what was laid and when the wish was clamped;
 * the tick costs nothing.
 */
class GaitAdvisorTest {
  private static GaitSetting setting(int gait, double scale, double step) {
    GaitSetting g = new GaitSetting();
    g.active = true;
    g.gaitIndex = gait;
    g.speedScale = scale;
    g.stepHeight = step;
    g.status = GaitSetting.Status.OK;
    return g;
  }

  @Test
  void onItsOwnGaitTheRobotTakesAdviceInsideTheSafeSetAndNeverFasterThanCommanded() {
    WalkHarness h = new WalkHarness(Mode.STANDING);
    h.feelsGround = true;
    Mailbox<GaitSetting> advice = new Mailbox<>(GaitSetting::new, (a, b) -> b.copyFrom(a));
    h.controller.setGaitAdvisor(advice);
    int ripple = h.config.gaits().indexOf("ripple");
    int tetrapod = h.config.gaits().indexOf("tetrapod");
    int tripod = h.config.gaits().indexOf("tripod");
    h.walk(0.08, 0, 0);
    h.run(3);
    assertTrue(h.telemetry().gaitAuto, "the robot picks its gait");
    assertEquals(GroundCall.SMOOTH, h.telemetry().groundCall);
    assertEquals(ripple, h.telemetry().gaitIndex, "the selector's gait at 0.08 m/s");
    assertEquals(0.08, h.telemetry().vx, 1e-6);

    // Faster than commanded, in a gait faster than the selector's: both clamped.
    advice.offer(setting(tripod, 1.5, 0.03));
    h.run(4);
    assertEquals(ripple, h.telemetry().gaitIndex, "tripod is outside smooth ground's safe set");
    assertEquals(0.08, h.telemetry().vx, 1e-6, "never faster than the command");
    assertTrue(h.telemetry().advisorActive);
    assertTrue(h.telemetry().advisorClamped);
    assertEquals(1.0, h.telemetry().advisorSpeedScale, 1e-12);
    assertEquals(ripple, h.telemetry().advisorGait);
    assertEquals(0.03, h.telemetry().advisorStepHeight, 1e-12, "a lower step on smooth ground");
    assertEquals(GaitSetting.Status.OK, h.telemetry().gaitAdvisor);

    // Inside the safe set: laid as asked.
    advice.offer(setting(tetrapod, 0.75, 0.03));
    h.run(4);
    assertEquals(tetrapod, h.telemetry().gaitIndex, "as fast as ripple: allowed on smooth ground");
    assertEquals(0.06, h.telemetry().vx, 1e-6);
    assertFalse(h.telemetry().advisorClamped);

    GaitSetting off = setting(tetrapod, 0.75, 0.03);
    off.active = false;
    off.status = GaitSetting.Status.DISABLED;
    advice.offer(off);
    h.run(4);
    assertEquals(ripple, h.telemetry().gaitIndex, "the selector's gait again");
    assertEquals(0.08, h.telemetry().vx, 1e-6);
    assertFalse(h.telemetry().advisorActive);
    assertEquals(GaitSetting.Status.DISABLED, h.telemetry().gaitAdvisor);
  }

  @Test
  void anExplicitGaitIsWalkedAsAskedWhateverTheAdvisorWants() {
    WalkHarness h = new WalkHarness(Mode.STANDING);
    h.feelsGround = true;
    Mailbox<GaitSetting> advice = new Mailbox<>(GaitSetting::new, (a, b) -> b.copyFrom(a));
    h.controller.setGaitAdvisor(advice);
    int ripple = h.config.gaits().indexOf("ripple");
    int tetrapod = h.config.gaits().indexOf("tetrapod");
    h.command.gaitIndex = ripple;
    h.walk(0.08, 0, 0);
    advice.offer(setting(tetrapod, 0.75, 0.03));
    h.run(4);
    assertFalse(h.telemetry().gaitAuto);
    assertEquals(ripple, h.telemetry().gaitIndex, "the operator's gait");
    assertEquals(0.08, h.telemetry().vx, 1e-6, "the operator's speed: nothing of the advice laid");
    assertFalse(h.telemetry().advisorActive);
    assertTrue(h.telemetry().advisorClamped, "telemetry says the advisor yielded");
    assertEquals(-1, h.telemetry().advisorGait);
    assertEquals(GaitSetting.Status.OK, h.telemetry().gaitAdvisor);
  }

  @Test
  void silentAdvisorIsReportedStaleWhileItsLastSettingHoldsAndTelemetryFeedsIt() {
    WalkHarness h = new WalkHarness(Mode.STANDING);
    h.feelsGround = true;
    Mailbox<GaitSetting> advice = new Mailbox<>(GaitSetting::new, (a, b) -> b.copyFrom(a));
    Mailbox<Telemetry> feed = LocomotionConfig.telemetryMailbox();
    h.controller.setGaitAdvisor(advice, feed, 1.5);
    int tetrapod = h.config.gaits().indexOf("tetrapod");
    h.walk(0.08, 0, 0);
    GaitSetting g = setting(tetrapod, 0.875, 0.035);
    advice.offer(g);
    h.run(1);
    assertEquals(GaitSetting.Status.OK, h.telemetry().gaitAdvisor);
    assertEquals(true, h.telemetry().advisorActive);
    assertEquals(tetrapod, h.telemetry().advisorGait);
    assertEquals(0.875, h.telemetry().advisorSpeedScale, 1e-12);
    assertEquals(0.035, h.telemetry().advisorStepHeight, 1e-12);
    Telemetry fed = feed.poll();
    assertEquals(h.telemetry().stampNanos, fed.stampNanos, "the advisor gets every tick");
    h.run(1); // 2 s since the advice: over the 1.5 s stale time
    assertEquals(GaitSetting.Status.STALE, h.telemetry().gaitAdvisor);
    assertEquals(tetrapod, h.telemetry().gaitIndex, "the last setting holds");
    assertEquals(0.07, h.telemetry().vx, 1e-6);
    advice.offer(g);
    h.run(0.1);
    assertEquals(GaitSetting.Status.OK, h.telemetry().gaitAdvisor);
  }

  @Test
  @Tag("alloc")
  void ticksWithAdviceAllocateNothing() {
    WalkHarness h = new WalkHarness(Mode.STANDING);
    h.feelsGround = true;
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
