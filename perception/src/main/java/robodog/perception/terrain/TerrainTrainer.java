package robodog.perception.terrain;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.dataset.ArrayDataset;
import ai.djl.training.dataset.Batch;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import ai.djl.translate.TranslateException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Trains a {@link TerrainNet} on labelled patches with DJL (PyTorch engine, CPU): Adam with a
 * cosine-decaying learning rate, softmax cross-entropy, shuffled mini-batches, a progress bar on
 * the given stream. The patches come from elsewhere (the app renders them with the simulated
 * camera; perception does not depend on the simulator). One thread; start-up or a command, never
 * the control loop.
 */
public final class TerrainTrainer {
  /** Training settings. */
  public record Settings(int epochs, int batchSize, float learningRate, long seed) {
    public Settings {
      if (epochs < 1 || batchSize < 1 || !(learningRate > 0)) {
        throw new IllegalArgumentException(
            "epochs and batch size must be >= 1 and the learning rate > 0");
      }
    }
  }

  /** Per-epoch mean training loss. */
  public record Result(double[] epochLoss, double seconds) {}

  private TerrainTrainer() {}

  /**
   * Trains on {@code patches} with class indices {@code labels} (into {@code classes}) and writes
   * the model into {@code outDir}.
   */
  public static Result train(
      List<TerrainPatch> patches,
      int[] labels,
      List<String> classes,
      Settings s,
      Path outDir,
      PrintStream progress)
      throws IOException {
    DjlOffline.ensure();
    if (patches.isEmpty() || patches.size() != labels.length) {
      throw new IllegalArgumentException("need as many labels as patches, and at least one");
    }
    int size = patches.get(0).size();
    int n = patches.size();
    long t0 = System.nanoTime();
    Engine.getInstance().setRandomSeed((int) s.seed());
    double[] epochLoss = new double[s.epochs()];
    try (Model model = Model.newInstance(TerrainClassifier.NAME);
        NDManager data = NDManager.newBaseManager()) {
      model.setBlock(TerrainNet.build(classes.size()));
      float[] x = new float[n * 3 * size * size];
      float[] y = new float[n];
      int per = 3 * size * size;
      for (int i = 0; i < n; i++) {
        if (patches.get(i).size() != size) {
          throw new IllegalArgumentException("all patches must be " + size + "x" + size);
        }
        System.arraycopy(PatchTranslator.toChwFloats(patches.get(i)), 0, x, i * per, per);
        y[i] = labels[i];
      }
      NDArray xs = data.create(x, new Shape(n, 3, size, size));
      NDArray ys = data.create(y, new Shape(n));
      ArrayDataset ds =
          new ArrayDataset.Builder()
              .setData(xs)
              .optLabels(ys)
              .setSampling(s.batchSize(), true)
              .build();
      int batchesPerEpoch = (n + s.batchSize() - 1) / s.batchSize();
      Tracker lr =
          Tracker.cosine()
              .setBaseValue(s.learningRate())
              .optFinalValue(s.learningRate() * 0.05f)
              .setMaxUpdates(batchesPerEpoch * s.epochs())
              .build();
      DefaultTrainingConfig cfg =
          new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss())
              .optOptimizer(Optimizer.adam().optLearningRateTracker(lr).build());
      try (Trainer trainer = model.newTrainer(cfg)) {
        trainer.initialize(new Shape(s.batchSize(), 3, size, size));
        for (int e = 0; e < s.epochs(); e++) {
          double lossSum = 0;
          int b = 0;
          for (Batch batch : trainer.iterateDataset(ds)) {
            try (GradientCollector gc = trainer.newGradientCollector()) {
              NDList pred = trainer.forward(batch.getData(), batch.getLabels());
              NDArray loss = trainer.getLoss().evaluate(batch.getLabels(), pred);
              gc.backward(loss);
              lossSum += loss.getFloat();
            }
            trainer.step();
            batch.close();
            b++;
            bar(progress, e, s.epochs(), b, batchesPerEpoch, lossSum / b);
          }
          epochLoss[e] = lossSum / Math.max(1, b);
          progress.println();
        }
      } catch (TranslateException e) {
        throw new IOException("training failed: " + e.getMessage(), e);
      }
      double secs = (System.nanoTime() - t0) / 1e9;
      TerrainClassifier.save(
          model,
          classes,
          size,
          outDir,
          String.format(
              Locale.ROOT,
              "trained on %d simulated patches, %d epochs, seed %d, %.0f s",
              n,
              s.epochs(),
              s.seed(),
              secs));
      return new Result(epochLoss, secs);
    }
  }

  private static void bar(PrintStream out, int epoch, int epochs, int b, int total, double loss) {
    int width = 30;
    int done = (int) ((long) b * width / total);
    StringBuilder sb =
        new StringBuilder("\repoch ").append(epoch + 1).append('/').append(epochs).append(" [");
    for (int i = 0; i < width; i++) {
      sb.append(i < done ? '#' : '.');
    }
    sb.append(String.format(Locale.ROOT, "] %3d%% loss %.3f", b * 100 / total, loss));
    out.print(sb);
    out.flush();
  }
}
