package robodog.perception.aruco;

import org.opencv.calib3d.Calib3d;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfDouble;
import org.opencv.core.MatOfPoint2f;
import org.opencv.core.MatOfPoint3f;
import org.opencv.core.Point;
import org.opencv.core.Point3;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;
import org.opencv.objdetect.Objdetect;

/** Test images: an ArUco marker (with a white quiet zone) warped into a grey scene by a pose. */
final class SyntheticMarker {
  private SyntheticMarker() {}

  /**
   * @param rvec marker → optical rotation (Rodrigues), tvec marker centre in optical frame, m
   */
  static Mat render(int id, double sizeM, double[] k9, double[] rvec, double[] tvec, int w, int h) {
    int cell = 40;
    Mat marker = new Mat();
    Objdetect.generateImageMarker(
        Objdetect.getPredefinedDictionary(Objdetect.DICT_4X4_50), id, 6 * cell, marker, 1);
    Mat padded = new Mat();
    Core.copyMakeBorder(
        marker, padded, cell, cell, cell, cell, Core.BORDER_CONSTANT, new Scalar(255));
    double q = sizeM / 2 * 8 / 6; // the quiet zone's outer corners
    MatOfPoint3f obj =
        new MatOfPoint3f(
            new Point3(-q, q, 0), new Point3(q, q, 0), new Point3(q, -q, 0), new Point3(-q, -q, 0));
    Mat k = new Mat(3, 3, CvType.CV_64F);
    k.put(0, 0, k9);
    Mat rv = new Mat(3, 1, CvType.CV_64F);
    rv.put(0, 0, rvec);
    Mat tv = new Mat(3, 1, CvType.CV_64F);
    tv.put(0, 0, tvec);
    MatOfPoint2f img = new MatOfPoint2f();
    Calib3d.projectPoints(obj, rv, tv, k, new MatOfDouble(0, 0, 0, 0, 0), img);
    int s = 8 * cell;
    // Pixel centres on integers: the padded image spans -0.5 .. s - 0.5.
    MatOfPoint2f src =
        new MatOfPoint2f(
            new Point(-0.5, -0.5),
            new Point(s - 0.5, -0.5),
            new Point(s - 0.5, s - 0.5),
            new Point(-0.5, s - 0.5));
    Mat hom = Imgproc.getPerspectiveTransform(src, img);
    Mat out = new Mat(h, w, CvType.CV_8UC1, new Scalar(110));
    Imgproc.warpPerspective(
        padded,
        out,
        hom,
        new Size(w, h),
        Imgproc.INTER_LINEAR,
        Core.BORDER_TRANSPARENT,
        new Scalar(0));
    return out;
  }
}
