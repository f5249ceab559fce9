package robodog.locomotion;

import robodog.core.GroundCall;
import robodog.core.MotionCommand;
import robodog.core.Notice;
import robodog.locomotion.body.HeadingHold;
import robodog.locomotion.body.MotionFilter;
import robodog.locomotion.body.RateLimit;
import robodog.locomotion.gait.SpeedLimit;
import robodog.locomotion.gait.StepPlanner;

/**
 * Turns the command's velocity into the motion filter's targets, each limit in turn: the held
 * heading's correction while nobody steers, the yaw-rate ceiling, the gait's foot-speed limit (the
 * fastest foot covers at most one stride per stance), the ground's ceiling and a recovery's stop
 * (only while the robot picks its own gait), and perception's crew-safety scale. Returns the notice
 * of the last limit that bit.
 *
 * <p>Control thread only; allocation-free.
 */
final class VelocityShaper {
  private final ControllerSettings settings;
  private final double maxStride;
  private final HeadingHold heading = new HeadingHold();

  VelocityShaper(ControllerSettings settings, double maxStrideMeters) {
    this.settings = settings;
    this.maxStride = maxStrideMeters;
  }

  /**
   * Sets {@code filter}'s target velocity for this tick.
   *
   * @param walking walking and allowed to move; otherwise the targets are zero
   * @param imuYaw measured heading, rad (for the heading hold)
   * @param call the ground call in force, {@link GroundCall#SMOOTH} when an operator chose the gait
   * @param ceiling the ground's speed ceiling, m/s (infinite when an operator chose the gait)
   * @param safetyScale perception's speed scale, 0..1
   * @return the notice of the limit that applied, or {@link Notice#NONE}
   */
  Notice apply(
      MotionCommand c,
      boolean walking,
      double imuYaw,
      StepPlanner planner,
      GroundCall call,
      double ceiling,
      double safetyScale,
      MotionFilter filter) {
    double hold = heading.update(walking, c.yawRate, imuYaw);
    if (!walking) {
      filter.targetVx = 0;
      filter.targetVy = 0;
      filter.targetWz = 0;
      return Notice.NONE;
    }
    Notice notice = Notice.NONE;
    double wz = RateLimit.clamp(c.yawRate + hold, -settings.maxYawRate(), settings.maxYawRate());
    double vx = c.vx;
    double vy = c.vy;
    double limit = SpeedLimit.footSpeedLimit(planner.gait(), maxStride);
    double worst = SpeedLimit.worstFootSpeed(vx, vy, wz, planner.neutralX, planner.neutralY);
    if (worst > limit) {
      double s = limit / worst;
      vx *= s;
      vy *= s;
      wz *= s;
      notice = Notice.SPEED_LIMITED;
    }
    double speed = Math.hypot(vx, vy);
    if (speed > ceiling) {
      double s = ceiling / speed;
      vx *= s;
      vy *= s;
      wz *= s;
      notice = Notice.SLOWED_FOR_SLIP;
    }
    if (call == GroundCall.RECOVERING) {
      wz = 0;
      notice = Notice.RECOVERING;
    }
    if (safetyScale < 1.0) {
      vx *= safetyScale;
      vy *= safetyScale;
      wz *= safetyScale;
      notice = Notice.SPEED_LIMITED;
    }
    filter.targetVx = vx;
    filter.targetVy = vy;
    filter.targetWz = wz;
    return notice;
  }
}
