package robodog.perception;

import java.util.Locale;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.core.MatOfInt;
import org.opencv.core.Point;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.imgcodecs.Imgcodecs;
import org.opencv.imgproc.Imgproc;
import robodog.core.camera.CameraIntrinsics;
import robodog.core.camera.CameraMount;
import robodog.core.perception.CameraSnapshot;
import robodog.core.perception.HeightGrid;
import robodog.core.perception.Landmarks;
import robodog.core.perception.PeopleZones;
import robodog.core.perception.SafetyLimit;
import robodog.core.perception.TerrainEstimate;

/**
 * Draws what perception found onto a small copy of the frame and encodes it as JPEG for {@code
 * state/camera}: markers (green circle and id at the marker centre), people (red box 0.5 m wide
 * from the ground to {@code personHeightM}, labelled with the distance), the terrain patch (blue
 * square, class and probability) and a status line (nearest person, speed scale, obstacle ahead).
 * Detections are projected from base_link through the camera mount and the ideal intrinsics.
 *
 * <p>Perception worker thread only; allocates a little per image (OpenCV text and the encoded
 * bytes), which is fine at its ≤ 2 Hz.
 */
public final class FrameAnnotator implements AutoCloseable {
  private static final Scalar GREEN = new Scalar(0, 220, 0);
  private static final Scalar RED = new Scalar(0, 0, 255);
  private static final Scalar BLUE = new Scalar(255, 120, 0);
  private static final Scalar WHITE = new Scalar(255, 255, 255);

  private final CameraIntrinsics k;
  private final double[] rot = new double[9];
  private final CameraMount mount;
  private final double personHeightM;
  private final int width;
  private final int height;
  private final double scale;
  private final Mat small = new Mat();
  private final MatOfByte encoded = new MatOfByte();
  private final MatOfInt params;
  private final double[] uv = new double[2];

  /**
   * @param k the full frame's intrinsics
   * @param widthPx snapshot width, px; the height keeps the aspect ratio
   * @param quality JPEG quality 10..100
   */
  public FrameAnnotator(
      CameraIntrinsics k, CameraMount mount, double personHeightM, int widthPx, int quality) {
    OpenCvNatives.load();
    this.k = k;
    this.mount = mount;
    this.personHeightM = personHeightM;
    mount.rotation(rot);
    this.width = widthPx;
    this.scale = widthPx / (double) k.width();
    this.height = (int) Math.round(k.height() * scale);
    params = new MatOfInt(Imgcodecs.IMWRITE_JPEG_QUALITY, quality);
  }

  /** Annotates {@code bgr} (the full frame) into {@code out}. */
  public void annotate(
      Mat bgr,
      long frameStampNanos,
      Landmarks marks,
      PeopleZones people,
      SafetyLimit safety,
      HeightGrid grid,
      TerrainEstimate terrain,
      int[] terrainRegion,
      CameraSnapshot out) {
    Imgproc.resize(bgr, small, new Size(width, height), 0, 0, Imgproc.INTER_AREA);
    double ground = grid != null && Double.isFinite(grid.groundZ) ? grid.groundZ : -0.12;
    for (int i = 0; i < marks.count; i++) {
      if (project(marks.x[i], marks.y[i], marks.z[i])) {
        Point c = new Point(uv[0], uv[1]);
        int r = (int) Math.max(4, 0.6 * 0.15 * k.fx() * scale / Math.max(0.2, marks.distance[i]));
        Imgproc.circle(small, c, r, GREEN, 2);
        text("#" + marks.id[i], uv[0] + r + 2, uv[1], GREEN);
      }
    }
    for (int i = 0; i < people.count; i++) {
      double x = people.x[i];
      double y = people.y[i];
      if (project(x, y + 0.25, ground)) {
        double u0 = uv[0];
        double v0 = uv[1];
        if (project(x, y - 0.25, ground + personHeightM)) {
          Imgproc.rectangle(small, new Point(u0, v0), new Point(uv[0], uv[1]), RED, 2);
          text(
              String.format(Locale.ROOT, "%.1f m", people.distance[i]),
              Math.min(u0, uv[0]),
              Math.max(12, Math.min(v0, uv[1]) - 3),
              RED);
        }
      }
    }
    if (terrain != null && terrain.best >= 0 && terrainRegion != null) {
      Point a = new Point(terrainRegion[0] * scale, terrainRegion[1] * scale);
      Point b =
          new Point(
              (terrainRegion[0] + terrainRegion[2]) * scale,
              (terrainRegion[1] + terrainRegion[3]) * scale);
      Imgproc.rectangle(small, a, b, BLUE, 1);
      text(
          String.format(
              Locale.ROOT, "%s %.0f%%", terrain.bestName(), 100 * terrain.bestProbability()),
          a.x,
          b.y + 12,
          BLUE);
    }
    text(
        String.format(
            Locale.ROOT,
            "person %s  scale %.2f  %s",
            Double.isFinite(safety.nearestPersonM)
                ? String.format(Locale.ROOT, "%.1f m", safety.nearestPersonM)
                : "-",
            safety.speedScale,
            grid != null && !grid.traversableAhead ? "BLOCKED" : "clear"),
        4,
        12,
        WHITE);
    encoded.release();
    Imgcodecs.imencode(".jpg", small, encoded, params);
    int n = (int) encoded.total();
    if (n <= CameraSnapshot.CAPACITY) {
      encoded.get(0, 0, out.jpeg);
      out.length = n;
    } else {
      out.length = 0;
    }
    out.width = width;
    out.height = height;
    out.frameStampNanos = frameStampNanos;
  }

  /** base_link point → snapshot pixel in {@link #uv}; false when behind or beside the camera. */
  private boolean project(double xb, double yb, double zb) {
    double dx = xb - mount.x();
    double dy = yb - mount.y();
    double dz = zb - mount.z();
    // camera = R^T (p - t); camera x forward, y left, z up
    double xc = rot[0] * dx + rot[3] * dy + rot[6] * dz;
    double yc = rot[1] * dx + rot[4] * dy + rot[7] * dz;
    double zc = rot[2] * dx + rot[5] * dy + rot[8] * dz;
    if (xc < 0.05) {
      return false;
    }
    uv[0] = (k.fx() * (-yc / xc) + k.cx()) * scale;
    uv[1] = (k.fy() * (-zc / xc) + k.cy()) * scale;
    return true;
  }

  private void text(String s, double u, double v, Scalar colour) {
    Imgproc.putText(small, s, new Point(u, v), Imgproc.FONT_HERSHEY_SIMPLEX, 0.4, colour, 1);
  }

  @Override
  public void close() {
    small.release();
    encoded.release();
    params.release();
  }
}
