package robodog.autonomy;

import robodog.core.Mode;
import robodog.core.MotionCommand;

/**
 * A kinematic stand-in for the walking robot in fast tests: integrates the commanded velocity with
 * a first-order lag (the controller's rate limits) when the mode is WALKING. Odometry = truth.
 */
final class Plant {
  double x;
  double y;
  double yaw;
  double vx;
  double w;

  void step(MotionCommand c, double dt) {
    double tvx = c.requestedMode == Mode.WALKING ? c.vx : 0;
    double tw = c.requestedMode == Mode.WALKING ? c.yawRate : 0;
    double a = dt / 0.3;
    vx += (tvx - vx) * a;
    w += (tw - w) * a;
    yaw += w * dt;
    x += vx * Math.cos(yaw) * dt;
    y += vx * Math.sin(yaw) * dt;
  }

  double speed() {
    return Math.abs(vx);
  }
}
