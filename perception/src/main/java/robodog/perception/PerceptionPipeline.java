package robodog.perception;

import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;
import java.util.logging.Logger;
import robodog.core.Mailbox;
import robodog.core.camera.CameraException;
import robodog.core.camera.CameraFrame;
import robodog.core.camera.CameraSource;
import robodog.core.perception.CameraSnapshot;
import robodog.core.perception.GroundAhead;
import robodog.core.perception.PerceptionHealth;
import robodog.core.perception.PerceptionHealth.Input;
import robodog.core.perception.SafetyLimit;
import robodog.core.perception.TerrainEstimate;
import robodog.perception.calib.CameraCalibration;
import robodog.perception.terrain.TerrainStage;

/**
 * The perception pipeline: a grabber thread pulls frames from the {@link CameraSource} into a
 * single-slot {@link Mailbox} (latest frame wins: a slow stage drops frames instead of queueing
 * them), and a worker thread runs the {@link FrameProcessor} on the newest frame and publishes
 * markers, people, the safety limit, the height grid and health into {@link PerceptionOutputs}.
 * Nothing else leaves these threads; the control loop never waits for them.
 *
 * <p>Faults: a {@link CameraException} (corrupt image, camera gone) is counted, its message goes
 * into {@link PerceptionHealth} with the camera marked degraded, the safety limit is published as
 * degraded (the controller then walks at its conservative speed), and the grabber retries every
 * {@code retryMs}. An exception inside processing marks the stage degraded and the worker carries
 * on with the next frame. {@link #close} stops both threads.
 *
 * <p>Optional stages ({@link PipelineSettings}) run on the worker after each frame at their own low
 * rate: the terrain classifier on the patch ahead (its model and predictor are opened and closed on
 * the worker; a model that fails to load degrades only the terrain input), and the annotated JPEG
 * snapshot for the operator.
 */
