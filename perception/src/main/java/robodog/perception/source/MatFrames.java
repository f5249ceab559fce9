package robodog.perception.source;

import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.imgproc.Imgproc;
import robodog.core.camera.CameraException;
import robodog.core.camera.CameraFrame;

/** Copies decoded OpenCV images into {@link CameraFrame}s. Static; any thread. */
final class MatFrames {
  private MatFrames() {}

  /**
   * Copies {@code img} (8-bit grey, BGR or BGRA, the frame's size) into {@code into}; {@code
   * scratch} receives the BGR conversion when needed.
   */
  static void copy(Mat img, Mat scratch, CameraFrame into, String source) throws CameraException {
    if (img.cols() != into.width() || img.rows() != into.height()) {
      throw new CameraException(
          source
              + ": image is "
              + img.cols()
              + "x"
              + img.rows()
              + ", expected "
              + into.width()
              + "x"
              + into.height()
              + " like the first one");
    }
    Mat bgr = img;
    if (img.type() == CvType.CV_8UC1) {
      Imgproc.cvtColor(img, scratch, Imgproc.COLOR_GRAY2BGR);
      bgr = scratch;
    } else if (img.type() == CvType.CV_8UC4) {
      Imgproc.cvtColor(img, scratch, Imgproc.COLOR_BGRA2BGR);
      bgr = scratch;
    } else if (img.type() != CvType.CV_8UC3) {
      throw new CameraException(
          source + ": unsupported pixel type " + CvType.typeToString(img.type()));
    }
    if (!bgr.isContinuous()) {
      bgr = bgr.clone();
    }
    bgr.get(0, 0, into.bgr);
  }
}
