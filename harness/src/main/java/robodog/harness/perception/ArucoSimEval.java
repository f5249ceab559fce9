package robodog.harness.perception;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import robodog.core.camera.CameraFrame;
import robodog.core.perception.Landmarks;
import robodog.perception.FrameProcessor;
import robodog.sim.camera.Lighting;
import robodog.sim.camera.Scene;
import robodog.sim.terrain.Terrain;
import robodog.sim.terrain.Terrains;

/**
 * ArUco accuracy on simulated frames: a 15 cm DICT_4X4_50 marker on a post, at a random range of
 * 0.5–4 m from the camera (horizontal), a random bearing within ±25°, turned up to ±30° away from
 * facing the camera, random id, the simulator's default daylight with sensor noise, one frame each.
 * Reports the detection rate and the relative range error per range bin. One thread.
 */
public final class ArucoSimEval {
  /** Per-frame outcome. */
  public record Sample(
      double trueRangeM,
      boolean detected,
      double estRangeM,
      int id,
      double bearingDeg,
      double turnDeg,
      double centreZ) {
    public double relError() {
      return (estRangeM - trueRangeM) / trueRangeM;
    }
  }

  private ArucoSimEval() {}

  /**
   * @param rangeFromDepth marker range from the depth image (true) or from solvePnP alone
   */
  public static List<Sample> run(int frames, long seed, boolean rangeFromDepth) {
    SplittableRandom rnd = new SplittableRandom(seed);
    Terrain flat = Terrains.flat(0.9);
    double[] cam = SimFrames.cameraPosition();
    CameraFrame f = new CameraFrame(SimFrames.K, true);
    List<Sample> out = new ArrayList<>();
    try (FrameProcessor p = new FrameProcessor(SimFrames.K, null, SimFrames.config())) {
      p.setHogEnabled(false);
      p.setMarkerRangeFromDepth(rangeFromDepth);
      for (int n = 0; n < frames; n++) {
        double d = 0.5 + 3.5 * rnd.nextDouble();
        double b = Math.toRadians(25) * (2 * rnd.nextDouble() - 1);
        double mx = cam[0] + d * Math.cos(b);
        double my = cam[1] + d * Math.sin(b);
        double turn = Math.toRadians(30) * (2 * rnd.nextDouble() - 1);
        double yaw = Math.atan2(cam[1] - my, cam[0] - mx) + turn;
        int id = rnd.nextInt(50);
        // Centre height: anywhere the whole plate stays in view (vertical half-FOV 27.7°, camera
        // 15° down), and the plate above the ground.
        double half = Math.atan(0.5 * SimFrames.K.height() / SimFrames.K.fy());
        double margin = Math.atan(0.11 / d) + Math.toRadians(2);
        double lo = Math.max(-Math.toRadians(15) - half + margin, Math.atan((0.12 - cam[2]) / d));
        double hi = -Math.toRadians(15) + half - margin;
        double elev = lo + (hi - lo) * rnd.nextDouble();
        double centreZ = cam[2] + d * Math.tan(elev);
        Scene.Marker m = new Scene.Marker(id, mx, my, 0, yaw, 0.15, centreZ);
        SimFrames.render(
            flat, SimFrames.scene(List.of(m), List.of()), seed * 7919 + n, Lighting.DEFAULT, f);
        p.process(f, 0);
        Landmarks l = p.landmarks;
        double[] c = m.centre();
        double truth = Math.sqrt(sq(c[0] - cam[0]) + sq(c[1] - cam[1]) + sq(c[2] - cam[2]));
        int i = l.indexOf(id);
        out.add(
            new Sample(
                truth,
                i >= 0,
                i >= 0 ? l.distance[i] : Double.NaN,
                id,
                Math.toDegrees(b),
                Math.toDegrees(turn),
                centreZ));
      }
    }
    return out;
  }

  private static double sq(double v) {
    return v * v;
  }

  /** A table: per range bin, frames, detection rate, median / p95 / max |relative error|. */
  public static String report(List<Sample> s) {
    StringBuilder b = new StringBuilder();
    b.append(
        String.format(
            Locale.ROOT,
            "%-10s %6s %9s %9s %9s %9s %9s%n",
            "range m",
            "frames",
            "detected",
            "bias %",
            "med |e| %",
            "p95 |e| %",
            "max |e| %"));
    double[][] bins = {{0.5, 1}, {1, 2}, {2, 3}, {3, 4.2}, {0.5, 4.2}};
    for (double[] bin : bins) {
      List<Sample> in =
          s.stream().filter(x -> x.trueRangeM() >= bin[0] && x.trueRangeM() < bin[1]).toList();
      double[] e =
          in.stream()
              .filter(Sample::detected)
              .mapToDouble(x -> Math.abs(x.relError()) * 100)
              .sorted()
              .toArray();
      double bias =
          in.stream()
              .filter(Sample::detected)
              .mapToDouble(x -> x.relError() * 100)
              .average()
              .orElse(Double.NaN);
      long det = in.stream().filter(Sample::detected).count();
      b.append(
          String.format(
              Locale.ROOT,
              "%-10s %6d %8.1f%% %9.2f %9.2f %9.2f %9.2f%n",
              bin == bins[bins.length - 1] ? "all" : bin[0] + "-" + Math.min(4, bin[1]),
              in.size(),
              in.isEmpty() ? 0 : 100.0 * det / in.size(),
              bias,
              pct(e, 0.5),
              pct(e, 0.95),
              e.length == 0 ? Double.NaN : e[e.length - 1]));
    }
    return b.toString();
  }

  static double pct(double[] sorted, double q) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    return sorted[Math.min(sorted.length - 1, (int) Math.floor(q * sorted.length))];
  }
}
