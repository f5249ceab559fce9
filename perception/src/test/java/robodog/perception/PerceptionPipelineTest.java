package robodog.perception;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencv.core.Mat;
import org.opencv.imgcodecs.Imgcodecs;
import robodog.core.camera.CameraException;
import robodog.core.camera.CameraIntrinsics;
import robodog.core.perception.Landmarks;
import robodog.core.perception.PerceptionHealth;
import robodog.core.perception.SafetyLimit;
import robodog.perception.aruco.SyntheticMarkerImages;
import robodog.perception.calib.CameraCalibration;
import robodog.perception.source.ImageFolderSource;

/** The threaded pipeline on a looping image folder that contains a corrupt file. */
class PerceptionPipelineTest {
  static {
    OpenCvNatives.load();
  }

  private static final CameraCalibration CAL =
      CameraCalibration.ideal(CameraIntrinsics.fromHorizontalFov(640, 480, Math.toRadians(70)));

  private static void await(BooleanSupplier cond, String what) throws InterruptedException {
    long end = System.nanoTime() + 20_000_000_000L;
    while (!cond.getAsBoolean()) {
      assertTrue(System.nanoTime() < end, "timed out waiting for " + what);
      Thread.sleep(5);
    }
  }

  @Test
  void markersArriveAndACorruptImageDegradesTheCameraWithoutStoppingThePipeline(@TempDir Path dir)
      throws Exception {
    Mat img = SyntheticMarkerImages.facing(7, 0.15, CAL.cameraMatrix(), 1.5);
    assertTrue(Imgcodecs.imwrite(dir.resolve("a.png").toString(), img));
    Files.write(dir.resolve("b.jpg"), new byte[] {(byte) 0xff, (byte) 0xd8, 0, 1, 2, 3});
    assertTrue(Imgcodecs.imwrite(dir.resolve("c.png").toString(), img));
    PerceptionOutputs out = PerceptionOutputs.create(80, 0.05);
    PerceptionConfig cfg = PerceptionConfig.DEFAULT;
    try (PerceptionPipeline p =
        new PerceptionPipeline(
            new ImageFolderSource(dir, true, CAL), cfg, CAL, System::nanoTime, out, 5)) {
      p.start();
      Landmarks[] seen = new Landmarks[1];
      await(
          () -> {
            Landmarks l = out.landmarks().poll();
            if (l != null && l.count == 1) {
              seen[0] = l;
            }
            return seen[0] != null;
          },
          "a marker");
      assertEquals(7, seen[0].id[0]);
      assertEquals(1.5, seen[0].distance[0], 0.05);
      String[] reason = {""};
      await(
          () -> {
            PerceptionHealth h = out.health().poll();
            if (h != null && h.cameraErrors > 0) {
              // The degraded flag lasts only until the next good frame; the message stays.
              reason[0] = h.lastCameraError.toString();
            }
            return reason[0].contains("b.jpg");
          },
          "the corrupt image reported");
      assertTrue(reason[0].contains("corrupt"), reason[0]);
      long[] frames = {0};
      await(
          () -> {
            PerceptionHealth h = out.health().latest();
            frames[0] = h.framesProcessed;
            return h.framesProcessed > 20 && h.cameraErrors > 3;
          },
          "processing to go on past the corrupt file");
      SafetyLimit s = out.safety().latest();
      assertEquals(0, s.peopleCount);
    }
  }

  @Test
  void aMissingCameraDeviceIsAClearError() {
    CameraException e =
        assertThrows(
            CameraException.class,
            () ->
                robodog.perception.source.VideoCaptureSource.device(
                    "/dev/video97", 640, 480, null));
    assertTrue(e.getMessage().contains("/dev/video97: cannot open"), e.getMessage());
  }

  @Test
  void anEmptyFolderIsAClearError(@TempDir Path dir) {
    CameraException e =
        assertThrows(CameraException.class, () -> new ImageFolderSource(dir, false, null));
    assertTrue(e.getMessage().contains("no .jpg/.png/.bmp images"), e.getMessage());
  }
}
