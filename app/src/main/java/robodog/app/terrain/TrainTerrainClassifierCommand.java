package robodog.app.terrain;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import robodog.harness.terrain.TerrainPatchSets;
import robodog.perception.terrain.ConfusionMatrix;
import robodog.perception.terrain.TerrainClassifier;
import robodog.perception.terrain.TerrainTrainer;

/**
 * {@code ./robodog train terrain-classifier}: renders labelled ground patches with the simulated
 * camera, trains the CNN with DJL, writes the model, then evaluates it on a held-out set rendered
 * from a disjoint seed range and writes the confusion matrix as text and PNG.
 */
@Command(
    name = "terrain-classifier",
    description = "Train the terrain classifier on simulated camera patches (DJL, CPU).",
    mixinStandardHelpOptions = true)
public final class TrainTerrainClassifierCommand implements Callable<Integer> {
  @Option(
      names = "--out",
      description =
          "model directory (default runs/train/terrain-classifier/<time>/, untracked; naming"
              + " models/terrain-classifier replaces the shipped model and says so)")
  Path out;

  @Option(names = "--epochs", description = "training epochs (default: ${DEFAULT-VALUE})")
  int epochs = 12;

  @Option(names = "--seed", description = "random seed (default: ${DEFAULT-VALUE})")
  long seed = 1;

  @Option(
      names = "--per-class",
      description = "training patches per class (default: ${DEFAULT-VALUE})")
  int perClass = 400;

  @Option(
      names = "--test-per-class",
      description = "held-out patches per class (default: ${DEFAULT-VALUE})")
  int testPerClass = 100;

  @Option(
      names = "--report",
      description = "where the confusion matrix goes (default: the model directory)")
  Path report;

  @Override
  public Integer call() throws Exception {
    if (epochs < 1 || perClass < 1 || testPerClass < 1) {
      throw new IllegalArgumentException("--epochs, --per-class and --test-per-class must be >= 1");
    }
    if (out == null) {
      out = robodog.app.OutputDirs.fresh("train/terrain-classifier");
    }
    robodog.app.OutputDirs.sayIfReplacing(
        out.resolve(TerrainClassifier.NAME + "-0000.params"), System.out);
    long t0 = System.nanoTime();
    System.out.printf(
        Locale.ROOT,
        "rendering %d training patches (%d classes)...%n",
        perClass * TerrainPatchSets.classes().size(),
        TerrainPatchSets.classes().size());
    TerrainPatchSets.PatchSet train = TerrainPatchSets.render(perClass, seed * 1_000_003L);
    double renderS = (System.nanoTime() - t0) / 1e9;
    System.out.printf(Locale.ROOT, "rendered in %.1f s; training %d epochs%n", renderS, epochs);
    TerrainTrainer.Result r =
        TerrainTrainer.train(
            train.patches(),
            train.labels(),
            TerrainPatchSets.classes(),
            new TerrainTrainer.Settings(epochs, 32, 2e-3f, seed),
            out,
            System.out);
    System.out.printf(Locale.ROOT, "trained in %.1f s; model written to %s%n", r.seconds(), out);
    TerrainPatchSets.PatchSet test =
        TerrainPatchSets.render(testPerClass, TerrainPatchSets.HELD_OUT_SEED_BASE + seed * 7919);
    try (TerrainClassifier c = TerrainClassifier.load(out)) {
      ConfusionMatrix m = TerrainPatchSets.evaluate(c, test);
      Path dir = report != null ? report : out;
      Files.createDirectories(dir);
      String text =
          String.format(
              Locale.ROOT,
              "held-out set: %d patches per class rendered from seeds disjoint from training%n%s",
              testPerClass,
              m.toText());
      Files.writeString(dir.resolve("confusion-matrix.txt"), text);
      m.writePng(
          dir.resolve("confusion-matrix.png"),
          String.format(
              Locale.ROOT, "terrain classifier, held-out accuracy %.1f%%", 100 * m.accuracy()));
      System.out.print(text);
      System.out.printf(Locale.ROOT, "total %.1f s%n", (System.nanoTime() - t0) / 1e9);
    }
    return 0;
  }
}
