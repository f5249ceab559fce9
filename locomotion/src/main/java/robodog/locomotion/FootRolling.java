package robodog.locomotion;

import robodog.core.LegId;
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
 * <p>Applied to every foot on the ground, in every mode that solves the legs, from the tilt of the
 * joint targets the tick sent (one tick late, which at these rates is a few micrometres). Swinging
 * and failed feet start over when they are next put down.
 *
 * <p>Control thread only; allocation-free.
 */
final class FootRolling {
  private final double radius;
  private final double[] mountYaw = new double[LegId.COUNT];
  private final double[] lastTilt = new double[LegId.COUNT];
  private final double[] lastRoll = new double[LegId.COUNT];
  private final double[] lastPitch = new double[LegId.COUNT];

  FootRolling(RobotDescription robot) {
    radius = robot.leg().footRadiusM();
    for (LegId leg : LegId.VALUES) {
      mountYaw[leg.ordinal()] = robot.mount(leg).yawRad();
    }
    reset();
  }

  /** Forgets every foot's last tilt (feet placed anew, power-on). */
  void reset() {
    java.util.Arrays.fill(lastTilt, Double.NaN);
  }

  /**
   * After leg {@code leg}'s joints were solved: {@code q[j..j+2]} = coxa, femur, tibia (rad) sent
   * to it, {@code pose} the body pose they were solved for. Moves the planner's foot by what
   * rolling moved it since the last tick.
   */
  void follow(StepPlanner planner, int leg, double[] q, int j, BodyPose pose) {
    if (planner.isSwinging(leg) || planner.isFailed(leg)) {
      lastTilt[leg] = Double.NaN;
      return;
    }
    // Femur and tibia both turn about the leg's -y: their sum is the tibia's tilt in the leg plane.
    double tilt = q[j + 1] + q[j + 2];
    if (!Double.isNaN(lastTilt[leg])) {
      double heading = pose.yaw + mountYaw[leg] + q[j];
      double rollBy = -radius * (tilt - lastTilt[leg]);
      planner.footX[leg] += rollBy * Math.cos(heading) + radius * (pose.pitch - lastPitch[leg]);
      planner.footY[leg] += rollBy * Math.sin(heading) - radius * (pose.roll - lastRoll[leg]);
    }
    lastTilt[leg] = tilt;
    lastRoll[leg] = pose.roll;
    lastPitch[leg] = pose.pitch;
  }
}
