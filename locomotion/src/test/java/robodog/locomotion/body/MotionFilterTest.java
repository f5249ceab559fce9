package robodog.locomotion.body;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import robodog.locomotion.ControllerSettings;
import robodog.locomotion.Fixtures;

class MotionFilterTest {
  private final ControllerSettings s = Fixtures.config().settings();

  @Test
  void bodyPoseMovesAtTheConfiguredRatesAndStaysInRange() {
    MotionFilter f = new MotionFilter(s);
    BodyPose start = new BodyPose();
    start.height = 0.12;
    f.reset(start);
    f.target.height = 0.5; // beyond max: clamped first
    f.target.roll = 1.0;
    f.target.shiftX = 0.05;
    f.clampPose(f.target);
    assertEquals(s.maxHeight(), f.target.height, 1e-12);
    assertEquals(s.maxRoll(), f.target.roll, 1e-12);
    double dt = 0.002;
    double prevRoll = 0;
    double prevH = f.pose.height;
    for (int k = 0; k < 2000; k++) {
      f.step(dt);
      assertTrue(f.pose.roll - prevRoll <= s.angleRate() * dt + 1e-12);
      assertTrue(f.pose.height - prevH <= s.heightRate() * dt + 1e-12);
      prevRoll = f.pose.roll;
      prevH = f.pose.height;
    }
    assertEquals(s.maxRoll(), f.pose.roll, 1e-12);
    assertEquals(0.05, f.pose.shiftX, 1e-12);
  }

  @Test
  void diagonalAccelerationIsLimitedAsAVector() {
    MotionFilter f = new MotionFilter(s);
    f.reset(new BodyPose());
    f.targetVx = 1;
    f.targetVy = 1;
    f.step(0.01);
    assertEquals(s.maxAccel() * 0.01, Math.hypot(f.vx, f.vy), 1e-12);
  }
}
