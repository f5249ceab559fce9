package robodog.perception.calib;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Calibration on OpenCV's own 13 chessboard photos against the reference in their NOTICE. */
class ChessboardCalibratorTest {
  private static Path photos;
  private static ChessboardCalibrator.Result result;

  @BeforeAll
  static void calibrateOnce() throws Exception {
    photos = Path.of(ChessboardCalibratorTest.class.getResource("/chessboard-left").toURI());
    result = new ChessboardCalibrator(9, 6, 0.025).calibrate(ChessboardCalibrator.imagesIn(photos));
  }

  @Test
  void realPhotosGiveSubHalfPixelRmsAndTheReferenceIntrinsics() {
    CameraCalibration c = result.calibration();
    assertEquals(13, result.usedCount());
    assertTrue(c.rmsPx() < 0.5, "RMS " + c.rmsPx());
    // Reference: OpenCV 4.6 sample pipeline; standard deviation ~0.7 px each, allow 3 sigma.
    assertEquals(532.83, c.fx(), 2.1);
    assertEquals(532.95, c.fy(), 2.1);
    assertEquals(342.49, c.cx(), 2.1);
    assertEquals(233.86, c.cy(), 2.1);
    assertEquals(-0.2809, c.distortion()[0], 0.03);
    assertEquals(640, c.width());
    assertEquals(480, c.height());
    for (ChessboardCalibrator.ImageResult r : result.images()) {
      assertTrue(r.used() && r.rmsPx() > 0 && r.rmsPx() < 1.0, r.toString());
    }
  }

  @Test
  void writtenFileIsOpenCvYamlAndReadsBack(@TempDir Path tmp) throws Exception {
    Path out = tmp.resolve("cam.yaml");
    result.calibration().write(out);
    String text = Files.readString(out);
    assertTrue(text.startsWith("%YAML:1.0\n---\n"), text);
    assertTrue(text.contains("camera_matrix: !!opencv-matrix"));
    assertTrue(text.contains("distortion_coefficients: !!opencv-matrix"));
    CameraCalibration back = CameraCalibration.load(out);
    assertArrayEquals(result.calibration().cameraMatrix(), back.cameraMatrix(), 1e-6);
    assertArrayEquals(result.calibration().distortion(), back.distortion(), 1e-9);
    assertEquals(640, back.width());
  }

  @Test
  void corruptAndBoardlessImagesAreSkippedWithAReason(@TempDir Path tmp) throws Exception {
    List<Path> files = new ArrayList<>();
    for (String n : new String[] {"left01.jpg", "left02.jpg", "left03.jpg", "left04.jpg"}) {
      files.add(Files.copy(photos.resolve(n), tmp.resolve(n)));
    }
    Path corrupt = tmp.resolve("corrupt.jpg");
    Files.write(corrupt, new byte[] {(byte) 0xff, (byte) 0xd8, 1, 2, 3});
    files.add(corrupt);
    Path blank = tmp.resolve("blank.png");
    org.opencv.core.Mat grey =
        new org.opencv.core.Mat(
            480, 640, org.opencv.core.CvType.CV_8UC1, new org.opencv.core.Scalar(128));
    assertTrue(org.opencv.imgcodecs.Imgcodecs.imwrite(blank.toString(), grey));
    files.add(blank);
    ChessboardCalibrator.Result r = new ChessboardCalibrator(9, 6, 0.025).calibrate(files);
    assertEquals(4, r.usedCount());
    ChessboardCalibrator.ImageResult c = r.images().get(4);
    assertFalse(c.used());
    assertTrue(c.skippedBecause().contains("not a readable image"), c.skippedBecause());
    ChessboardCalibrator.ImageResult b = r.images().get(5);
    assertFalse(b.used());
    assertTrue(b.skippedBecause().contains("no 9x6 chessboard"), b.skippedBecause());
  }

  @Test
  void tooFewBoardsIsAClearError(@TempDir Path tmp) throws Exception {
    Path corrupt = tmp.resolve("corrupt.jpg");
    Files.write(corrupt, new byte[] {(byte) 0xff, (byte) 0xd8, 1, 2, 3});
    List<Path> files = List.of(corrupt, photos.resolve("left01.jpg"));
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> new ChessboardCalibrator(9, 6, 0.025).calibrate(files));
    assertTrue(e.getMessage().contains("found it in 1 of 2"), e.getMessage());
  }

  @Test
  void malformedCalibrationFileNamesTheField(@TempDir Path tmp) throws Exception {
    Path f = tmp.resolve("bad.yaml");
    Files.writeString(f, "%YAML:1.0\n---\nimage_width: 640\nimage_height: 480\n");
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> CameraCalibration.load(f));
    assertTrue(e.getMessage().contains("camera_matrix"), e.getMessage());
  }
}
