package robodog.app.perception;

import java.util.Arrays;
import java.util.Locale;
import robodog.core.camera.CameraFrame;
import robodog.perception.FrameProcessor;
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
}
