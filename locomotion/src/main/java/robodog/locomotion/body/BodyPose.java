package robodog.locomotion.body;

import robodog.core.Rotations;

/**
 * Where {@code base_link} is relative to the walking frame (ground under the nominal body, z up):
 * height, roll, pitch, yaw and a horizontal shift, with the rotation matrix kept current. Mutable;
 * owned by the control thread.
 *
 * <p>Rotation order is REP-103 fixed-axis roll-pitch-yaw: R = Rz(yaw) Ry(pitch) Rx(roll).
 */
public final class BodyPose {
  public double height;
  public double roll;
  public double pitch;
  public double yaw;
  public double shiftX;
  public double shiftY;

  /** Ground height under the body in the walking frame, m; base_link sits {@link #height} above. */
  public double groundZ;

  private final double[] r = new double[9];

  /** Recomputes the rotation matrix after the angles changed. */
  public void refresh() {
    Rotations.rpyToMatrix(roll, pitch, yaw, r);
  }

  /** Copies every field from {@code o}. */
  public void set(BodyPose o) {
    height = o.height;
    roll = o.roll;
    pitch = o.pitch;
    yaw = o.yaw;
    shiftX = o.shiftX;
    shiftY = o.shiftY;
    groundZ = o.groundZ;
    refresh();
  }

  /** Walking-frame point into base_link: p_b = Rᵀ (p_w − t). Writes x, y, z at {@code out[o..]}. */
  public void toBase(double x, double y, double z, double[] out, int o) {
    double dx = x - shiftX;
    double dy = y - shiftY;
    double dz = z - height - groundZ;
    out[o] = r[0] * dx + r[3] * dy + r[6] * dz;
    out[o + 1] = r[1] * dx + r[4] * dy + r[7] * dz;
    out[o + 2] = r[2] * dx + r[5] * dy + r[8] * dz;
  }

  /** Ground-plane x of a base_link point in the walking frame. */
  public double groundX(double bx, double by, double bz) {
    return shiftX + r[0] * bx + r[1] * by + r[2] * bz;
  }

  /** Ground-plane y of a base_link point in the walking frame. */
  public double groundY(double bx, double by, double bz) {
    return shiftY + r[3] * bx + r[4] * by + r[5] * bz;
  }
}
