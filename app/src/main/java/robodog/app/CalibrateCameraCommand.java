package robodog.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import robodog.perception.calib.CameraCalibration;
import robodog.perception.calib.ChessboardCalibrator;

/**
 * {@code ./robodog calibrate camera --images DIR --board 9x6 --square-mm N --out FILE.yaml}: camera
 * intrinsics from chessboard photos, written as OpenCV FileStorage YAML.
 */
@Command(
    name = "camera",
    mixinStandardHelpOptions = true,
    description = {
      "Camera intrinsics and distortion from chessboard photos (OpenCV findChessboardCorners,",
      "cornerSubPix, calibrateCamera); prints the RMS and per-image reprojection errors and",
      "writes OpenCV's YAML (camera_matrix, distortion_coefficients, image_width, image_height)."
    })
public final class CalibrateCameraCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--images", required = true, description = "folder of chessboard photos")
  Path images;

  @Option(
      names = "--board",
      required = true,
      description = "inner corners per row x per column, e.g. 9x6")
  String board;

  @Option(names = "--square-mm", required = true, description = "square edge, mm")
  double squareMm;

  @Option(names = "--out", required = true, description = "calibration file to write (.yaml)")
  Path out;

  @Override
  public Integer call() throws IOException {
    String[] parts = board.toLowerCase(Locale.ROOT).split("x");
    int cols;
    int rows;
    try {
      if (parts.length != 2) {
        throw new NumberFormatException();
      }
      cols = Integer.parseInt(parts[0].trim());
      rows = Integer.parseInt(parts[1].trim());
    } catch (NumberFormatException e) {
      throw new ParameterException(
          spec.commandLine(), "--board: expected COLSxROWS inner corners like 9x6, got " + board);
    }
    if (cols < 2 || rows < 2 || cols > 100 || rows > 100) {
      throw new ParameterException(
          spec.commandLine(), "--board: corner counts must be 2..100, got " + board);
    }
    if (!(squareMm > 0) || squareMm > 1000) {
      throw new ParameterException(
          spec.commandLine(), "--square-mm: expected a size in (0, 1000] mm, got " + squareMm);
    }
    PrintWriter o = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    ChessboardCalibrator.Result r;
    try {
      r =
          new ChessboardCalibrator(cols, rows, squareMm / 1000)
              .calibrate(ChessboardCalibrator.imagesIn(images));
    } catch (IOException | IllegalArgumentException e) {
      err.println("robodog: calibrate camera: " + e.getMessage());
      return 1;
    }
    for (ChessboardCalibrator.ImageResult i : r.images()) {
      if (i.used()) {
        o.printf(Locale.ROOT, "  %-28s %.3f px%n", i.file().getFileName(), i.rmsPx());
      } else {
        o.printf(Locale.ROOT, "  %-28s skipped: %s%n", i.file().getFileName(), i.skippedBecause());
      }
    }
    CameraCalibration c = r.calibration();
    double[] sd = r.stdDevPx();
    o.printf(
        Locale.ROOT,
        "board found in %d of %d images (%dx%d)%n",
        r.usedCount(),
        r.images().size(),
        c.width(),
        c.height());
    o.printf(Locale.ROOT, "RMS reprojection error: %.4f px%n", c.rmsPx());
    o.printf(
        Locale.ROOT,
        "fx %.2f ± %.2f  fy %.2f ± %.2f  cx %.2f ± %.2f  cy %.2f ± %.2f px%n",
        c.fx(),
        sd[0],
        c.fy(),
        sd[1],
        c.cx(),
        sd[2],
        c.cy(),
        sd[3]);
    StringBuilder d = new StringBuilder("distortion (k1 k2 p1 p2 k3):");
    for (double v : c.distortion()) {
      d.append(String.format(Locale.ROOT, " %.5f", v));
    }
    o.println(d);
    c.write(out);
    o.println("wrote " + out);
    return 0;
  }
}
