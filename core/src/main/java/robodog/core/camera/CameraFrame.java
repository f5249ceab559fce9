package robodog.core.camera;

/**
 * One camera frame, preallocated and reused: colour as packed 8-bit BGR (OpenCV's {@code CV_8UC3}
 * order, row-major, no padding) and, when the source has it, metric depth along the optical axis
 * (metres, {@code NaN} where unknown). Sources fill a frame handed to them; consumers copy with
 * {@link #copyFrom} (e.g. through a {@link robodog.core.Mailbox}) so no frame is allocated per
 * image.
 *
 * <p>Frames: the camera's optical frame is x right, y down, z forward (REP-103 {@code _optical}
 * convention); {@link #cameraPose} is the camera body frame (x forward, y left, z up) in the odom
 * frame at exposure time when the source knows it: x, y, z (m), roll, pitch, yaw (rad).
 *
 * <p>Not thread-safe: one thread writes, then hands the frame over.
 */
public final class CameraFrame {
  public final CameraIntrinsics intrinsics;

  /** BGR bytes, {@code width * height * 3}. */
  public final byte[] bgr;

  /** Depth, m, {@code width * height}; {@code null} for a source without depth. */
  public final float[] depth;

  /** Monotonic capture time, ns (the source's clock). */
  public long stampNanos;

  /** Increments per frame captured by the source; a gap means frames were dropped. */
  public long sequence;

  /** Camera pose in odom (x, y, z, roll, pitch, yaw); {@link #poseKnown} says if it is set. */
  public final double[] cameraPose = new double[6];

  public boolean poseKnown;

  public CameraFrame(CameraIntrinsics intrinsics, boolean withDepth) {
    this.intrinsics = intrinsics;
    this.bgr = new byte[intrinsics.width() * intrinsics.height() * 3];
    this.depth = withDepth ? new float[intrinsics.width() * intrinsics.height()] : null;
  }

  public int width() {
    return intrinsics.width();
  }

  public int height() {
    return intrinsics.height();
  }

  /** Copies another frame of the same size (and depth presence) into this one. */
  public void copyFrom(CameraFrame o) {
    if (o.bgr.length != bgr.length || (o.depth == null) != (depth == null)) {
      throw new IllegalArgumentException("frame size or depth presence differs");
    }
    System.arraycopy(o.bgr, 0, bgr, 0, bgr.length);
    if (depth != null) {
      System.arraycopy(o.depth, 0, depth, 0, depth.length);
    }
    stampNanos = o.stampNanos;
    sequence = o.sequence;
    System.arraycopy(o.cameraPose, 0, cameraPose, 0, 6);
    poseKnown = o.poseKnown;
  }
}
