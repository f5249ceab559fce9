package robodog.app.bench;

import java.nio.file.Path;
import robodog.core.camera.CameraException;
import robodog.core.config.ConfigFiles;
import robodog.locomotion.HexapodController;
import robodog.perception.PerceptionConfig;
import robodog.perception.PerceptionPipeline;
import robodog.perception.PerceptionWiring;
import robodog.perception.PipelineSettings;
import robodog.perception.source.ImageFolderSource;
import robodog.perception.source.PacedSource;

/**
 * The perception pipeline as a load beside the control loop, for {@code ./robodog bench loop
 * --perception-images DIR}: the images of a folder, looped at a camera's frame rate (or unpaced, as
 * fast as the worker takes them: the pipeline's worst case on the machine), with every stage the
 * configuration turns on (markers, HOG people without depth, terrain, camera snapshots) and its
 * safety limit connected to the controller, as {@code run} does. Start-up thread.
 */
public final class PerceptionLoad implements AutoCloseable {
  private final PerceptionPipeline pipeline;

  /**
   * Starts the pipeline and waits (up to 60 s) until its stages are warmed up.
   *
   * @param images a folder of .jpg/.png/.bmp frames
   * @param fps frames per second delivered, as a camera would; 0: as fast as the worker takes them
   * @param configFiles where perception.yaml is read from
   */
  public PerceptionLoad(
      Path images, double fps, ConfigFiles configFiles, HexapodController controller)
      throws CameraException, InterruptedException {
    Path yaml = configFiles.file("perception.yaml");
    PerceptionConfig cfg = PerceptionConfig.load(yaml);
    pipeline =
        new PerceptionPipeline(
            fps > 0
                ? new PacedSource(new ImageFolderSource(images, true, null), fps)
                : new ImageFolderSource(images, true, null),
            cfg,
            null,
            System::nanoTime,
            PerceptionWiring.connect(controller::setSafetyLimits, cfg),
            500,
            PipelineSettings.load(yaml));
    pipeline.start();
    if (!pipeline.awaitReady(60_000)) {
      pipeline.close();
      throw new IllegalStateException("perception did not become ready within 60 s");
    }
  }

  /** Frames processed so far. */
  public long frames() {
    return pipeline.framesProcessed();
  }

  /** Mean per-frame processing time, ms. */
  public double meanFrameMillis() {
    return pipeline.meanFrameMillis();
  }

  @Override
  public void close() {
    pipeline.close();
  }
}
