package robodog.sim;

import robodog.core.JointKind;
import robodog.core.Joints;
import robodog.core.LegId;
import robodog.core.config.RobotDescription;

/**
 * The leg kinematics convention the simulator is built to, and the neutral standing pose from it.
 *
 * <p>Leg frame of leg L: origin at {@code mount(L)} in base_link, rotated by {@code
 * mount(L).yawRad()} about base_link z. Coxa q1 about +z (counter-clockwise seen from above), femur
 * q2 and tibia q3 about −y of the coxa-rotated frame (positive lifts the foot; tibia 0 = in line
 * with the femur). Foot-sphere centre in the leg frame: r = L1 + L2 cos q2 + L3 cos(q2 + q3), z =
 * L2 sin q2 + L3 sin(q2 + q3), foot = (r cos q1, r sin q1, z).
 *
 * <p>Pure functions; any thread; allocation-free.
 */
public final class NeutralStance {
  private NeutralStance() {}

  /**
   * Neutral standing angles (rad, 18, {@link Joints#index} order): coxa 0, each foot sphere resting
   * on flat ground {@code stance.footReachM()} from its coxa axis along the mount yaw, base_link
   * {@code stance.bodyHeightM()} above the ground. Knee up (tibia negative).
   *
   * @throws IllegalArgumentException when the stance is out of the legs' reach
   */
  public static void jointAngles(RobotDescription robot, double[] out18) {
    jointAnglesAtHeight(robot, robot.stance().bodyHeightM(), out18);
  }

  /** As {@link #jointAngles} with base_link {@code heightM} above the ground. */
  public static void jointAnglesAtHeight(RobotDescription robot, double heightM, double[] out18) {
    RobotDescription.LegGeometry g = robot.leg();
    double l2 = g.femurM();
    double l3 = g.tibiaM();
    for (LegId leg : LegId.VALUES) {
      double r = robot.stance().footReachM() - g.coxaM();
      double z = -heightM - robot.mount(leg).zM() + g.footRadiusM();
      double c3 = (r * r + z * z - l2 * l2 - l3 * l3) / (2 * l2 * l3);
      if (!(c3 >= -1 && c3 <= 1)) {
        throw new IllegalArgumentException(
            "neutral stance out of reach of leg " + leg.shortName() + " (cos q3 = " + c3 + ")");
      }
      double q3 = -Math.acos(c3);
      double q2 = Math.atan2(z, r) - Math.atan2(l3 * Math.sin(q3), l2 + l3 * Math.cos(q3));
      out18[Joints.index(leg, JointKind.COXA)] = 0;
      out18[Joints.index(leg, JointKind.FEMUR)] = q2;
      out18[Joints.index(leg, JointKind.TIBIA)] = q3;
    }
  }

  /** Foot-sphere centre of one leg in its leg frame (m) for angles q1..q3 (rad), into out3. */
  public static void footInLegFrame(
      RobotDescription robot, double q1, double q2, double q3, double[] out3) {
    RobotDescription.LegGeometry g = robot.leg();
    double r = g.coxaM() + g.femurM() * Math.cos(q2) + g.tibiaM() * Math.cos(q2 + q3);
    out3[0] = r * Math.cos(q1);
    out3[1] = r * Math.sin(q1);
    out3[2] = g.femurM() * Math.sin(q2) + g.tibiaM() * Math.sin(q2 + q3);
  }
}
