package robodog.harness.perception;

import java.util.Arrays;
import java.util.Locale;
import robodog.core.camera.CameraFrame;
import robodog.perception.FrameProcessor;
import robodog.perception.terrain.TerrainClassifier;
import robodog.perception.terrain.TerrainPatch;
import robodog.perception.terrain.TerrainStage;
import robodog.sim.camera.DemoScenes;
import robodog.sim.camera.Lighting;
import robodog.sim.terrain.Terrains;

/**
 * Per-frame cost of each perception stage at 640×480 on one thread: the simulator's demo crew scene
 * (two markers, a case, a cable, a tripod, two people) rendered with 8 noise seeds, processed over
 * and over after a warm-up. Prints median and p90 ms per stage and the whole frame.
 */
public final class PerceptionBenchmark {
  private PerceptionBenchmark() {}

  public static String run(int frames) {
    CameraFrame[] f = new CameraFrame[8];
    for (int i = 0; i < f.length; i++) {
      f[i] = new CameraFrame(SimFrames.K, true);
      SimFrames.render(Terrains.flat(0.9), DemoScenes.crew(0), i, Lighting.DEFAULT, f[i]);
    }
    // "One core": OpenCV's own worker threads off, so the figures are one thread's cost.
    robodog.perception.OpenCvNatives.setThreads(1);
    java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
    long[][] t = new long[6][frames];
    try (FrameProcessor p = new FrameProcessor(SimFrames.K, null, SimFrames.config())) {
      p.setStageClock(mx::getCurrentThreadCpuTime);
      for (int i = 0; i < 30; i++) {
        p.process(f[i % f.length], 0);
      }
      for (int i = 0; i < frames; i++) {
        long c0 = mx.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        p.process(f[i % f.length], 0);
        t[4][i] = System.nanoTime() - t0; // includes BGR -> grey conversion
        t[5][i] = mx.getCurrentThreadCpuTime() - c0;
        t[0][i] = p.arucoNanos;
        t[1][i] = p.hogNanos;
        t[2][i] = p.depthNanos;
        t[3][i] = p.gridNanos;
      }
    }
    String[] names = {
      "ArUco detect + pose (CPU)",
      "HOG people 320x240 (CPU)",
      "depth people (CPU)",
      "depth cloud + grid (CPU)",
      "whole frame (wall)",
      "whole frame (CPU)"
    };
    StringBuilder b =
        new StringBuilder(
            String.format(
                Locale.ROOT,
                "640x480 demo crew scene, %d frames, one thread%n%-24s %9s %9s%n",
                frames,
                "stage",
                "median ms",
                "p90 ms"));
    for (int s = 0; s < 6; s++) {
      long[] v = t[s].clone();
      Arrays.sort(v);
      b.append(
          String.format(
              Locale.ROOT,
              "%-24s %9.2f %9.2f%n",
              names[s],
              v[v.length / 2] / 1e6,
              v[(int) (v.length * 0.9)] / 1e6));
    }
    long[] w = t[4].clone();
    Arrays.sort(w);
    long[] c = t[5].clone();
    Arrays.sort(c);
    b.append(
        String.format(
            Locale.ROOT,
            "pipeline rate at the median: %.1f fps wall, %.1f fps by CPU time (load average %.1f on"
                + " %d cores while measuring)%n",
            1e9 / w[w.length / 2],
            1e9 / c[c.length / 2],
            java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                .getSystemLoadAverage(),
            Runtime.getRuntime().availableProcessors()));
    return b.toString();
  }

  /**
   * The pipeline's terrain stage: the patch ahead ({@link TerrainStage#region}) of the same frames,
   * resampled to the model's input and classified by one predictor on this thread. Prints median
   * and p90 of inference (wall and thread CPU) and of patch extraction.
   */
  public static String terrain(int patches, java.nio.file.Path modelDir) {
    CameraFrame[] f = new CameraFrame[8];
    for (int i = 0; i < f.length; i++) {
      f[i] = new CameraFrame(SimFrames.K, true);
      SimFrames.render(Terrains.flat(0.9), DemoScenes.crew(0), i, Lighting.DEFAULT, f[i]);
    }
    int[] r = TerrainStage.region(SimFrames.K.width(), SimFrames.K.height());
    java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
    long[][] t = new long[3][patches];
    String best;
    try (TerrainClassifier c = TerrainClassifier.load(modelDir);
        TerrainClassifier.Session s = c.newSession()) {
      float[] p = null;
      for (int i = -30; i < patches; i++) {
        long e0 = System.nanoTime();
        TerrainPatch patch =
            TerrainPatch.fromFrame(
                f[Math.floorMod(i, f.length)], r[0], r[1], r[2], r[3], c.patchSize());
        long c0 = mx.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        p = s.classify(patch);
        if (i >= 0) {
          t[0][i] = System.nanoTime() - t0;
          t[1][i] = mx.getCurrentThreadCpuTime() - c0;
          t[2][i] = t0 - e0;
        }
      }
      int k = TerrainClassifier.argmax(p);
      best = String.format(Locale.ROOT, "%s %.3f", c.classes().get(k), p[k]);
    } catch (robodog.perception.terrain.TerrainModelException
        | ai.djl.translate.TranslateException e) {
      return "terrain stage: not measured: " + e.getMessage() + System.lineSeparator();
    }
    String[] names = {"terrain inference (wall)", "terrain inference (CPU)", "patch extraction"};
    StringBuilder b =
        new StringBuilder(
            String.format(
                Locale.ROOT,
                "%nterrain stage, %d patches of %dx%d px at (%d, %d) of the frame, one predictor"
                    + " (answer on the demo scene: %s)%n%-24s %9s %9s%n",
                patches,
                r[2],
                r[3],
                r[0],
                r[1],
                best,
                "stage",
                "median ms",
                "p90 ms"));
    for (int s = 0; s < 3; s++) {
      long[] v = t[s].clone();
      Arrays.sort(v);
      b.append(
          String.format(
              Locale.ROOT,
              "%-24s %9.2f %9.2f%n",
              names[s],
              v[v.length / 2] / 1e6,
              v[(int) (v.length * 0.9)] / 1e6));
    }
    return b.toString();
  }
}
