package robodog.harness.terrain;

import ai.djl.translate.TranslateException;
import java.util.ArrayList;
import java.util.List;
import robodog.perception.terrain.ConfusionMatrix;
import robodog.perception.terrain.TerrainClassifier;
import robodog.perception.terrain.TerrainPatch;
import robodog.sim.camera.Surface;
import robodog.sim.camera.TerrainPatchGenerator;

/**
 * Wires the simulator's patch renderer to perception's classifier: labelled patch sets for the
 * ground surfaces, training and held-out sets from disjoint seed ranges, and evaluation into a
 * confusion matrix. The classes are {@link Surface#GROUND} by their keys. One thread.
 */
public final class TerrainPatchSets {
  /** Held-out seeds start here, far from any training seed. */
  public static final long HELD_OUT_SEED_BASE = 1L << 40;

  /** Patch side, px. */
  public static final int PATCH = 64;

  /** A labelled set. */
  public record PatchSet(List<TerrainPatch> patches, int[] labels) {}

  private TerrainPatchSets() {}

  /** Class names in label order. */
  public static List<String> classes() {
    List<String> c = new ArrayList<>();
    for (Surface s : Surface.GROUND) {
      c.add(s.key());
    }
    return c;
  }

  /**
   * {@code perClass} patches of every ground surface, interleaved by class; patch k of a class uses
   * seed {@code seedBase + k}.
   */
  public static PatchSet render(int perClass, long seedBase) {
    TerrainPatchGenerator g = new TerrainPatchGenerator(PATCH);
    List<TerrainPatch> patches = new ArrayList<>();
    int[] labels = new int[perClass * Surface.GROUND.length];
    int n = 0;
    for (int k = 0; k < perClass; k++) {
      for (int c = 0; c < Surface.GROUND.length; c++) {
        patches.add(new TerrainPatch(g.render(Surface.GROUND[c], seedBase + k), PATCH));
        labels[n++] = c;
      }
    }
    return new PatchSet(patches, labels);
  }

  /** Classifies a set and counts the outcomes. */
  public static ConfusionMatrix evaluate(TerrainClassifier classifier, PatchSet set)
      throws TranslateException {
    ConfusionMatrix m = new ConfusionMatrix(classifier.classes());
    try (TerrainClassifier.Session s = classifier.newSession()) {
      int batch = 64;
      for (int i = 0; i < set.patches().size(); i += batch) {
        List<TerrainPatch> part =
            set.patches().subList(i, Math.min(set.patches().size(), i + batch));
        List<float[]> probs = s.classifyAll(part);
        for (int j = 0; j < probs.size(); j++) {
          m.add(set.labels()[i + j], TerrainClassifier.argmax(probs.get(j)));
        }
      }
    }
    return m;
  }
}
