package robodog.core;

/** Small rigid-transform helpers on row-major 3×3 arrays. Static; any thread; allocation-free. */
public final class Rotations {
  private Rotations() {}

  /** R = Rz(yaw)·Ry(pitch)·Rx(roll) (REP-103 fixed-axis roll, pitch, yaw) into out9. */
  public static void rpyToMatrix(double roll, double pitch, double yaw, double[] r) {
    double cr = Math.cos(roll);
    double sr = Math.sin(roll);
    double cp = Math.cos(pitch);
    double sp = Math.sin(pitch);
    double cy = Math.cos(yaw);
    double sy = Math.sin(yaw);
    r[0] = cy * cp;
    r[1] = cy * sp * sr - sy * cr;
    r[2] = cy * sp * cr + sy * sr;
    r[3] = sy * cp;
    r[4] = sy * sp * sr + cy * cr;
    r[5] = sy * sp * cr - cy * sr;
    r[6] = -sp;
    r[7] = cp * sr;
    r[8] = cp * cr;
  }

  /** Rotation matrix of the unit quaternion (w, x, y, z) into out9. */
  public static void quatToMatrix(double w, double x, double y, double z, double[] r) {
    r[0] = 1 - 2 * (y * y + z * z);
    r[1] = 2 * (x * y - w * z);
    r[2] = 2 * (x * z + w * y);
    r[3] = 2 * (x * y + w * z);
    r[4] = 1 - 2 * (x * x + z * z);
    r[5] = 2 * (y * z - w * x);
    r[6] = 2 * (x * z - w * y);
    r[7] = 2 * (y * z + w * x);
    r[8] = 1 - 2 * (x * x + y * y);
  }

  /** out = a·b (3×3). out must not alias a or b. */
  public static void mul(double[] a, double[] b, double[] out) {
    for (int i = 0; i < 3; i++) {
      for (int j = 0; j < 3; j++) {
        out[i * 3 + j] = a[i * 3] * b[j] + a[i * 3 + 1] * b[3 + j] + a[i * 3 + 2] * b[6 + j];
      }
    }
  }

  /** Roll, pitch, yaw (rad) of a rotation matrix into out3. */
  public static void matrixToRpy(double[] r, double[] out3) {
    out3[0] = Math.atan2(r[7], r[8]);
    out3[1] = Math.asin(Math.max(-1, Math.min(1, -r[6])));
    out3[2] = Math.atan2(r[3], r[0]);
  }
}
