package robodog.locomotion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import robodog.core.LegId;
import robodog.core.Mode;
import robodog.core.Telemetry;
import robodog.locomotion.gait.StepPlanner;

/** Closed-loop walking on ideal servos with goals, not frame-by-frame traces. */
class WalkingTest {
  /** Tracks the body in the world by integrating the velocity the controller actually used. */
  private static final class Odometry {
    double x;
    double y;
    double yaw;

    void step(Telemetry t, double dt) {
      // Same discretisation as the stance update: rotate first, then translate in the new frame.
      yaw += t.yawRate * dt;
      x += (t.vx * Math.cos(yaw) - t.vy * Math.sin(yaw)) * dt;
      y += (t.vx * Math.sin(yaw) + t.vy * Math.cos(yaw)) * dt;
    }

    double worldX(double fx, double fy) {
      return x + fx * Math.cos(yaw) - fy * Math.sin(yaw);
    }

    double worldY(double fx, double fy) {
      return y + fx * Math.sin(yaw) + fy * Math.cos(yaw);
    }
  }

  private static double maxSlip(WalkHarness h, double seconds) {
    StepPlanner p = h.controller.planner();
    Odometry odo = new Odometry();
    double[] anchorX = new double[6];
    double[] anchorY = new double[6];
    boolean[] wasStance = new boolean[6];
    double worst = 0;
    int ticks = (int) Math.round(seconds / WalkHarness.DT);
    for (int k = 0; k < ticks; k++) {
      h.run(WalkHarness.DT);
      odo.step(h.telemetry(), WalkHarness.DT);
      for (int i = 0; i < 6; i++) {
        boolean stance = !p.isSwinging(i) && p.footZ[i] == 0;
        double wx = odo.worldX(p.footX[i], p.footY[i]);
        double wy = odo.worldY(p.footX[i], p.footY[i]);
        if (stance && wasStance[i]) {
          worst = Math.max(worst, Math.hypot(wx - anchorX[i], wy - anchorY[i]));
        } else if (stance) {
          anchorX[i] = wx;
          anchorY[i] = wy;
        }
        wasStance[i] = stance;
      }
    }
    return worst;
  }

  @Test
  void tripodWalksAtTheCommandedSpeedWithStanceFeetFixedOnTheGround() {
    WalkHarness h = new WalkHarness(Mode.STANDING);
    h.walk(0.15, 0, 0);
    h.run(1.0); // accelerate: 0.4 m/s² takes 0.375 s
    double slip = maxSlip(h, 8.0);
    assertEquals(0.15, h.telemetry().vx, 1e-12);
    assertTrue(slip < 1e-9, "stance feet slid " + slip + " m on the ground");
    assertEquals(0, h.telemetry().ikLimitHits);
    assertEquals(0, h.telemetry().deferredLiftoffs);
  }

  @Test
  void turningWhileWalkingKeepsStanceFeetFixed() {
    WalkHarness h = new WalkHarness(Mode.STANDING);
    h.walk(0.08, 0.03, 0.3);
    h.run(1.5);
    double slip = maxSlip(h, 6.0);
    assertTrue(slip < 1e-3, "stance feet slid " + slip + " m while turning");
    assertEquals(0.3, h.telemetry().yawRate, 0.05);
  }

  @Test
  void accelerationIsLimitedForTheCarriedCamera() {
    WalkHarness h = new WalkHarness(Mode.STANDING);
    h.walk(0.15, 0, 0);
    double prev = 0;
    double worst = 0;
    for (int k = 0; k < 500; k++) {
      h.run(WalkHarness.DT);
      worst = Math.max(worst, (h.telemetry().vx - prev) / WalkHarness.DT);
      prev = h.telemetry().vx;
    }
    assertTrue(worst <= h.config.settings().maxAccel() + 1e-9, "acceleration " + worst);
    assertEquals(0.15, prev, 1e-12);
  }

  @Test
  void commandsBeyondWhatTheGaitCanStepAreLimitedAndSaidSo() {
    WalkHarness h = new WalkHarness(Mode.STANDING);
    h.command.gaitIndex = h.config.gaits().indexOf("wave");
    h.walk(1.0, 0, 0);
    h.run(3.0);
    double limit =
        h.config.gaitTable().maxStrideMeters()
            / h.config.gaitTable().byName("wave").stanceSeconds();
    assertEquals(limit, h.telemetry().vx, 1e-9);
    assertEquals(robodog.core.Notice.SPEED_LIMITED, h.telemetry().notice);
  }

  @Test
  void everyFailedLegWalksOnFiveWithPositiveMarginAllCycle() {
    for (LegId failed : LegId.VALUES) {
      WalkHarness h = new WalkHarness(Mode.STANDING);
      h.command.failedLegMask = 1 << failed.ordinal();
      h.walk(0.05, 0, 0);
      double minMargin = Double.POSITIVE_INFINITY;
      double distance = 0;
      for (int k = 0; k < 6000; k++) { // 12 s: a few five-leg cycles
        h.run(WalkHarness.DT);
        Telemetry t = h.telemetry();
        distance += t.vx * WalkHarness.DT;
        if (k > 500) { // after the body has shifted over the five feet
          minMargin = Math.min(minMargin, t.stabilityMargin);
        }
        assertEquals(5, t.stanceCount + Integer.bitCount(t.swingMask), "five legs in use");
      }
      Telemetry t = h.telemetry();
      assertTrue(minMargin > 0, failed + ": margin went to " + minMargin);
      assertTrue(distance > 0.3, failed + ": walked only " + distance + " m");
      int j = failed.ordinal() * 3;
      double femurUp = h.config.robot().jointMax(robodog.core.JointKind.FEMUR) - Math.toRadians(10);
      assertEquals(femurUp, t.jointTarget[j + 1], 1e-9, failed + " must be folded up");
      assertEquals("wave5-" + failed.shortName(), h.config.gaits().get(t.gaitIndex).name());
    }
  }
}
