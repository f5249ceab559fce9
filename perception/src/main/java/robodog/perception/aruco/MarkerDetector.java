package robodog.perception.aruco;

import java.util.ArrayList;
import java.util.List;
import org.opencv.calib3d.Calib3d;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfDouble;
import org.opencv.core.MatOfPoint2f;
import org.opencv.core.MatOfPoint3f;
import org.opencv.core.Point3;
import org.opencv.objdetect.ArucoDetector;
import org.opencv.objdetect.DetectorParameters;
import org.opencv.objdetect.Objdetect;
import org.opencv.objdetect.RefineParameters;
import robodog.core.camera.CameraMount;
import robodog.core.perception.Landmarks;
import robodog.perception.MarkerDictionaries;
import robodog.perception.OpenCvNatives;
import robodog.perception.calib.CameraCalibration;

/**
 * ArUco waypoint markers: OpenCV's {@link ArucoDetector} (sub-pixel corner refinement) finds them
 * in a grey image, {@code solvePnP} with {@code SOLVEPNP_IPPE_SQUARE} estimates each one's pose
 * from the calibration and the marker size, and the pose goes through the {@link CameraMount} into
 * base_link (see {@link CameraMount} for the frame chain).
 *
 * <p>Marker frame (OpenCV's): origin at the centre, x right, y up on the printed face, z out of the
 * face toward a viewer; so the face's outward normal is the marker z axis and {@link Landmarks#yaw}
 * is its heading in base_link (±π when the marker faces the robot).
 *
 * <p>One thread (perception); keeps its Mats between frames. The OpenCV Java binding allocates a
 * few small objects per detected marker (corner lists); this is the perception thread, not the
 * control tick.
 */
public final class MarkerDetector implements AutoCloseable {
  static {
    OpenCvNatives.load(); // before any Mat field is built
  }

  private final ArucoDetector detector;
  private final CameraMount mount;
  private final Mat k = new Mat(3, 3, CvType.CV_64F);
  private final MatOfDouble dist;
  private final MatOfPoint3f objectPoints;
  private final Mat ids = new Mat();
  private final List<Mat> corners = new ArrayList<>();
  private final List<Mat> rejected = new ArrayList<>();
  private final Mat rvec = new Mat();
  private final Mat tvec = new Mat();
  private final Mat rot = new Mat();
  private final MatOfPoint2f imagePts = new MatOfPoint2f();
  private final double[] rOpt = new double[9];
  private final double[] r = new double[9];
  private final double[] t = new double[3];
  private final double[] c8 = new double[8];
  private final float[] cf = new float[8];
  private final double[] p = new double[3];
  private final double sizeM;

  /**
   * @param dictionary OpenCV dictionary name, e.g. {@code DICT_4X4_50}
   * @param markerSizeM edge of the black square, m
   */
  public MarkerDetector(
      String dictionary, double markerSizeM, CameraCalibration cal, CameraMount mount) {
    OpenCvNatives.load();
    int dictId = MarkerDictionaries.id(dictionary);
    if (dictId < 0) {
      throw new IllegalArgumentException(
          "unknown marker dictionary "
              + dictionary
              + ", expected one of "
              + MarkerDictionaries.names());
    }
    DetectorParameters params = new DetectorParameters();
    params.set_cornerRefinementMethod(Objdetect.CORNER_REFINE_SUBPIX);
    // Two adaptive-threshold passes (windows 3 and 13 px) instead of OpenCV's three (3, 13, 23):
    // markers here are 15-300 px, which the two smaller windows segment; a third of the time saved.
    params.set_adaptiveThreshWinSizeMax(13);
    detector =
        new ArucoDetector(
            Objdetect.getPredefinedDictionary(dictId), params, new RefineParameters());
    this.mount = mount;
    this.sizeM = markerSizeM;
    k.put(0, 0, cal.cameraMatrix());
    dist = new MatOfDouble(cal.distortion());
    double h = markerSizeM / 2;
    // SOLVEPNP_IPPE_SQUARE's required order: top-left, top-right, bottom-right, bottom-left.
    objectPoints =
        new MatOfPoint3f(
            new Point3(-h, h, 0), new Point3(h, h, 0), new Point3(h, -h, 0), new Point3(-h, -h, 0));
    mount.opticalRotation(rOpt);
  }

  /**
   * Detects markers in {@code gray} (8-bit, one channel, the calibration's size) and fills {@code
   * out} (cleared first) with their base_link poses.
   *
   * @return the number of markers found (may exceed {@code out}'s capacity)
   */
  public int detect(Mat gray, Landmarks out) {
    return detect(gray, null, 0, out);
  }

