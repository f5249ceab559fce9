package robodog.locomotion.body;

import robodog.locomotion.ControllerSettings;

/**
 * Rate-limits the body: velocity under acceleration limits (a camera on top must not be jerked),
 * pose under slew-rate limits and range clamps. Targets are set by the controller after its checks;
 * {@link #step} moves the current values toward them. Allocation-free; control thread.
 */
public final class MotionFilter {
  private final ControllerSettings s;

  /** Current, limited values. */
  public final BodyPose pose = new BodyPose();

  /** Pose the filter is heading for. */
  public final BodyPose target = new BodyPose();

  /** Current velocity: m/s, m/s, rad/s. */
  public double vx;

  public double vy;
  public double wz;

  /** Velocity the filter is heading for. */
  public double targetVx;

  public double targetVy;
  public double targetWz;

  /**
   * Body height rate used instead of the configured one when positive, m/s: a settling E-stop must
   * reach the ground within its bound. Set by the controller on the control thread.
   */
  public double heightRateOverride;

  public MotionFilter(ControllerSettings settings) {
    this.s = settings;
  }

  /** Sets the current pose and target to {@code p} at once (start-up, re-arm). */
  public void reset(BodyPose p) {
    pose.set(p);
    target.set(p);
    vx = vy = wz = 0;
    targetVx = targetVy = targetWz = 0;
  }

  /**
   * Servo power was cut (E-STOP, PASSIVE): the body no longer moves, so neither does the velocity
   * state. The pose is left alone; power-on resets it from the sitting pose.
   */
  public void haltVelocity() {
    vx = vy = wz = 0;
    targetVx = targetVy = targetWz = 0;
  }

  /** Clamps a requested pose into the configured ranges, in place. */
  public void clampPose(BodyPose p) {
    p.height = RateLimit.clamp(p.height, s.minHeight(), s.maxHeight());
    p.roll = RateLimit.clamp(p.roll, -s.maxRoll(), s.maxRoll());
    p.pitch = RateLimit.clamp(p.pitch, -s.maxPitch(), s.maxPitch());
    p.yaw = RateLimit.clamp(p.yaw, -s.maxYaw(), s.maxYaw());
  }

  /** Advances current values toward targets by one tick. */
  public void step(double dt) {
    double a = s.maxAccel() * dt;
    // Limit the acceleration vector, not each axis, so diagonal starts are not faster.
    double dvx = targetVx - vx;
    double dvy = targetVy - vy;
    double n = Math.sqrt(dvx * dvx + dvy * dvy);
    if (n > a) {
      dvx *= a / n;
      dvy *= a / n;
    }
    vx += dvx;
    vy += dvy;
    wz = RateLimit.step(wz, targetWz, s.maxYawAccel(), dt);
    double heightRate = heightRateOverride > 0 ? heightRateOverride : s.heightRate();
    pose.height = RateLimit.step(pose.height, target.height, heightRate, dt);
    pose.roll = RateLimit.step(pose.roll, target.roll, s.angleRate(), dt);
    pose.pitch = RateLimit.step(pose.pitch, target.pitch, s.angleRate(), dt);
    pose.yaw = RateLimit.step(pose.yaw, target.yaw, s.angleRate(), dt);
    pose.shiftX = RateLimit.step(pose.shiftX, target.shiftX, s.shiftRate(), dt);
    pose.shiftY = RateLimit.step(pose.shiftY, target.shiftY, s.shiftRate(), dt);
    pose.refresh();
  }
}
