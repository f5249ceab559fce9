package robodog.sim.camera;

/**
 * Where the head camera sits on the body: position of the camera frame's origin in base_link (m)
 * and its orientation as yaw, then pitch (positive looks down, REP-103), then roll, rad. The camera
 * body frame is x forward (the optical axis), y left, z up. Immutable; any thread.
 */
public record CameraMount(
    double x, double y, double z, double rollRad, double pitchRad, double yawRad) {
  /** 12 cm forward of the body centre, 8 cm up, looking 15° down. */
  public static final CameraMount DEFAULT =
      new CameraMount(0.12, 0, 0.08, 0, Math.toRadians(15), 0);

  /** Rotation base_link ← camera (row-major 3×3) into out9: Rz(yaw)·Ry(pitch)·Rx(roll). */
  public void rotation(double[] out9) {
    Poses.rpyToMatrix(rollRad, pitchRad, yawRad, out9);
  }
}
