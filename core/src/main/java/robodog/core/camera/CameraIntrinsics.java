package robodog.core.camera;

/**
 * Pinhole intrinsics of a camera, in pixels, as OpenCV's {@code camera_matrix} holds them, plus the
 * image size. Distortion is not part of this record: a simulated camera has none, a real one's
 * frames are undistorted by perception (which reads the calibration file).
 *
 * @param width image width, px
 * @param height image height, px
 * @param fx focal length along x, px
 * @param fy focal length along y, px
 * @param cx principal point x, px (0 = left edge of the first pixel)
 * @param cy principal point y, px
 */
public record CameraIntrinsics(int width, int height, double fx, double fy, double cx, double cy) {
  public CameraIntrinsics {
    if (width <= 0 || height <= 0) {
      throw new IllegalArgumentException(
          "image size must be positive, got " + width + "x" + height);
    }
    if (!(fx > 0) || !(fy > 0)) {
      throw new IllegalArgumentException("focal lengths must be positive, got " + fx + ", " + fy);
    }
  }

  /** Intrinsics of an ideal camera with the given horizontal field of view, in radians. */
  public static CameraIntrinsics fromHorizontalFov(int width, int height, double hfovRad) {
    double f = 0.5 * width / Math.tan(0.5 * hfovRad);
    return new CameraIntrinsics(width, height, f, f, 0.5 * width, 0.5 * height);
  }
}
