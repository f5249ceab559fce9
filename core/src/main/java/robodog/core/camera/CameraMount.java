package robodog.core.camera;

import java.util.Set;
import robodog.core.Rotations;
import robodog.core.config.ConfigNode;

/**
 * Where the camera sits on the robot, and the chain of frames a detection travels through:
 *
 * <ol>
 *   <li><b>optical</b> (OpenCV, REP-103 {@code _optical}): x right, y down, z forward along the
 *       optical axis; solvePnP and depth back-projection produce points here.
 *   <li><b>camera</b> body frame: x forward (the optical axis), y left, z up: {@code x_c = z_o, y_c
 *       = -x_o, z_c = -y_o}.
 *   <li><b>base_link</b>: {@code p_b = R_mount · p_c + t_mount}, with {@code R_mount =
 *       Rz(yaw)·Ry(pitch)·Rx(roll)}; positive pitch looks down (REP-103).
 * </ol>
 *
 * Immutable; any thread; the transform methods are allocation-free.
 *
 * @param x camera origin in base_link, m (forward)
 * @param y m (left)
 * @param z m (up)
 * @param rollRad rad
 * @param pitchRad rad, positive looks down
 * @param yawRad rad, positive looks left
 */
public record CameraMount(
    double x, double y, double z, double rollRad, double pitchRad, double yawRad) {
  /** The simulator's default head camera: 12 cm forward, 8 cm up, looking 15° down. */
  public static final CameraMount DEFAULT =
      new CameraMount(0.12, 0, 0.08, 0, Math.toRadians(15), 0);

  /** Rotation base_link ← camera body frame, row-major 3×3, into {@code r9}. */
  public void rotation(double[] r9) {
    Rotations.rpyToMatrix(rollRad, pitchRad, yawRad, r9);
  }

  /**
   * Reads a {@code mount:} block ({@code x_m, y_m, z_m, roll_deg, pitch_down_deg, yaw_deg}); absent
   * keys keep {@code d}'s values. Errors name the file, the key and the range.
   */
  public static CameraMount parse(ConfigNode m, CameraMount d) {
    m.rejectUnknown(Set.of("x_m", "y_m", "z_m", "roll_deg", "pitch_down_deg", "yaw_deg"));
    return new CameraMount(
        m.optDouble("x_m", d.x(), -1, 1, "m in base_link"),
        m.optDouble("y_m", d.y(), -1, 1, "m in base_link"),
        m.optDouble("z_m", d.z(), -1, 1, "m in base_link"),
        Math.toRadians(m.optDouble("roll_deg", Math.toDegrees(d.rollRad()), -180, 180, "degrees")),
        Math.toRadians(
            m.optDouble(
                "pitch_down_deg",
                Math.toDegrees(d.pitchRad()),
                -90,
                90,
                "degrees, positive looks down")),
        Math.toRadians(m.optDouble("yaw_deg", Math.toDegrees(d.yawRad()), -180, 180, "degrees")));
  }

  /**
   * Rotation base_link ← optical frame (row-major 3×3) into {@code r9}: the mount rotation times
   * the fixed optical → camera permutation.
   */
  public void opticalRotation(double[] r9) {
    rotation(r9);
    // columns of R_mount · P where P maps optical (x right, y down, z fwd) to camera (fwd, left,
    // up)
    for (int row = 0; row < 3; row++) {
      double c0 = r9[row * 3];
      double c1 = r9[row * 3 + 1];
      double c2 = r9[row * 3 + 2];
      r9[row * 3] = -c1; // optical x (right) = camera -y
      r9[row * 3 + 1] = -c2; // optical y (down) = camera -z
      r9[row * 3 + 2] = c0; // optical z (forward) = camera x
    }
  }

  /** Transforms a point from the optical frame into base_link, given {@link #opticalRotation}. */
  public void opticalToBase(double[] rOpt9, double xo, double yo, double zo, double[] out3) {
    out3[0] = rOpt9[0] * xo + rOpt9[1] * yo + rOpt9[2] * zo + x;
    out3[1] = rOpt9[3] * xo + rOpt9[4] * yo + rOpt9[5] * zo + y;
    out3[2] = rOpt9[6] * xo + rOpt9[7] * yo + rOpt9[8] * zo + z;
  }
}
