package robodog.perception;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.imgcodecs.Imgcodecs;
import robodog.core.camera.CameraIntrinsics;
import robodog.core.perception.CameraSnapshot;
import robodog.core.perception.PerceptionHealth;
import robodog.core.perception.PerceptionHealth.Input;
import robodog.core.perception.TerrainEstimate;
import robodog.perception.aruco.SyntheticMarkerImages;
import robodog.perception.calib.CameraCalibration;
import robodog.perception.source.ImageFolderSource;

/**
 * The pipeline's optional stages on a looping image folder: the shipped terrain model classifies
 * the patch ahead and the annotated snapshot is a decodable JPEG; a missing model degrades only the
 * terrain input, with the reason, while markers keep coming.
 */
class PipelineStagesTest {
  static {
    OpenCvNatives.load();
  }

  private static final CameraCalibration CAL =
      CameraCalibration.ideal(CameraIntrinsics.fromHorizontalFov(640, 480, Math.toRadians(70)));

  private static void await(BooleanSupplier cond, String what) throws InterruptedException {
    long end = System.nanoTime() + 30_000_000_000L;
    while (!cond.getAsBoolean()) {
      assertTrue(System.nanoTime() < end, "timed out waiting for " + what);
      Thread.sleep(5);
    }
  }

  private static Path folder(Path dir) {
    Mat img = SyntheticMarkerImages.facing(7, 0.15, CAL.cameraMatrix(), 1.5);
    assertTrue(Imgcodecs.imwrite(dir.resolve("a.png").toString(), img));
    return dir;
  }

  @Test
  void theShippedModelClassifiesThePatchAheadAndSnapshotsAreJpegs(@TempDir Path dir)
      throws Exception {
    PerceptionOutputs out = PerceptionOutputs.create(80, 0.05);
    PipelineSettings stages =
        new PipelineSettings("auto", Path.of("../models/terrain-classifier"), 20, 2, 320, 70);
    try (PerceptionPipeline p =
        new PerceptionPipeline(
            new ImageFolderSource(folder(dir), true, CAL),
            PerceptionConfig.DEFAULT,
            CAL,
            System::nanoTime,
            out,
            5,
            stages)) {
      p.start();
      TerrainEstimate[] t = {null};
      await(() -> (t[0] = out.terrain().poll()) != null, "a terrain estimate");
      assertEquals(8, t[0].classCount);
      double sum = 0;
      for (int i = 0; i < t[0].classCount; i++) {
        sum += t[0].probability[i];
      }
      assertEquals(1.0, sum, 1e-4);
      assertEquals(t[0].probability[t[0].best], t[0].bestProbability(), 1e-6);
      CameraSnapshot[] s = {null};
      await(() -> (s[0] = out.snapshot().poll()) != null, "a snapshot");
      MatOfByte bytes = new MatOfByte();
      bytes.fromArray(java.util.Arrays.copyOf(s[0].jpeg, s[0].length));
      Mat decoded = Imgcodecs.imdecode(bytes, Imgcodecs.IMREAD_COLOR);
      assertEquals(320, decoded.cols());
      assertEquals(240, decoded.rows());
      PerceptionHealth h = out.health().latest();
      assertFalse(h.isDegraded(Input.TERRAIN_MODEL), h.reason(Input.TERRAIN_MODEL));
    }
  }

  @Test
  void aMissingModelDegradesTerrainOnlyAndSaysWhy(@TempDir Path dir) throws Exception {
    PerceptionOutputs out = PerceptionOutputs.create(80, 0.05);
    Path images = dir.resolve("img");
    java.nio.file.Files.createDirectories(images);
    PipelineSettings stages = new PipelineSettings("auto", dir.resolve("no-model"), 20, 0, 320, 70);
    try (PerceptionPipeline p =
        new PerceptionPipeline(
            new ImageFolderSource(folder(images), true, CAL),
            PerceptionConfig.DEFAULT,
            CAL,
            System::nanoTime,
            out,
            5,
            stages)) {
      p.start();
      await(
          () -> {
            PerceptionHealth h = out.health().latest();
            return h != null && h.framesProcessed > 10;
          },
          "frames processed without the model");
      PerceptionHealth h = out.health().latest();
      assertTrue(h.isDegraded(Input.TERRAIN_MODEL));
      assertTrue(
          h.reason(Input.TERRAIN_MODEL).contains("model not found in"),
          h.reason(Input.TERRAIN_MODEL));
      assertFalse(h.isDegraded(Input.MARKERS));
      assertEquals(7, out.landmarks().latest().id[0]);
      assertNull(out.terrain().poll());
      assertNull(out.snapshot().poll());
    }
  }
}
