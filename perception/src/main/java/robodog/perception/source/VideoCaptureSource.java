package robodog.perception.source;

import org.opencv.core.Mat;
import org.opencv.videoio.VideoCapture;
import org.opencv.videoio.Videoio;
import robodog.core.camera.CameraException;
import robodog.core.camera.CameraFrame;
import robodog.core.camera.CameraIntrinsics;
import robodog.core.camera.CameraSource;
import robodog.perception.OpenCvNatives;
import robodog.perception.calib.CameraCalibration;

/**
 * A V4L2 camera ({@code /dev/videoN}, opened with {@code CAP_V4L2}) or a video file OpenCV can
 * decode without FFMPEG (the openpnp build has none: MJPEG AVI via OpenCV's own reader). No depth.
 * A failed read raises {@link CameraException}; for a device the next {@link #grab} closes and
 * reopens it, so a camera that comes back is picked up. Perception thread only.
 */
public final class VideoCaptureSource implements CameraSource {
  static {
    OpenCvNatives.load(); // before any Mat field is built
  }

  private final String name;
  private final boolean device;
  private final int width;
  private final int height;
  private final CameraIntrinsics intrinsics;
  private final Mat img = new Mat();
  private final Mat scratch = new Mat();
  private VideoCapture cap;
  private long sequence;

  private VideoCaptureSource(String name, boolean device, int w, int h, CameraCalibration cal)
      throws CameraException {
    OpenCvNatives.load();
    this.name = name;
    this.device = device;
    this.width = w;
    this.height = h;
    open();
    intrinsics =
        cal != null
            ? new CameraIntrinsics(w, h, cal.fx(), cal.fy(), cal.cx() + 0.5, cal.cy() + 0.5)
            : CameraIntrinsics.fromHorizontalFov(w, h, Math.toRadians(60));
    if (cal != null && (cal.width() != w || cal.height() != h)) {
      throw new CameraException(
          name
              + ": frames are "
              + w
              + "x"
              + h
              + " but the calibration is for "
              + cal.width()
              + "x"
              + cal.height());
    }
  }

  /**
   * Opens {@code /dev/videoN} (V4L2) asking for {@code w × h}; the device must deliver that size.
   */
  public static VideoCaptureSource device(String path, int w, int h, CameraCalibration cal)
      throws CameraException {
    return new VideoCaptureSource(path, true, w, h, cal);
  }

  /** Opens a video file; its frame size is read from the file. */
  public static VideoCaptureSource file(String path, CameraCalibration cal) throws CameraException {
    OpenCvNatives.load();
    VideoCapture probe = new VideoCapture(path, Videoio.CAP_ANY);
    try {
      if (!probe.isOpened()) {
        throw new CameraException(
            "video file "
                + path
                + ": cannot open (missing, or a codec this OpenCV build lacks: it has no FFMPEG; use MJPEG AVI or an image folder)");
      }
      int w = (int) probe.get(Videoio.CAP_PROP_FRAME_WIDTH);
      int h = (int) probe.get(Videoio.CAP_PROP_FRAME_HEIGHT);
      return new VideoCaptureSource("video file " + path, false, w, h, cal);
    } finally {
      probe.release();
    }
  }

  private void open() throws CameraException {
    String path = device ? name : name.substring("video file ".length());
    cap =
        device ? new VideoCapture(path, Videoio.CAP_V4L2) : new VideoCapture(path, Videoio.CAP_ANY);
    if (!cap.isOpened()) {
      cap.release();
      cap = null;
      throw new CameraException(
          name + ": cannot open" + (device ? " (unplugged, busy or not a V4L2 camera?)" : ""));
    }
    if (device) {
      cap.set(Videoio.CAP_PROP_FRAME_WIDTH, width);
      cap.set(Videoio.CAP_PROP_FRAME_HEIGHT, height);
      cap.set(Videoio.CAP_PROP_BUFFERSIZE, 1); // latest frame wins: no queue of stale frames
    }
  }

  @Override
  public CameraIntrinsics intrinsics() {
    return intrinsics;
  }

  @Override
  public boolean hasDepth() {
    return false;
  }

  @Override
  public boolean grab(CameraFrame into) throws CameraException {
    if (cap == null) {
      open(); // throws again while the device is still gone
    }
    if (!cap.read(img) || img.empty()) {
      if (!device) {
        return false; // end of the file
      }
      cap.release();
      cap = null;
      throw new CameraException(name + ": no frame (camera disconnected?); will try to reopen");
    }
    MatFrames.copy(img, scratch, into, name);
    into.stampNanos = System.nanoTime();
    into.sequence = sequence++;
    into.poseKnown = false;
    return true;
  }

  @Override
  public void close() {
    if (cap != null) {
      cap.release();
    }
    img.release();
    scratch.release();
  }
}