  /**
   * As {@link #detect(Mat, Landmarks)}, and with a depth image ({@code width} columns, metres along
   * the optical axis, NaN unknown) the range comes from depth: the median of five samples inside
   * the marker scales the solvePnP translation, when it agrees with it within 15% (else the sample
   * hit something else and PnP stands). A marker 20 px wide gives PnP ranges good to a few percent
   * at best; depth is better there. Orientation always comes from PnP.
   */
  public int detect(Mat gray, float[] depth, int width, Landmarks out) {
    out.clear();
    releaseAll(corners);
    releaseAll(rejected);
    detector.detectMarkers(gray, corners, ids, rejected);
    int found = corners.size();
    for (int i = 0; i < found && out.count < out.capacity(); i++) {
      Mat c = corners.get(i);
      c.get(0, 0, cf);
      for (int q = 0; q < 8; q++) {
        c8[q] = cf[q];
      }
      imagePts.fromArray(
          new org.opencv.core.Point(c8[0], c8[1]),
          new org.opencv.core.Point(c8[2], c8[3]),
          new org.opencv.core.Point(c8[4], c8[5]),
          new org.opencv.core.Point(c8[6], c8[7]));
      if (!Calib3d.solvePnP(
          objectPoints, imagePts, k, dist, rvec, tvec, false, Calib3d.SOLVEPNP_IPPE_SQUARE)) {
        continue;
      }
      tvec.get(0, 0, t);
      if (depth != null) {
        double z = markerDepth(depth, width, depth.length / width);
        double ratio = z / t[2];
        if (ratio > 0.5 && ratio < 2) {
          t[0] *= ratio;
          t[1] *= ratio;
          t[2] *= ratio;
        }
      }
      Calib3d.Rodrigues(rvec, rot);
      rot.get(0, 0, r);
      mount.opticalToBase(rOpt, t[0], t[1], t[2], p);
      // marker z axis (face normal) = third column of R, rotated into base_link
      double nx = rOpt[0] * r[2] + rOpt[1] * r[5] + rOpt[2] * r[8];
      double ny = rOpt[3] * r[2] + rOpt[4] * r[5] + rOpt[5] * r[8];
      double range = Math.sqrt(t[0] * t[0] + t[1] * t[1] + t[2] * t[2]);
      double sidePx = meanSide();
      // Small markers and grazing views give noisier poses: confidence from apparent size.
      double conf = Math.max(0, Math.min(1, (sidePx - 8) / 32));
      int id = (int) ids.get(i, 0)[0];
      out.add(id, p[0], p[1], p[2], Math.atan2(ny, nx), range, conf);
    }
    return found;
  }

  private final double[] samples = new double[5];

  /** Median depth at the marker centre and 30% of the way from it to each corner; NaN if none. */
  private double markerDepth(float[] depth, int w, int h) {
    double cu = (c8[0] + c8[2] + c8[4] + c8[6]) / 4;
    double cv = (c8[1] + c8[3] + c8[5] + c8[7]) / 4;
    int n = 0;
    for (int q = -1; q < 4; q++) {
      double u = q < 0 ? cu : cu + 0.3 * (c8[2 * q] - cu);
      double v = q < 0 ? cv : cv + 0.3 * (c8[2 * q + 1] - cv);
      // OpenCV puts pixel centres on integers: pixel index = round(u).
      int i = (int) Math.round(u);
      int j = (int) Math.round(v);
      if (i >= 0 && j >= 0 && i < w && j < h) {
        float d = depth[j * w + i];
        if (d > 0) {
          samples[n++] = d;
        }
      }
    }
    if (n < 3) {
      return Double.NaN;
    }
    java.util.Arrays.sort(samples, 0, n);
    double med = samples[n / 2];
    // The middle three must lie on one plate; else (an edge, the post, the background) no depth.
    int lo = (n - 3) / 2;
    return samples[lo + 2] - samples[lo] <= 0.05 * med ? med : Double.NaN;
  }

  private double meanSide() {
    double s = 0;
    for (int i = 0; i < 4; i++) {
      int j = (i + 1) % 4;
      s += Math.hypot(c8[2 * j] - c8[2 * i], c8[2 * j + 1] - c8[2 * i + 1]);
    }
    return s / 4;
  }

  /** Edge of the markers this detector measures, m. */
  public double markerSizeM() {
    return sizeM;
  }

  private static void releaseAll(List<Mat> mats) {
    for (int i = 0; i < mats.size(); i++) {
      mats.get(i).release();
    }
    mats.clear();
  }

  @Override
  public void close() {
    releaseAll(corners);
    releaseAll(rejected);
    k.release();
    dist.release();
    objectPoints.release();
    ids.release();
    rvec.release();
    tvec.release();
    rot.release();
    imagePts.release();
  }
}
