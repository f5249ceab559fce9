package robodog.harness.terrain;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import robodog.perception.terrain.TerrainClassifier;
import robodog.perception.terrain.TerrainPatch;

/**
 * Inference time of the terrain classifier on one thread: one patch per call, and a frame's worth
 * (3 patches ahead of the robot in one batch). Prints median and p90 ms. Usage: {@code
 * TerrainInferenceBenchmark [model dir] [iterations]}.
 */
public final class TerrainInferenceBenchmark {
  private TerrainInferenceBenchmark() {}

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args.length > 0 ? args[0] : "models/terrain-classifier");
    int n = args.length > 1 ? Integer.parseInt(args[1]) : 300;
    TerrainPatchSets.PatchSet set = TerrainPatchSets.render(2, 42);
    try (TerrainClassifier c = TerrainClassifier.load(dir);
        TerrainClassifier.Session s = c.newSession()) {
      List<TerrainPatch> three = set.patches().subList(0, 3);
      double[] one = new double[n];
      double[] frame = new double[n];
      for (int i = -50; i < n; i++) {
        long t0 = System.nanoTime();
        s.classify(set.patches().get(Math.floorMod(i, set.patches().size())));
        long t1 = System.nanoTime();
        s.classifyAll(three);
        long t2 = System.nanoTime();
        if (i >= 0) {
          one[i] = (t1 - t0) / 1e6;
          frame[i] = (t2 - t1) / 1e6;
        }
      }
      Arrays.sort(one);
      Arrays.sort(frame);
      System.out.printf(
          Locale.ROOT,
          "one 64x64 patch: median %.2f ms, p90 %.2f ms%n",
          one[n / 2],
          one[n * 9 / 10]);
      System.out.printf(
          Locale.ROOT,
          "one frame (3 patches, one batch): median %.2f ms, p90 %.2f ms%n",
          frame[n / 2],
          frame[n * 9 / 10]);
    }
  }
}
