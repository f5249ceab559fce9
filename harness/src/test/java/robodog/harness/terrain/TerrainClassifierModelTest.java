package robodog.harness.terrain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import robodog.perception.terrain.ConfusionMatrix;
import robodog.perception.terrain.TerrainClassifier;
import robodog.perception.terrain.TerrainTrainer;

/** The committed terrain model on freshly rendered simulator patches, and a tiny training run. */
class TerrainClassifierModelTest {
  private static final Path MODEL = Path.of("../models/terrain-classifier");

  @Test
  void theCommittedModelClassifiesFreshlyRenderedHeldOutPatches() throws Exception {
    // Seeds far from both the training range and the command's own held-out set.
    TerrainPatchSets.PatchSet set =
        TerrainPatchSets.render(25, TerrainPatchSets.HELD_OUT_SEED_BASE + 123_456_789L);
    try (TerrainClassifier c = TerrainClassifier.load(MODEL)) {
      assertEquals(TerrainPatchSets.classes(), c.classes());
      ConfusionMatrix m = TerrainPatchSets.evaluate(c, set);
      // The full held-out set (800 patches) is the figure in docs; 200 patches wobble ±3 %.
      assertTrue(m.accuracy() >= 0.85, "held-out accuracy " + m.accuracy() + "\n" + m.toText());
    }
  }

  @Test
  void aTinyTrainingRunOnRenderedPatchesBeatsChance(@TempDir Path dir) throws Exception {
    TerrainPatchSets.PatchSet train = TerrainPatchSets.render(20, 77);
    TerrainTrainer.train(
        train.patches(),
        train.labels(),
        TerrainPatchSets.classes(),
        new TerrainTrainer.Settings(3, 16, 3e-3f, 1),
        dir,
        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    TerrainPatchSets.PatchSet test =
        TerrainPatchSets.render(10, TerrainPatchSets.HELD_OUT_SEED_BASE + 5);
    try (TerrainClassifier c = TerrainClassifier.load(dir)) {
      ConfusionMatrix m = TerrainPatchSets.evaluate(c, test);
      // Chance is 1/8; three epochs on 160 patches reach roughly 0.4-0.6.
      assertTrue(m.accuracy() > 0.3, "accuracy " + m.accuracy() + "\n" + m.toText());
    }
  }
}
