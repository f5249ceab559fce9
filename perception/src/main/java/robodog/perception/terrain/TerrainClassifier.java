package robodog.perception.terrain;

import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.inference.Predictor;
import ai.djl.translate.TranslateException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * The trained terrain classifier: a {@link TerrainNet} loaded from a model directory ({@code
 * terrain-classifier-0000.params} plus {@code terrain-classifier.properties} naming the classes and
 * patch size), answering class probabilities for {@link TerrainPatch}es.
 *
 * <p>Threads: the model is shared; each thread that classifies opens its own {@link Session} (a DJL
 * predictor, not thread-safe) and closes it when done. {@link #close} frees the model's native
 * memory; close sessions first.
 */
public final class TerrainClassifier implements AutoCloseable {
  /** File name stem of the parameters ({@code <stem>-0000.params}) and metadata. */
  public static final String NAME = "terrain-classifier";

  private final Model model;
  private final List<String> classes;
  private final int patchSize;

  private TerrainClassifier(Model model, List<String> classes, int patchSize) {
    this.model = model;
    this.classes = List.copyOf(classes);
    this.patchSize = patchSize;
  }

  /**
   * Loads a model directory.
   *
   * @throws TerrainModelException naming the directory and what is missing or unreadable
   */
  public static TerrainClassifier load(Path dir) throws TerrainModelException {
    DjlOffline.ensure();
    DjlOffline.singleThreadedInference();
    Path meta = dir.resolve(NAME + ".properties");
    Path params = dir.resolve(NAME + "-0000.params");
    if (!Files.isRegularFile(meta) || !Files.isRegularFile(params)) {
      throw new TerrainModelException(
          "terrain classifier model not found in "
              + dir
              + ": expected "
              + meta.getFileName()
              + " and "
              + params.getFileName()
              + " (train one with './robodog train terrain-classifier')");
    }
    Properties p = new Properties();
    try (InputStream in = Files.newInputStream(meta)) {
      p.load(in);
    } catch (IOException e) {
      throw new TerrainModelException("cannot read " + meta + ": " + e.getMessage(), e);
    }
    String cls = p.getProperty("classes");
    String size = p.getProperty("patch_size");
    if (cls == null || cls.isBlank() || size == null) {
      throw new TerrainModelException(
          meta + ": expected keys 'classes' (comma-separated) and" + " 'patch_size' (pixels)");
    }
    List<String> classes = List.of(cls.split(","));
    int patch;
    try {
      patch = Integer.parseInt(size.trim());
    } catch (NumberFormatException e) {
      throw new TerrainModelException(meta + ": patch_size must be an integer, got " + size);
    }
    checkMagic(params);
    Model model = Model.newInstance(NAME);
    model.setBlock(TerrainNet.build(classes.size()));
    try {
      model.load(dir, NAME);
      // A file that loads but does not fit the network fails here, not at the first real frame.
      try (Predictor<TerrainPatch, float[]> p0 = model.newPredictor(new PatchTranslator(patch))) {
        float[] out = p0.predict(new TerrainPatch(new byte[patch * patch * 3], patch));
        if (out.length != classes.size()) {
          throw new MalformedModelException("the network has " + out.length + " outputs");
        }
      }
    } catch (IOException | MalformedModelException | TranslateException | RuntimeException e) {
      model.close();
      throw new TerrainModelException(
          "corrupt or incompatible terrain classifier parameters "
              + params
              + " (expected a TerrainNet with "
              + classes.size()
              + " classes): "
              + e.getMessage(),
          e);
    }
    return new TerrainClassifier(model, classes, patch);
  }

  /** DJL parameter files start with "DJL@"; anything else is not one. */
  private static void checkMagic(Path params) throws TerrainModelException {
    byte[] head = new byte[4];
    try (InputStream in = Files.newInputStream(params)) {
      int n = in.readNBytes(head, 0, 4);
      if (n < 4 || head[0] != 'D' || head[1] != 'J' || head[2] != 'L' || head[3] != '@') {
        throw new TerrainModelException(
            "corrupt terrain classifier parameters "
                + params
                + ": not a DJL parameter file (expected it to start with 'DJL@')");
      }
    } catch (IOException e) {
      throw new TerrainModelException("cannot read " + params + ": " + e.getMessage(), e);
    }
  }

  /** Writes a trained model (its block's parameters) and metadata into {@code dir}. */
  static void save(Model model, List<String> classes, int patchSize, Path dir, String note)
      throws IOException {
    Files.createDirectories(dir);
    model.save(dir, NAME);
    Properties p = new Properties();
    p.setProperty("classes", String.join(",", classes));
    p.setProperty("patch_size", Integer.toString(patchSize));
    p.setProperty("network", "TerrainNet (4 conv stages 16-32-64-96, GAP, linear)");
    try (OutputStream out = Files.newOutputStream(dir.resolve(NAME + ".properties"))) {
      p.store(out, note);
    }
  }

  /** Class names, in output order. */
  public List<String> classes() {
    return classes;
  }

  /** Side of the patches the model expects, px. */
  public int patchSize() {
    return patchSize;
  }

  /** A predictor for the calling thread. */
  public Session newSession() {
    return new Session(model.newPredictor(new PatchTranslator(patchSize)));
  }

  @Override
  public void close() {
    model.close();
  }

  /** One thread's predictor. Not thread-safe; close it when the thread is done. */
  public final class Session implements AutoCloseable {
    private final Predictor<TerrainPatch, float[]> predictor;

    private Session(Predictor<TerrainPatch, float[]> predictor) {
      this.predictor = predictor;
    }

    /** Probabilities per class (in {@link #classes()} order) for one patch. */
    public float[] classify(TerrainPatch patch) throws TranslateException {
      return predictor.predict(patch);
    }

    /** Probabilities for many patches at once (one batch). */
    public List<float[]> classifyAll(List<TerrainPatch> patches) throws TranslateException {
      return new ArrayList<>(predictor.batchPredict(patches));
    }

    @Override
    public void close() {
      predictor.close();
    }
  }

  /** Index of the largest element. */
  public static int argmax(float[] p) {
    int best = 0;
    for (int i = 1; i < p.length; i++) {
      if (p[i] > p[best]) {
        best = i;
      }
    }
    return best;
  }
}
