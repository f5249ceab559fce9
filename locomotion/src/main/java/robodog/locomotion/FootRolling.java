package robodog.locomotion;

import robodog.core.LegId;
import robodog.core.Mode;
import robodog.core.config.RobotDescription;
import robodog.locomotion.body.BodyPose;
import robodog.locomotion.gait.StepPlanner;

/**
 * Lets a standing foot roll instead of scrub. The IK target is the centre of the foot sphere, and
 * the sphere turns with the tibia; when the tibia tilts by Δβ with the centre held still, the point
 * touching the ground has to slide by radius × Δβ. Sitting down or standing up tilts each tibia by
 * about 25°, so every foot was dragged ~5 mm across the ground at each change of height, and the
 * friction forces of six feet scrubbing in slightly different ways moved the body 3–4 mm and turned
 * it ~3 mrad per sit or stand (measured; with a 3 mm foot radius, under 0.5 mm). Moving the centre
 * by what rolling moves it by, {@code −radius × Δβ} along the leg's horizontal direction (and
 * {@code radius × (Δpitch, −Δroll)} for a change of body attitude), keeps the contact point where
 * the foot was put down.
 *
 * <p>Applied to every foot on the ground while the robot stands or sits (see {@link #setMode}),
 * from the tilt of the joint targets the tick sent (one tick late: a few micrometres at these
 * rates). Swinging and failed feet start over when they are next put down.
 *
 * <p>Control thread only; allocation-free.
 */
final class FootRolling {
  private final double radius;
  private final double[] mountYaw = new double[LegId.COUNT];
  private final double[] lastTilt = new double[LegId.COUNT];
  private final double[] lastRoll = new double[LegId.COUNT];
  private final double[] lastPitch = new double[LegId.COUNT];
  private final double[] rolledX = new double[LegId.COUNT];
  private final double[] rolledY = new double[LegId.COUNT];
  private final boolean[] held = new boolean[LegId.COUNT];
  private boolean active;
  private boolean armed;

  /**
   * @param standing the robot starts standing on its neutral stance (the simulator spawns it so),
   *     which counts as having stood since the feet were placed
   */
  FootRolling(RobotDescription robot, boolean standing) {
    armed = standing;
    radius = robot.leg().footRadiusM();
    for (LegId leg : LegId.VALUES) {
      mountYaw[leg.ordinal()] = robot.mount(leg).yawRad();
    }
    reset();
  }

  /**
   * The tick's mode, before the legs are solved; {@code atHeight}: the body is at the height it is
   * heading for. Feet roll while the robot stands or sits still, once it has stood at its height
   * since the feet were last placed: power-on puts them at the neutral footholds at sitting height
   * from wherever the legs lay, and the first stand-up leaves them there, so standing is the
   * neutral stance; from then on a sit rolls them and the stand rolls them back. A walking stance
   * is left as the gait plans it (centre fixed), which the gait tests and the legs' odometry
   * assume; walking forgets every foot's tilt.
   */
  void setMode(Mode mode, boolean poweringOn, boolean atHeight) {
    if (poweringOn) {
      armed = false;
    } else if (mode == Mode.STANDING && atHeight) {
      armed = true;
    }
    boolean on = armed && mode != Mode.WALKING;
    if (!on) {
      reset();
    }
    active = on;
  }

  /** Forgets every foot's last tilt (feet placed anew). */
  void reset() {
    for (int i = 0; i < LegId.COUNT; i++) {
      forget(i);
    }
  }

  private void forget(int leg) {
    lastTilt[leg] = Double.NaN;
    rolledX[leg] = 0;
    rolledY[leg] = 0;
    held[leg] = false;
  }

  /**
   * After leg {@code leg}'s joints were solved: {@code q[j..j+2]} = coxa, femur, tibia (rad) sent
   * to it, {@code pose} the body pose they were solved for, {@code reached} whether the IK reached
   * the target. Moves the planner's foot by what rolling moved it since the last tick. Rolling
   * never takes a foot where the leg cannot follow: a foot whose IK hit a limit goes back to where
   * the gait put it and stays there until it is next put down.
   */
  void follow(StepPlanner planner, int leg, double[] q, int j, BodyPose pose, boolean reached) {
    if (!active || planner.isSwinging(leg) || planner.isFailed(leg)) {
      forget(leg);
      return;
    }
    if (held[leg]) {
      return;
    }
    if (!reached) {
      planner.footX[leg] -= rolledX[leg];
      planner.footY[leg] -= rolledY[leg];
      forget(leg);
      held[leg] = true;
      return;
    }
    // Femur and tibia both turn about the leg's -y: their sum is the tibia's tilt in the leg plane.
    double tilt = q[j + 1] + q[j + 2];
    if (!Double.isNaN(lastTilt[leg])) {
      double heading = pose.yaw + mountYaw[leg] + q[j];
      double rollBy = -radius * (tilt - lastTilt[leg]);
      double dx = rollBy * Math.cos(heading) + radius * (pose.pitch - lastPitch[leg]);
      double dy = rollBy * Math.sin(heading) - radius * (pose.roll - lastRoll[leg]);
      planner.footX[leg] += dx;
      planner.footY[leg] += dy;
      rolledX[leg] += dx;
      rolledY[leg] += dy;
    }
    lastTilt[leg] = tilt;
    lastRoll[leg] = pose.roll;
    lastPitch[leg] = pose.pitch;
  }
}
