package robodog.harness.perception;

import java.util.Locale;
import java.util.concurrent.locks.LockSupport;
import robodog.core.Clock;
import robodog.core.config.ConfigFiles;
import robodog.core.perception.PerceptionHealth;
import robodog.locomotion.HexapodController;
import robodog.perception.PerceptionConfig;
import robodog.perception.PerceptionOutputs;
import robodog.perception.PerceptionPipeline;
import robodog.perception.PerceptionWiring;
import robodog.perception.PipelineSettings;
import robodog.sim.SimHardware;
import robodog.sim.camera.Scene;
import robodog.sim.camera.SimCamera;
import robodog.sim.camera.SimCameraConfig;
import robodog.sim.terrain.Terrain;

/**
 * Perception in the simulator: the {@link SimCamera} renders from the simulated body's ground-truth
 * pose (through the hardware's pose feed), a {@link PerceptionPipeline} runs on its own threads and
 * publishes into {@link PerceptionOutputs}, whose safety limit the controller applies ({@link
 * PerceptionWiring}).
 *
 * <p>Realtime runs let the pipeline keep up as it can (latest frame wins). Headless runs step the
 * physics far faster than the camera renders, so they run in lock step: {@link #beforeTick} holds
 * the simulation at each frame time until the frame before it has been processed (at most one
 * frame, 1/rate_hz, of perception latency, as on a robot that keeps up). A pipeline that stops
 * answering releases the simulation after 5 s per frame and is counted as a stall.
 *
 * <p>Threads: built, {@link #beforeTick} and {@link #close} on the simulation (control) thread.
 */
public final class SimPerception implements AutoCloseable {
  /** What to start: settings and the outputs (created first so telemetry can read them). */
  public record Setup(
      PerceptionConfig cfg,
      PipelineSettings stages,
      SimCameraConfig camera,
      PerceptionOutputs outputs) {

    /**
     * Loads {@code perception.yaml} and {@code camera.yaml}, each from where {@code files} says.
     */
    public static Setup load(ConfigFiles files) {
      PerceptionConfig cfg = PerceptionConfig.load(files.file("perception.yaml"));
      return new Setup(
          cfg,
          PipelineSettings.load(files.file("perception.yaml")),
          SimCameraConfig.load(files.file("camera.yaml")),
          PerceptionWiring.create(cfg));
    }
  }

  private static final long STALL_NANOS = 5_000_000_000L;

  private final PerceptionPipeline pipeline;
  private final PerceptionOutputs outputs;
  private final boolean lockstep;
  private final double periodS;
  private double nextGateS;
  private long stalls;

  private SimPerception(
      PerceptionPipeline pipeline, PerceptionOutputs outputs, boolean lockstep, double periodS) {
    this.pipeline = pipeline;
    this.outputs = outputs;
    this.lockstep = lockstep;
    this.periodS = periodS;
    this.nextGateS = 2 * periodS;
  }

  /**
   * Attaches the camera to {@code hw}, connects the safety limit to {@code controller} and starts
   * the pipeline. {@code clock} is the control loop's (it stamps the safety limit).
   */
  public static SimPerception start(
      Setup s,
      SimHardware hw,
      Terrain terrain,
      Scene scene,
      long seed,
      HexapodController controller,
      Clock clock,
      boolean lockstep) {
    SimCamera camera = SimCamera.attach(hw, terrain, scene, s.camera(), seed);
    PerceptionWiring.connect(controller::setSafetyLimits, s.cfg(), s.outputs());
    PerceptionWiring.connectTerrain(controller::setTerrainAhead, s.cfg(), s.outputs());
    PerceptionPipeline p =
        new PerceptionPipeline(
            camera, s.cfg(), null, clock::nanoTime, s.outputs(), 200, s.stages());
    p.start();
    try {
      p.awaitReady(60_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return new SimPerception(p, s.outputs(), lockstep, 1.0 / s.camera().rateHz());
  }

  /** Lock step (headless): before simulating time {@code simTimeS}, waits as described above. */
  public void beforeTick(double simTimeS) {
    if (!lockstep || simTimeS < nextGateS) {
      return;
    }
    long need = Math.round((nextGateS - 1.5 * periodS) * 1e9);
    long deadline = System.nanoTime() + STALL_NANOS;
    while (pipeline.lastFrameStampNanos() < need) {
      if (System.nanoTime() > deadline) {
        stalls++;
        break;
      }
      LockSupport.parkNanos(200_000L);
    }
    nextGateS += periodS;
  }

  public PerceptionOutputs outputs() {
    return outputs;
  }

  public PerceptionPipeline pipeline() {
    return pipeline;
  }

  /** Frames, mean ms per frame, terrain, snapshots, degraded inputs. After {@link #close}. */
  public String summary() {
    StringBuilder b = new StringBuilder();
    b.append(
        String.format(
            Locale.ROOT,
            "perception: on, %d frames processed, mean %.1f ms per frame (markers, people, grid)",
            pipeline.framesProcessed(),
            pipeline.meanFrameMillis()));
    if (pipeline.terrainClassifications() > 0) {
      b.append(
          String.format(
              Locale.ROOT,
              ", terrain %d patches at %.1f ms (%.1f ms CPU)",
              pipeline.terrainClassifications(),
              pipeline.meanTerrainMillis(),
              pipeline.meanTerrainCpuMillis()));
    }
    b.append(", ").append(pipeline.snapshotsPublished()).append(" camera snapshots");
    if (lockstep) {
      b.append(", lock step").append(stalls > 0 ? " (" + stalls + " stalls)" : "");
    }
    PerceptionHealth h = pipeline.finalHealth();
    {
      for (PerceptionHealth.Input in : PerceptionHealth.Input.VALUES) {
        if (h.isDegraded(in)) {
          b.append("\n  degraded ").append(in).append(": ").append(h.reason(in));
        }
      }
    }
    return b.toString();
  }

  @Override
  public void close() {
    pipeline.close();
  }
}
