package robodog.perception.calib;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import robodog.core.camera.CameraIntrinsics;

/**
 * A camera's calibration in OpenCV's convention (pixel centres on integers): 3×3 camera matrix,
 * distortion coefficients (k1, k2, p1, p2, k3 …), image size and the RMS reprojection error it was
 * fitted with. Reads and writes OpenCV's own {@code FileStorage} YAML ({@code camera_matrix},
 * {@code distortion_coefficients}, {@code image_width}, {@code image_height}, {@code rms}), which
 * the openpnp Java build does not expose, so the format is produced here by hand. Immutable; any
 * thread.
 */
public record CameraCalibration(
    int width, int height, double[] cameraMatrix, double[] distortion, double rmsPx) {

  public CameraCalibration {
    if (cameraMatrix.length != 9) {
      throw new IllegalArgumentException(
          "camera matrix needs 9 values, got " + cameraMatrix.length);
    }
    cameraMatrix = cameraMatrix.clone();
    distortion = distortion.clone();
  }

  public double fx() {
    return cameraMatrix[0];
  }

  public double fy() {
    return cameraMatrix[4];
  }

  public double cx() {
    return cameraMatrix[2];
  }

  public double cy() {
    return cameraMatrix[5];
  }

  /**
   * The calibration of an ideal (distortion-free) camera with {@code k}'s intrinsics. {@link
   * CameraIntrinsics} puts pixel edges on integers (pixel centre at i + 0.5), OpenCV puts centres
   * on integers, so the principal point moves by half a pixel.
   */
  public static CameraCalibration ideal(CameraIntrinsics k) {
    return new CameraCalibration(
        k.width(),
        k.height(),
        new double[] {k.fx(), 0, k.cx() - 0.5, 0, k.fy(), k.cy() - 0.5, 0, 0, 1},
        new double[5],
        0);
  }

  /** Writes OpenCV FileStorage YAML to a temporary file, then moves it into place. */
  public void write(Path file) throws IOException {
    StringBuilder s = new StringBuilder("%YAML:1.0\n---\n");
    s.append("image_width: ").append(width).append('\n');
    s.append("image_height: ").append(height).append('\n');
    matrix(s, "camera_matrix", 3, 3, cameraMatrix);
    matrix(s, "distortion_coefficients", 1, distortion.length, distortion);
    s.append("rms: ").append(num(rmsPx)).append('\n');
    Path abs = file.toAbsolutePath();
    Path parent = abs.getParent();
    Files.createDirectories(parent);
    Path tmp = Files.createTempFile(parent, abs.getFileName().toString(), ".tmp");
    try {
      Files.writeString(tmp, s, StandardCharsets.UTF_8);
      Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  private static void matrix(StringBuilder s, String name, int rows, int cols, double[] v) {
    s.append(name).append(": !!opencv-matrix\n");
    s.append("   rows: ").append(rows).append("\n   cols: ").append(cols).append('\n');
    s.append("   dt: d\n   data: [ ");
    for (int i = 0; i < v.length; i++) {
      s.append(i > 0 ? ", " : "").append(num(v[i]));
    }
    s.append(" ]\n");
  }

  private static String num(double d) {
    return String.format(Locale.ROOT, "%.10e", d);
  }

  private static final Pattern SCALAR =
      Pattern.compile("^(\\w+):\\s*([-+0-9.eE]+)\\s*$", Pattern.MULTILINE);
  private static final Pattern MATRIX =
      Pattern.compile(
          "^(\\w+):\\s*!!opencv-matrix\\s+rows:\\s*(\\d+)\\s+cols:\\s*(\\d+)\\s+dt:\\s*d\\s+"
              + "data:\\s*\\[([^\\]]*)\\]",
          Pattern.MULTILINE);

  /**
   * Reads a calibration file written by this class or by OpenCV's FileStorage (YAML, double
   * matrices). Every problem names the file and the field.
   */
  public static CameraCalibration load(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "camera calibration " + file + ": cannot read (" + e.getMessage() + ")", e);
    }
    if (!text.startsWith("%YAML")) {
      throw new IllegalArgumentException(
          "camera calibration " + file + ": not an OpenCV FileStorage YAML file (no %YAML header)");
    }
    double[] k = null;
    double[] dist = null;
    Matcher m = MATRIX.matcher(text);
    while (m.find()) {
      int n = Integer.parseInt(m.group(2)) * Integer.parseInt(m.group(3));
      double[] v = parseList(file, m.group(1), m.group(4), n);
      if (m.group(1).equals("camera_matrix")) {
        k = v;
      } else if (m.group(1).equals("distortion_coefficients")) {
        dist = v;
      }
    }
    Double w = null;
    Double h = null;
    double rms = Double.NaN;
    Matcher sm = SCALAR.matcher(text);
    while (sm.find()) {
      double v = Double.parseDouble(sm.group(2));
      switch (sm.group(1)) {
        case "image_width" -> w = v;
        case "image_height" -> h = v;
        case "rms", "avg_reprojection_error" -> rms = v;
        default -> {}
      }
    }
    if (k == null || k.length != 9) {
      throw new IllegalArgumentException(
          "camera calibration " + file + ": camera_matrix missing or not a 3x3 double matrix");
    }
    if (dist == null) {
      throw new IllegalArgumentException(
          "camera calibration " + file + ": distortion_coefficients missing");
    }
    if (w == null || h == null || w < 1 || h < 1) {
      throw new IllegalArgumentException(
          "camera calibration " + file + ": image_width and image_height must be positive");
    }
    if (!(k[0] > 0) || !(k[4] > 0)) {
      throw new IllegalArgumentException(
          "camera calibration " + file + ": camera_matrix focal lengths must be positive");
    }
    return new CameraCalibration(w.intValue(), h.intValue(), k, dist, rms);
  }

  private static double[] parseList(Path file, String name, String body, int n) {
    String[] parts = body.split(",");
    if (parts.length != n) {
      throw new IllegalArgumentException(
          "camera calibration "
              + file
              + ": "
              + name
              + " has "
              + parts.length
              + " values, rows*cols says "
              + n);
    }
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      try {
        v[i] = Double.parseDouble(parts[i].trim());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            "camera calibration " + file + ": " + name + " value '" + parts[i].trim() + "'", e);
      }
    }
    return v;
  }
}
