package robodog.perception.terrain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Training, saving, loading and bad model files, on synthetic patches (perception does not depend
 * on the simulator; the app's tests use rendered terrain patches and the committed model).
 */
class TerrainClassifierTest {
  private static final int SIZE = 32;

  /** Class 0: horizontal stripes, 1: vertical stripes, 2: speckle; random phase, tint, noise. */
  private static TerrainPatch synthetic(int cls, SplittableRandom r) {
    byte[] bgr = new byte[SIZE * SIZE * 3];
    double period = 4 + 6 * r.nextDouble();
    double phase = r.nextDouble() * period;
    double base = 60 + 120 * r.nextDouble();
    for (int y = 0; y < SIZE; y++) {
      for (int x = 0; x < SIZE; x++) {
        double v;
        if (cls == 0) {
          v = Math.sin(2 * Math.PI * (y + phase) / period);
        } else if (cls == 1) {
          v = Math.sin(2 * Math.PI * (x + phase) / period);
        } else {
          v = r.nextDouble() * 2 - 1;
        }
        int g = (int) Math.max(0, Math.min(255, base + 50 * v + 15 * r.nextGaussian()));
        int p = 3 * (y * SIZE + x);
        bgr[p] = (byte) g;
        bgr[p + 1] = (byte) g;
        bgr[p + 2] = (byte) g;
      }
    }
    return new TerrainPatch(bgr, SIZE);
  }

  @Test
  void aShortTrainingRunLearnsMuchBetterThanChanceAndReloads(@TempDir Path dir) throws Exception {
    SplittableRandom r = new SplittableRandom(5);
    List<TerrainPatch> train = new ArrayList<>();
    int[] labels = new int[240];
    for (int i = 0; i < labels.length; i++) {
      labels[i] = i % 3;
      train.add(synthetic(labels[i], r));
    }
    ByteArrayOutputStream progress = new ByteArrayOutputStream();
    TerrainTrainer.Result res =
        TerrainTrainer.train(
            train,
            labels,
            List.of("h", "v", "s"),
            new TerrainTrainer.Settings(3, 16, 3e-3f, 1),
            dir,
            new PrintStream(progress, true, StandardCharsets.UTF_8));
    assertTrue(res.epochLoss()[2] < res.epochLoss()[0], "loss falls");
    assertTrue(progress.toString(StandardCharsets.UTF_8).contains("epoch 3/3"), "progress bar");
    try (TerrainClassifier c = TerrainClassifier.load(dir);
        TerrainClassifier.Session s = c.newSession()) {
      assertEquals(List.of("h", "v", "s"), c.classes());
      ConfusionMatrix m = new ConfusionMatrix(c.classes());
      for (int i = 0; i < 90; i++) {
        float[] p = s.classify(synthetic(i % 3, r));
        assertEquals(1.0, p[0] + p[1] + p[2], 1e-4, "probabilities");
        m.add(i % 3, TerrainClassifier.argmax(p));
      }
      assertTrue(
          m.accuracy() > 0.7,
          "held-out accuracy " + m.accuracy() + " (chance 0.33)\n" + m.toText());
      m.writePng(dir.resolve("cm.png"), "test");
      assertTrue(Files.size(dir.resolve("cm.png")) > 1000);
    }
  }

  @Test
  void aMissingModelSaysWhereItLookedAndHowToMakeOne(@TempDir Path dir) {
    TerrainModelException e =
        assertThrows(TerrainModelException.class, () -> TerrainClassifier.load(dir));
    assertTrue(e.getMessage().contains(dir.toString()), e.getMessage());
    assertTrue(e.getMessage().contains("train terrain-classifier"), e.getMessage());
  }

  @Test
  void aCorruptParameterFileIsReportedAsSuch(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("terrain-classifier.properties"), "classes=a,b\npatch_size=32\n");
    Files.write(dir.resolve("terrain-classifier-0000.params"), new byte[] {1, 2, 3, 4, 5});
    TerrainModelException e =
        assertThrows(TerrainModelException.class, () -> TerrainClassifier.load(dir));
    assertTrue(e.getMessage().contains("corrupt"), e.getMessage());
  }

  @Test
  void aWrongSizedPatchIsRejectedWithTheExpectedSize() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> new TerrainPatch(new byte[10], 4));
    assertTrue(e.getMessage().contains("4x4"), e.getMessage());
  }
}