public final class PerceptionPipeline implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(PerceptionPipeline.class.getName());

  private final CameraSource source;
  private final PerceptionConfig cfg;
  private final CameraCalibration calibration;
  private final LongSupplier clock;
  private final PerceptionOutputs out;
  private final Mailbox<CameraFrame> frames;
  private final long retryNanos;
  private final PerceptionHealth health = new PerceptionHealth();
  private final SafetyLimit degradedLimit = new SafetyLimit();
  private final PipelineSettings stages;
  private volatile long framesDone;
  private volatile long processNanosSum;
  private volatile long terrainCount;
  private volatile long terrainNanosSum;
  private volatile long terrainCpuNanosSum;
  private volatile long snapshots;
  private volatile long lastFrameStamp = Long.MIN_VALUE;
  private final java.util.concurrent.CountDownLatch ready =
      new java.util.concurrent.CountDownLatch(1);
  private volatile boolean running;
  private volatile String cameraError;
  private volatile long cameraErrors;

  /** The last camera error ever seen (never cleared): health keeps showing it after recovery. */
  private volatile String lastError;

  private volatile boolean ended;
  private volatile long lastGrabNanos;
  private Thread grabber;
  private Thread worker;

  /**
   * @param calibration the camera's calibration, or {@code null} for the source's ideal intrinsics
   * @param clock the controller's clock (ns), to stamp the safety limit
   * @param retryMs pause between attempts after a camera error
   */
  public PerceptionPipeline(
      CameraSource source,
      PerceptionConfig cfg,
      CameraCalibration calibration,
      LongSupplier clock,
      PerceptionOutputs out,
      long retryMs) {
    this(source, cfg, calibration, clock, out, retryMs, PipelineSettings.NONE);
  }

  /** As above, with the optional stages in {@code stages}. */
  public PerceptionPipeline(
      CameraSource source,
      PerceptionConfig cfg,
      CameraCalibration calibration,
      LongSupplier clock,
      PerceptionOutputs out,
      long retryMs,
      PipelineSettings stages) {
    this.stages = stages;
    this.source = source;
    this.cfg = cfg;
    this.calibration = calibration;
    this.clock = clock;
    this.out = out;
    this.retryNanos = retryMs * 1_000_000L;
    boolean depth = source.hasDepth();
    var k = source.intrinsics();
    frames = new Mailbox<>(() -> new CameraFrame(k, depth), (a, b) -> b.copyFrom(a));
    if (!depth) {
      health.degrade(Input.DEPTH, "camera has no depth: no height grid, people by HOG only");
    }
    if (calibration == null && !source.hasDepth()) {
      health.degrade(Input.CALIBRATION, "no calibration file: marker distances are approximate");
    }
  }

  /** Starts the grabber and worker threads (daemons). */
  public void start() {
    // OpenCV's parallel loops (HOG, thresholds) would otherwise spread over every core and crowd
    // the control loop off its own; perception stays on its two threads.
    OpenCvNatives.setThreads(1);
    running = true;
    grabber = new Thread(this::grabLoop, "perception-grab");
    worker = new Thread(this::workLoop, "perception-work");
    grabber.setDaemon(true);
    worker.setDaemon(true);
    grabber.start();
    worker.start();
  }

  private void grabLoop() {
    try {
      ready.await(); // the worker builds its stages first (model load: seconds)
    } catch (InterruptedException e) {
      return;
    }
    CameraFrame f = new CameraFrame(source.intrinsics(), source.hasDepth());
    while (running) {
      try {
        if (!source.grab(f)) {
          ended = true;
          return;
        }
        lastGrabNanos = System.nanoTime();
        cameraError = null;
        frames.offer(f);
      } catch (CameraException e) {
        cameraErrors++;
        if (cameraError == null || !cameraError.equals(e.getMessage())) {
          LOG.warning("perception: " + e.getMessage());
        }
        cameraError = e.getMessage();
        lastError = cameraError;
        LockSupport.parkNanos(retryNanos);
      } catch (RuntimeException e) {
        cameraErrors++;
        cameraError = "camera source failed: " + e;
        lastError = cameraError;
        LockSupport.parkNanos(retryNanos);
      }
    }
  }

  private void workLoop() {
    FrameProcessor p;
    try {
      p = new FrameProcessor(source.intrinsics(), calibration, cfg);
    } catch (RuntimeException e) {
      health.degrade(Input.CAMERA, "perception could not start: " + e.getMessage());
      publishDegraded();
      ready.countDown();
      return;
    }
    p.setHogEnabled(stages.hogFor(source.hasDepth()));
    TerrainStage terrain =
        stages.terrainModel() == null
            ? null
            : TerrainStage.open(stages.terrainModel(), stages.terrainRateHz(), health);
    int[] region = TerrainStage.region(source.intrinsics().width(), source.intrinsics().height());
    TerrainEstimate terrainOut = new TerrainEstimate();
    GroundAhead groundAhead = new GroundAhead();
    FrameAnnotator annotator =
        stages.snapshotRateHz() > 0
            ? new FrameAnnotator(
                source.intrinsics(),
                cfg.mount(),
                cfg.personHeightM(),
                stages.snapshotWidthPx(),
                stages.snapshotQuality())
            : null;
    CameraSnapshot snap = new CameraSnapshot();
    long snapPeriod =
        stages.snapshotRateHz() > 0 ? Math.round(1e9 / stages.snapshotRateHz()) : Long.MAX_VALUE;
    long lastSnap = Long.MIN_VALUE;
    ready.countDown();
    long windowStart = System.nanoTime();
    long windowFrames = 0;
    long lastDegradedPublish = 0;
    try {
      while (running) {
        CameraFrame f = frames.poll();
        long now = System.nanoTime();
        if (f == null) {
          String err = cameraError;
          boolean silent = now - lastGrabNanos > 1_000_000_000L;
          if ((err != null || ended || silent) && now - lastDegradedPublish > 100_000_000L) {
            health.degrade(
                Input.CAMERA,
                err != null ? err : ended ? "camera input ended" : "no frame for over 1 s");
            health.cameraErrors = cameraErrors;
            publishDegraded();
            lastDegradedPublish = now;
          }
          LockSupport.parkNanos(2_000_000L);
          continue;
        }
        try {
          long t0 = System.nanoTime();
          p.process(f, clock.getAsLong());
          processNanosSum += System.nanoTime() - t0;
          health.ok(Input.CAMERA);
          health.ok(Input.MARKERS);
          health.ok(Input.PEOPLE);
        } catch (RuntimeException e) {
          health.degrade(Input.PEOPLE, "frame processing failed: " + e);
          p.safety.degraded = true;
          p.safety.stampNanos = clock.getAsLong();
        }
        out.landmarks().offer(p.landmarks);
        out.people().offer(p.people);
        out.safety().offer(p.safety);
        if (f.depth != null) {
          out.grid().offer(p.grid);
          groundAhead.setFrom(p.grid);
          out.groundAhead().offer(groundAhead);
        }
        if (terrain != null && terrain.maybeClassify(f, clock.getAsLong(), terrainOut, health)) {
          out.terrain().offer(terrainOut);
          out.terrainAhead().offer(terrainOut);
          terrainCount = terrain.count;
          terrainNanosSum = terrain.inferenceNanosSum;
          terrainCpuNanosSum = terrain.inferenceCpuNanosSum;
        }
        if (annotator != null
            && (lastSnap == Long.MIN_VALUE || f.stampNanos - lastSnap >= snapPeriod)) {
          lastSnap = f.stampNanos;
          try {
            annotator.annotate(
                p.bgr(),
                f.stampNanos,
                p.landmarks,
                p.people,
                p.safety,
                f.depth != null ? p.grid : null,
                terrain != null ? terrainOut : null,
                region,
                snap);
            out.snapshot().offer(snap);
            snapshots++;
          } catch (RuntimeException e) {
            LOG.warning("perception: snapshot failed: " + e);
          }
        }
        windowFrames++;
        lastFrameStamp = f.stampNanos;
        framesDone++;
        health.framesProcessed++;
        health.cameraErrors = cameraErrors;
        String le = lastError;
        if (le != null && !le.contentEquals(health.lastCameraError)) {
          health.lastCameraError.setLength(0);
          health.lastCameraError.append(le);
        }
        if (now - windowStart >= 1_000_000_000L) {
          health.fps = windowFrames * 1e9 / (now - windowStart);
          windowStart = now;
          windowFrames = 0;
        }
        health.stampNanos = clock.getAsLong();
        out.health().offer(health);
      }
    } finally {
      p.close();
      if (terrain != null) {
        terrain.close();
      }
      if (annotator != null) {
        annotator.close();
      }
    }
  }

  /**
   * Waits until the worker has built its stages (the terrain model loads in seconds) or failed to;
   * false on timeout. A lock-step simulation calls it before its first tick so the camera does not
   * time out waiting for a simulation that waits for perception. Any thread.
   */
  public boolean awaitReady(long timeoutMs) throws InterruptedException {
    return ready.await(timeoutMs, java.util.concurrent.TimeUnit.MILLISECONDS);
  }

  /**
   * Stamp of the last frame whose results were published (the source's clock, ns), or {@link
   * Long#MIN_VALUE} before the first. Any thread (a lock-step simulation waits on it).
   */
  public long lastFrameStampNanos() {
    return lastFrameStamp;
  }

  /**
   * The pipeline's own health record. Only after {@link #close} (the worker has stopped); while
   * running, read the health mailbox instead.
   */
  public PerceptionHealth finalHealth() {
    return health;
  }

  /** Frames processed since start. Any thread. */
  public long framesProcessed() {
    return framesDone;
  }

  /** Mean wall time of the per-frame stages (markers, people, grid), ms; NaN before a frame. */
  public double meanFrameMillis() {
    long n = framesDone;
    return n == 0 ? Double.NaN : processNanosSum / 1e6 / n;
  }

  /** Terrain classifications since start. Any thread. */
  public long terrainClassifications() {
    return terrainCount;
  }

  /** Mean terrain inference time per patch, ms; NaN before the first. Any thread. */
  public double meanTerrainMillis() {
    long n = terrainCount;
    return n == 0 ? Double.NaN : terrainNanosSum / 1e6 / n;
  }

  /** Mean terrain inference time per patch in the worker's CPU time, ms; NaN before the first. */
  public double meanTerrainCpuMillis() {
    long n = terrainCount;
    return n == 0 ? Double.NaN : terrainCpuNanosSum / 1e6 / n;
  }

  /** Annotated snapshots published since start. Any thread. */
  public long snapshotsPublished() {
    return snapshots;
  }

  private void publishDegraded() {
    degradedLimit.degraded = true;
    degradedLimit.speedScale = 1.0; // the controller applies its own conservative scale
    degradedLimit.stampNanos = clock.getAsLong();
    out.safety().offer(degradedLimit);
    health.stampNanos = degradedLimit.stampNanos;
    out.health().offer(health);
  }

  @Override
  public void close() {
    running = false;
    try {
      if (grabber != null) {
        grabber.interrupt();
        grabber.join(2000);
      }
      if (worker != null) {
        worker.join(2000);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    source.close();
  }
}
