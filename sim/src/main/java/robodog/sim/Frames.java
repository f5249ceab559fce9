package robodog.sim;

/**
 * Small rotation helpers on quaternions stored as double[4] = (w, x, y, z), REP-103 conventions.
 * Start-up and report code only (they allocate nothing but are not on any hot path).
 */
final class Frames {
  private Frames() {}

  /** Quaternion of a rotation by {@code angle} about the unit axis (ax, ay, az). */
  static double[] axisAngle(double ax, double ay, double az, double angle) {
    double s = Math.sin(angle / 2);
    return new double[] {Math.cos(angle / 2), ax * s, ay * s, az * s};
  }

  /** Hamilton product a ⊗ b. */
  static double[] mul(double[] a, double[] b) {
    return new double[] {
      a[0] * b[0] - a[1] * b[1] - a[2] * b[2] - a[3] * b[3],
      a[0] * b[1] + a[1] * b[0] + a[2] * b[3] - a[3] * b[2],
      a[0] * b[2] - a[1] * b[3] + a[2] * b[0] + a[3] * b[1],
      a[0] * b[3] + a[1] * b[2] - a[2] * b[1] + a[3] * b[0]
    };
  }

  /** Rotates vector v by quaternion q. */
  static double[] rotate(double[] q, double[] v) {
    double[] p = {0, v[0], v[1], v[2]};
    double[] qc = {q[0], -q[1], -q[2], -q[3]};
    double[] r = mul(mul(q, p), qc);
    return new double[] {r[1], r[2], r[3]};
  }

  static double[] add(double[] a, double[] b) {
    return new double[] {a[0] + b[0], a[1] + b[1], a[2] + b[2]};
  }

  /** Roll, pitch, yaw (rad) of a quaternion, REP-103 fixed-axis x-y-z. */
  static void rpy(double w, double x, double y, double z, double[] out) {
    out[0] = Math.atan2(2 * (w * x + y * z), 1 - 2 * (x * x + y * y));
    double s = 2 * (w * y - z * x);
    out[1] = Math.asin(Math.max(-1, Math.min(1, s)));
    out[2] = Math.atan2(2 * (w * z + x * y), 1 - 2 * (y * y + z * z));
  }
}
