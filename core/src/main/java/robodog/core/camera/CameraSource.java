package robodog.core.camera;

/**
 * Anything that produces camera frames: a V4L2 device, a video file or image folder, or the
 * simulated camera. Called from one perception thread only, never from the control loop.
 */
public interface CameraSource extends AutoCloseable {
  /** Size and pinhole model of the frames this source produces. */
  CameraIntrinsics intrinsics();

  /** True if {@link #grab} fills {@link CameraFrame#depth}. */
  boolean hasDepth();

  /**
   * Fills {@code into} with the next frame, blocking at most until one is available.
   *
   * @return false at the end of a finite source (file, folder)
   * @throws CameraException when the camera is gone or the image is corrupt; the message names the
   *     source and what was wrong
   */
  boolean grab(CameraFrame into) throws CameraException;

  @Override
  void close();
}
