package robodog.perception.calib;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.opencv.calib3d.Calib3d;
import org.opencv.core.Mat;
import org.opencv.core.MatOfPoint2f;
import org.opencv.core.MatOfPoint3f;
import org.opencv.core.Point3;
import org.opencv.core.Size;
import org.opencv.core.TermCriteria;
import org.opencv.imgcodecs.Imgcodecs;
import robodog.perception.OpenCvNatives;

/**
 * Calibrates a camera from photos of a chessboard, as OpenCV's {@code calibration.cpp} sample does:
 * {@code findChessboardCorners}, {@code cornerSubPix} (window 5 × 5 half-size, 30 iterations or
 * 0.001 px), {@code calibrateCamera} with the 5-coefficient distortion model. Images where the
 * board is not found, unreadable files and images of another size are skipped with a reason. Called
 * from one thread (a command); allocates freely.
 */
public final class ChessboardCalibrator {
  /** Outcome for one image: its per-image RMS reprojection error, or why it was skipped. */
  public record ImageResult(Path file, boolean used, double rmsPx, String skippedBecause) {}

  /** The fitted calibration and what happened to each image. */
  /**
   * @param stdDevPx estimated standard deviations of fx, fy, cx, cy, px
   */
  public record Result(CameraCalibration calibration, List<ImageResult> images, double[] stdDevPx) {
    public long usedCount() {
      return images.stream().filter(ImageResult::used).count();
    }
  }

  private final int cols;
  private final int rows;
  private final double squareM;

  /**
   * @param cols inner corners per row (9 for a 10 × 7-square board)
   * @param rows inner corners per column
   * @param squareM square edge, m (only board translations depend on it)
   */
  public ChessboardCalibrator(int cols, int rows, double squareM) {
    if (cols < 2 || rows < 2) {
      throw new IllegalArgumentException(
          "board must have at least 2x2 inner corners, got " + cols + "x" + rows);
    }
    if (!(squareM > 0)) {
      throw new IllegalArgumentException("square size must be positive, got " + squareM + " m");
    }
    this.cols = cols;
    this.rows = rows;
    this.squareM = squareM;
    OpenCvNatives.load();
  }

  /** Image files in a folder (jpg, jpeg, png, bmp, tif), sorted by name. */
  public static List<Path> imagesIn(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      throw new IOException("image folder " + dir + " does not exist or is not a directory");
    }
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(ChessboardCalibrator::isImage).sorted().toList();
    }
  }

  static boolean isImage(Path p) {
    String n = p.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
    return Files.isRegularFile(p)
        && (n.endsWith(".jpg")
            || n.endsWith(".jpeg")
            || n.endsWith(".png")
            || n.endsWith(".bmp")
            || n.endsWith(".tif")
            || n.endsWith(".tiff"));
  }

  /**
   * Finds the board in every image and fits the camera.
   *
   * @throws IllegalArgumentException when fewer than 3 images show the board (names the images)
   */
  public Result calibrate(List<Path> files) {
    MatOfPoint3f board = boardPoints();
    List<Mat> objectPoints = new ArrayList<>();
    List<Mat> imagePoints = new ArrayList<>();
    List<Path> usedFiles = new ArrayList<>();
    List<ImageResult> results = new ArrayList<>();
    Size imageSize = null;
    Size pattern = new Size(cols, rows);
    TermCriteria crit = new TermCriteria(TermCriteria.EPS + TermCriteria.COUNT, 30, 0.001);
    for (Path f : files) {
      Mat gray = Imgcodecs.imread(f.toString(), Imgcodecs.IMREAD_GRAYSCALE);
      try {
        if (gray.empty()) {
          results.add(skip(f, "not a readable image (corrupt or unsupported format)"));
          continue;
        }
        Size sz = gray.size();
        if (imageSize != null && !sz.equals(imageSize)) {
          results.add(
              skip(
                  f,
                  "size "
                      + sizeText(sz)
                      + " differs from the first image's "
                      + sizeText(imageSize)));
          continue;
        }
        MatOfPoint2f corners = new MatOfPoint2f();
        boolean found =
            Calib3d.findChessboardCorners(
                gray,
                pattern,
                corners,
                Calib3d.CALIB_CB_ADAPTIVE_THRESH + Calib3d.CALIB_CB_NORMALIZE_IMAGE);
        if (!found) {
          results.add(skip(f, "no " + cols + "x" + rows + " chessboard found"));
          corners.release();
          continue;
        }
        org.opencv.imgproc.Imgproc.cornerSubPix(
            gray, corners, new Size(5, 5), new Size(-1, -1), crit);
        imageSize = sz;
        objectPoints.add(board);
        imagePoints.add(corners);
        usedFiles.add(f);
        results.add(null); // filled after the fit, keeps input order
      } finally {
        gray.release();
      }
    }
    if (usedFiles.size() < 3) {
      throw new IllegalArgumentException(
          "need at least 3 images showing the "
              + cols
              + "x"
              + rows
              + " board, found it in "
              + usedFiles.size()
              + " of "
              + files.size());
    }
    Mat k = new Mat();
    Mat dist = new Mat();
    List<Mat> rvecs = new ArrayList<>();
    List<Mat> tvecs = new ArrayList<>();
    Mat stdIntrinsics = new Mat();
    Mat stdExtrinsics = new Mat();
    Mat perView = new Mat();
    double rms =
        Calib3d.calibrateCameraExtended(
            objectPoints,
            imagePoints,
            imageSize,
            k,
            dist,
            rvecs,
            tvecs,
            stdIntrinsics,
            stdExtrinsics,
            perView);
    int used = 0;
    for (int i = 0; i < results.size(); i++) {
      if (results.get(i) == null) {
        double e = perView.get(used, 0)[0];
        results.set(i, new ImageResult(usedFiles.get(used), true, e, ""));
        used++;
      }
    }
    double[] km = new double[9];
    k.get(0, 0, km);
    double[] dm = new double[(int) dist.total()];
    dist.reshape(1, 1).get(0, 0, dm);
    CameraCalibration cal =
        new CameraCalibration((int) imageSize.width, (int) imageSize.height, km, dm, rms);
    double[] sd = new double[4];
    stdIntrinsics.get(0, 0, sd);
    return new Result(cal, List.copyOf(results), sd);
  }

  private static ImageResult skip(Path f, String why) {
    return new ImageResult(f, false, Double.NaN, why);
  }

  private static String sizeText(Size s) {
    return (int) s.width + "x" + (int) s.height;
  }

  private MatOfPoint3f boardPoints() {
    Point3[] pts = new Point3[cols * rows];
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < cols; c++) {
        pts[r * cols + c] = new Point3(c * squareM, r * squareM, 0);
      }
    }
    return new MatOfPoint3f(pts);
  }
}
