package robodog.perception.people;

import org.opencv.core.Mat;
import org.opencv.core.MatOfDouble;
import org.opencv.core.MatOfRect;
import org.opencv.core.Rect;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;
import org.opencv.objdetect.HOGDescriptor;
import robodog.core.camera.CameraFrame;
import robodog.core.camera.CameraMount;
import robodog.core.perception.PeopleZones;
import robodog.perception.OpenCvNatives;

/**
 * People by OpenCV's built-in HOG + linear SVM pedestrian detector (Dalal-Triggs, 64 × 128 window;
 * the weights ship inside OpenCV, nothing is downloaded). Runs on the grey image scaled to a fixed
 * width. Distance: the median depth in the box's central strip when the frame has depth, else from
 * the box height assuming a person of {@code personHeightM} (the default window's person fills
 * about 3/4 of the box height). The position goes through the camera mount into base_link.
 *
 * <p>Limits: upright, mostly unoccluded people 96+ px tall at the detector's scale (at 320 px width
 * and a 70° camera, roughly within 4–5 m); sitting or partly hidden crew are missed. One thread;
 * keeps its Mats.
 */
public final class HogPeopleDetector implements AutoCloseable {
  static {
    OpenCvNatives.load(); // before any Mat field is built
  }

  /** Fraction of a default-people-detector box's height the person occupies. */
  static final double PERSON_FILL = 0.75;

  private final HOGDescriptor hog = new HOGDescriptor();
  private final Mat small = new Mat();
  private final MatOfRect found = new MatOfRect();
  private final MatOfDouble weights = new MatOfDouble();
  private final Size winStride = new Size(8, 8);
  private final Size padding = new Size(16, 16);
  private final double[] rOpt = new double[9];
  private final double[] p = new double[3];
  private final CameraMount mount;
  private final int width;
  private final double threshold;
  private final double personHeightM;
  private final float[] strip = new float[4096];

  /**
   * @param widthPx detector image width, px (the frame is scaled down to it)
   * @param threshold SVM hit threshold (0 is OpenCV's default)
   */
  public HogPeopleDetector(CameraMount mount, int widthPx, double threshold, double personHeightM) {
    OpenCvNatives.load();
    hog.setSVMDetector(HOGDescriptor.getDefaultPeopleDetector());
    this.mount = mount;
    this.width = widthPx;
    this.threshold = threshold;
    this.personHeightM = personHeightM;
    mount.opticalRotation(rOpt);
  }

  /**
   * Appends the people found in {@code gray} (the full-size grey image of {@code frame}) to {@code
   * out}.
   */
  public void detect(Mat gray, CameraFrame frame, PeopleZones out) {
    double s = (double) width / gray.cols();
    Imgproc.resize(
        gray, small, new Size(width, Math.round(gray.rows() * s)), 0, 0, Imgproc.INTER_AREA);
    hog.detectMultiScale(small, found, weights, threshold, winStride, padding, 1.05, 2.0, false);
    int n = (int) found.total();
    if (n == 0) {
      return;
    }
    Rect[] boxes = found.toArray();
    double[] w = weights.toArray();
    var k = frame.intrinsics;
    for (int b = 0; b < n; b++) {
      Rect r = boxes[b];
      double u = (r.x + r.width * 0.5) / s;
      double top = r.y / s;
      double hPx = r.height / s;
      double dist = Double.NaN;
      if (frame.depth != null) {
        dist = medianDepth(frame, u, top + 0.2 * hPx, top + 0.8 * hPx, 0.15 * r.width / s);
      }
      if (!(dist > 0)) {
        dist = k.fy() * personHeightM / (PERSON_FILL * hPx);
      }
      double vCentre = top + 0.5 * hPx;
      double xo = (u - k.cx()) / k.fx() * dist;
      double yo = (vCentre - k.cy()) / k.fy() * dist;
      mount.opticalToBase(rOpt, xo, yo, dist, p);
      out.add(p[0], p[1], Math.hypot(p[0], p[1]), b < w.length ? w[b] : 0, PeopleZones.SOURCE_HOG);
    }
  }

  private double medianDepth(CameraFrame f, double u, double v0, double v1, double halfW) {
    int w = f.width();
    int h = f.height();
    int i0 = Math.max(0, (int) (u - halfW));
    int i1 = Math.min(w - 1, (int) (u + halfW));
    int j0 = Math.max(0, (int) v0);
    int j1 = Math.min(h - 1, (int) v1);
    int n = 0;
    int step =
        Math.max(1, (int) Math.sqrt((double) (i1 - i0 + 1) * (j1 - j0 + 1) / strip.length) + 1);
    for (int j = j0; j <= j1; j += step) {
      for (int i = i0; i <= i1 && n < strip.length; i += step) {
        float d = f.depth[j * w + i];
        if (d > 0) {
          strip[n++] = d;
        }
      }
    }
    if (n < 5) {
      return Double.NaN;
    }
    java.util.Arrays.sort(strip, 0, n);
    return strip[n / 2];
  }

  @Override
  public void close() {
    small.release();
    found.release();
    weights.release();
  }
}
