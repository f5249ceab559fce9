package robodog.locomotion.kinematics;

import robodog.core.JointKind;
import robodog.core.LegId;
import robodog.core.config.RobotDescription;
import robodog.core.config.RobotDescription.LegMount;

/**
 * Closed-form forward and inverse kinematics of one 3-DOF leg, in {@code base_link}.
 *
 * <p>Convention (the URDF written by {@code UrdfWriter} and the simulator use the same): the leg
 * frame sits at the coxa axis, yawed by the mount yaw. Coxa turns about +z (angle q1); the femur
 * axis is {@code coxaM} out along the turned x; femur and tibia turn about -y, so positive q2 and
 * q3 lift the foot; q3 = 0 is the tibia in line with the femur. In the leg frame:
 *
 * <pre>
 *   r = L1 + L2 cos q2 + L3 cos(q2 + q3)      z = L2 sin q2 + L3 sin(q2 + q3)
 *   foot = (r cos q1, r sin q1, z)
 * </pre>
 *
 * IK picks the knee-up branch (q3 &le; 0), the only one the joint limits allow on this robot.
 *
 * <p>Allocation-free; each instance belongs to one thread (the control thread).
 */
public final class LegKinematics {
  private final double mx;
  private final double my;
  private final double mz;
  private final double cosYaw;
  private final double sinYaw;
  private final double l1;
  private final double l2;
  private final double l3;
  private final double reachMax;
  private final double reachMin;
  private final double[] min = new double[3];
  private final double[] max = new double[3];

  public LegKinematics(RobotDescription robot, LegId leg) {
    LegMount m = robot.mount(leg);
    mx = m.xM();
    my = m.yM();
    mz = m.zM();
    cosYaw = Math.cos(m.yawRad());
    sinYaw = Math.sin(m.yawRad());
    l1 = robot.leg().coxaM();
    l2 = robot.leg().femurM();
    l3 = robot.leg().tibiaM();
    reachMax = l2 + l3;
    reachMin = Math.abs(l2 - l3);
    for (JointKind k : JointKind.VALUES) {
      min[k.ordinal()] = robot.jointMin(k);
      max[k.ordinal()] = robot.jointMax(k);
    }
  }

  /**
   * Foot position in base_link from joint angles.
   *
   * @param q joint angles (rad) at {@code q[offset..offset+2]} = coxa, femur, tibia
   * @param footToPack receives x, y, z (m) at {@code footToPack[outOffset..outOffset+2]}
   */
  public void forward(double[] q, int offset, double[] footToPack, int outOffset) {
    double q1 = q[offset];
    double q2 = q[offset + 1];
    double q23 = q2 + q[offset + 2];
    double r = l1 + l2 * Math.cos(q2) + l3 * Math.cos(q23);
    double lz = l2 * Math.sin(q2) + l3 * Math.sin(q23);
    double lx = r * Math.cos(q1);
    double ly = r * Math.sin(q1);
    footToPack[outOffset] = mx + cosYaw * lx - sinYaw * ly;
    footToPack[outOffset + 1] = my + sinYaw * lx + cosYaw * ly;
    footToPack[outOffset + 2] = mz + lz;
  }

  /**
   * Joint angles that put the foot at (x, y, z) in base_link. When the target is out of reach or
   * needs a joint beyond its limit, the nearest feasible angles are written and the first problem
   * found is returned; nothing is thrown.
   *
   * @param anglesToPack receives coxa, femur, tibia (rad) at {@code offset..offset+2}
   * @return {@link IkResult#OK} or the limit that was hit
   */
  public IkResult inverse(double x, double y, double z, double[] anglesToPack, int offset) {
    double dx = x - mx;
    double dy = y - my;
    double lx = cosYaw * dx + sinYaw * dy;
    double ly = -sinYaw * dx + cosYaw * dy;
    double lz = z - mz;
    IkResult result = IkResult.OK;

    double q1 = Math.atan2(ly, lx);
    double r = Math.sqrt(lx * lx + ly * ly) - l1;
    double d = Math.sqrt(r * r + lz * lz);
    if (d > reachMax) {
      result = IkResult.TOO_FAR;
      double s = reachMax / d;
      r *= s;
      lz *= s;
      d = reachMax;
    } else if (d < reachMin) {
      result = IkResult.TOO_NEAR;
      if (d < 1e-12) {
        r = reachMin;
        lz = 0;
      } else {
        double s = reachMin / d;
        r *= s;
        lz *= s;
      }
      d = reachMin;
    }
    double c3 = (d * d - l2 * l2 - l3 * l3) / (2 * l2 * l3);
    if (c3 > 1) {
      c3 = 1;
    } else if (c3 < -1) {
      c3 = -1;
    }
    double s3 = -Math.sqrt(1 - c3 * c3);
    double q3 = Math.atan2(s3, c3);
    double q2 = Math.atan2(lz, r) - Math.atan2(l3 * s3, l2 + l3 * c3);
    if (q2 > Math.PI) {
      q2 -= 2 * Math.PI;
    } else if (q2 <= -Math.PI) {
      q2 += 2 * Math.PI;
    }

    if (q1 < min[0] || q1 > max[0]) {
      q1 = clamp(q1, min[0], max[0]);
      result = result.ok() ? IkResult.COXA_LIMIT : result;
    }
    if (q2 < min[1] || q2 > max[1]) {
      q2 = clamp(q2, min[1], max[1]);
      result = result.ok() ? IkResult.FEMUR_LIMIT : result;
    }
    if (q3 < min[2] || q3 > max[2]) {
      q3 = clamp(q3, min[2], max[2]);
      result = result.ok() ? IkResult.TIBIA_LIMIT : result;
    }
    anglesToPack[offset] = q1;
    anglesToPack[offset + 1] = q2;
    anglesToPack[offset + 2] = q3;
    return result;
  }

  private static double clamp(double v, double lo, double hi) {
    return v < lo ? lo : (v > hi ? hi : v);
  }
}
