package robodog.perception.terrain;

import java.nio.file.Path;
import robodog.core.camera.CameraFrame;
import robodog.core.perception.PerceptionHealth;
import robodog.core.perception.PerceptionHealth.Input;
import robodog.core.perception.TerrainEstimate;

/**
 * The terrain stage of the perception worker: at a low rate (frame time), classifies the ground
 * patch just ahead of the robot with the {@link TerrainClassifier} and fills a {@link
 * TerrainEstimate}.
 *
 * <p>The patch ({@link #region}): a square of a quarter of the frame width, centred horizontally,
 * its bottom edge at 92% of the frame height. With the head mount (20 cm up, 15° down, 70°
 * horizontal field of view) at 640×480 that is pixels 240..400 × 282..442, ground 0.25–0.5 m ahead:
 * below the horizon even when the body pitches, clear of the feet, and a crop of 14–28° like the
 * training patches' 12–30° views. It is resampled to the model's patch size by area averaging.
 *
 * <p>Threads: built, used and closed on the perception worker thread (it owns the model and its one
 * predictor). A model that fails to load or to run degrades {@link Input#TERRAIN_MODEL} with the
 * reason; perception carries on without terrain.
 */
public final class TerrainStage implements AutoCloseable {
  private final TerrainClassifier model;
  private final TerrainClassifier.Session session;
  private final long periodNanos;
  private long lastFrameNanos = Long.MIN_VALUE;

  /** Inference time of the last classification (patch extraction excluded), ns. */
  public long lastInferenceNanos;

  /** Classifications since start, and their summed inference time, ns. */
  public long count;

  public long inferenceNanosSum;

  /** Summed inference time in this thread's CPU time, ns (wall minus waiting for a core). */
  public long inferenceCpuNanosSum;

  private static final java.lang.management.ThreadMXBean CPU =
      java.lang.management.ManagementFactory.getThreadMXBean();

  private TerrainStage(TerrainClassifier model, double rateHz) throws TerrainModelException {
    this.model = model;
    this.session = model.newSession();
    this.periodNanos = Math.round(1e9 / rateHz);
    // PyTorch's profiling executor optimises the graph over the first few calls (tens of ms each);
    // pay that here, before the pipeline reports ready, not on the first frames.
    TerrainPatch blank =
        new TerrainPatch(new byte[model.patchSize() * model.patchSize() * 3], model.patchSize());
    try {
      for (int i = 0; i < WARM_UP; i++) {
        session.classify(blank);
      }
    } catch (ai.djl.translate.TranslateException | RuntimeException e) {
      session.close(); // open() closes the model
      throw new TerrainModelException("terrain classifier warm-up failed: " + e.getMessage(), e);
    }
  }

  private static final int WARM_UP = 5;

  /**
   * Loads the model in {@code modelDir}; on failure degrades the health's terrain input with the
   * reason and returns {@code null}.
   */
  public static TerrainStage open(Path modelDir, double rateHz, PerceptionHealth health) {
    TerrainClassifier model = null;
    try {
      model = TerrainClassifier.load(modelDir);
      TerrainStage s = new TerrainStage(model, rateHz);
      health.ok(Input.TERRAIN_MODEL);
      return s;
    } catch (TerrainModelException | RuntimeException | UnsatisfiedLinkError e) {
      if (model != null) {
        model.close();
      }
      health.degrade(Input.TERRAIN_MODEL, "terrain classifier off: " + e.getMessage());
      return null;
    }
  }

  /** The patch region for a {@code width} × {@code height} frame: (x0, y0, side, side), px. */
  public static int[] region(int width, int height) {
    int side = Math.min(Math.round(width / 4f), height / 2);
    int bottom = Math.round(height * 0.92f);
    return new int[] {(width - side) / 2, bottom - side, side, side};
  }

  /**
   * Classifies the patch ahead in {@code f} if at least one period of frame time has passed since
   * the last classification; returns true when {@code out} was updated. Allocates the patch (a few
   * kB, at the stage's low rate). A failing inference degrades {@code health} and returns false.
   */
  public boolean maybeClassify(
      CameraFrame f, long nowNanos, TerrainEstimate out, PerceptionHealth health) {
    if (lastFrameNanos != Long.MIN_VALUE && f.stampNanos - lastFrameNanos < periodNanos) {
      return false;
    }
    lastFrameNanos = f.stampNanos;
    int[] r = region(f.width(), f.height());
    TerrainPatch patch = TerrainPatch.fromFrame(f, r[0], r[1], r[2], r[3], model.patchSize());
    float[] p;
    long t0 = System.nanoTime();
    long c0 = CPU.getCurrentThreadCpuTime();
    try {
      p = session.classify(patch);
    } catch (ai.djl.translate.TranslateException | RuntimeException e) {
      health.degrade(Input.TERRAIN_MODEL, "terrain inference failed: " + e.getMessage());
      return false;
    }
    lastInferenceNanos = System.nanoTime() - t0;
    inferenceCpuNanosSum += CPU.getCurrentThreadCpuTime() - c0;
    inferenceNanosSum += lastInferenceNanos;
    count++;
    int n = Math.min(p.length, TerrainEstimate.MAX_CLASSES);
    out.classCount = n;
    for (int i = 0; i < n; i++) {
      out.classNames[i] = model.classes().get(i);
      out.probability[i] = p[i];
    }
    out.best = TerrainClassifier.argmax(p);
    out.frameStampNanos = f.stampNanos;
    out.stampNanos = nowNanos;
    health.ok(Input.TERRAIN_MODEL);
    return true;
  }

  /** Closes the predictor, then the model. */
  @Override
  public void close() {
    session.close();
    model.close();
  }
}
