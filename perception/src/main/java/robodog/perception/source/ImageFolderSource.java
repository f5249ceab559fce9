package robodog.perception.source;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.opencv.core.Mat;
import org.opencv.imgcodecs.Imgcodecs;
import robodog.core.camera.CameraException;
import robodog.core.camera.CameraFrame;
import robodog.core.camera.CameraIntrinsics;
import robodog.core.camera.CameraSource;
import robodog.perception.OpenCvNatives;
import robodog.perception.calib.CameraCalibration;

/**
 * Images from a folder, sorted by file name, optionally looping; no depth. The first image fixes
 * the size. A corrupt file or one of another size raises {@link CameraException} naming it, and the
 * next {@link #grab} moves on to the following file. Perception thread only.
 */
public final class ImageFolderSource implements CameraSource {
  static {
    OpenCvNatives.load(); // before any Mat field is built
  }

  private final Path dir;
  private final List<Path> files;
  private final boolean loop;
  private final CameraIntrinsics intrinsics;
  private final Mat img = new Mat();
  private final Mat scratch = new Mat();
  private int next;
  private long sequence;

  /**
   * @param calibration intrinsics of the camera that took the images, or {@code null} for a 60°
   *     ideal camera (markers then give wrong distances; people and grid need depth anyway)
   */
  public ImageFolderSource(Path dir, boolean loop, CameraCalibration calibration)
      throws CameraException {
    OpenCvNatives.load();
    this.dir = dir;
    this.loop = loop;
    try (Stream<Path> s = Files.list(dir)) {
      files = s.filter(ImageFolderSource::isImage).sorted().toList();
    } catch (IOException e) {
      throw new CameraException(
          "image folder " + dir + ": cannot list (" + e.getMessage() + ")", e);
    }
    if (files.isEmpty()) {
      throw new CameraException("image folder " + dir + ": no .jpg/.png/.bmp images");
    }
    Mat first = Imgcodecs.imread(files.get(0).toString(), Imgcodecs.IMREAD_UNCHANGED);
    if (first.empty()) {
      throw new CameraException(
          "image folder "
              + dir
              + ": first image "
              + files.get(0).getFileName()
              + " is not a readable image");
    }
    int w = first.cols();
    int h = first.rows();
    first.release();
    if (calibration != null) {
      if (calibration.width() != w || calibration.height() != h) {
        throw new CameraException(
            "image folder "
                + dir
                + ": images are "
                + w
                + "x"
                + h
                + " but the calibration is for "
                + calibration.width()
                + "x"
                + calibration.height());
      }
      intrinsics =
          new CameraIntrinsics(
              w,
              h,
              calibration.fx(),
              calibration.fy(),
              calibration.cx() + 0.5,
              calibration.cy() + 0.5);
    } else {
      intrinsics = CameraIntrinsics.fromHorizontalFov(w, h, Math.toRadians(60));
    }
  }

  static boolean isImage(Path p) {
    String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
    return n.endsWith(".jpg") || n.endsWith(".jpeg") || n.endsWith(".png") || n.endsWith(".bmp");
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
    if (next >= files.size()) {
      if (!loop) {
        return false;
      }
      next = 0;
    }
    Path f = files.get(next++);
    if (!Files.isReadable(f)) {
      throw new CameraException(
          "image folder " + dir + ": " + f.getFileName() + " vanished or is unreadable");
    }
    Mat m = Imgcodecs.imread(f.toString(), Imgcodecs.IMREAD_UNCHANGED);
    try {
      if (m.empty()) {
        throw new CameraException(
            "image folder " + dir + ": " + f.getFileName() + " is corrupt or not an image");
      }
      MatFrames.copy(m, scratch, into, "image folder " + dir + ": " + f.getFileName());
    } finally {
      m.release();
    }
    into.stampNanos = System.nanoTime();
    into.sequence = sequence++;
    into.poseKnown = false;
    return true;
  }

  @Override
  public void close() {
    img.release();
    scratch.release();
  }
}
