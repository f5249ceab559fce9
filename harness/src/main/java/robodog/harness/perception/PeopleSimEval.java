package robodog.harness.perception;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import robodog.core.camera.CameraFrame;
import robodog.core.camera.CameraMount;
import robodog.core.perception.PeopleZones;
import robodog.perception.FrameProcessor;
import robodog.sim.camera.Lighting;
import robodog.sim.camera.Scene;
import robodog.sim.terrain.Terrain;
import robodog.sim.terrain.Terrains;

/**
 * People detection on simulated frames: one standing figure (1.6–1.9 m, random clothes and skin,
 * facing the robot ± 60°) at a given horizontal range from the camera and a random bearing within
 * ±20°, default daylight with noise. Both detectors run on every frame; a detection counts when it
 * lies within max(0.5 m, 20% of the range) of the figure. One thread.
 */
public final class PeopleSimEval {
  /** Outcome of one frame. */
  public record Sample(
      double rangeM,
      boolean hog,
      boolean depth,
      double hogRangeM,
      double depthRangeM,
      boolean hogFalse) {}

  private PeopleSimEval() {}

  /**
   * @param mount the simulated camera mount (the default looks 15° down from 20 cm)
   */
  public static List<Sample> run(double[] ranges, int perRange, long seed, CameraMount mount) {
    SplittableRandom rnd = new SplittableRandom(seed);
    Terrain flat = Terrains.flat(0.9);
    double[] cam = SimFrames.cameraPosition();
    CameraFrame f = new CameraFrame(SimFrames.K, true);
    List<Sample> out = new ArrayList<>();
    try (FrameProcessor p = new FrameProcessor(SimFrames.K, null, SimFrames.config(mount))) {
      for (double d : ranges) {
        for (int n = 0; n < perRange; n++) {
          double b = Math.toRadians(20) * (2 * rnd.nextDouble() - 1);
          double px = cam[0] + d * Math.cos(b);
          double py = cam[1] + d * Math.sin(b);
          double yaw = Math.atan2(-py, -px) + Math.toRadians(60) * (2 * rnd.nextDouble() - 1);
          Scene.Person person =
              new Scene.Person(
                  List.<double[]>of(new double[] {px, py}),
                  0,
                  yaw,
                  0,
                  0,
                  false,
                  1.6 + 0.3 * rnd.nextDouble(),
                  colour(rnd),
                  colour(rnd),
                  new double[] {
                    0.3 + 0.3 * rnd.nextDouble(),
                    0.2 + 0.2 * rnd.nextDouble(),
                    0.15 + 0.15 * rnd.nextDouble()
                  });
          SimFrames.render(
              flat,
              SimFrames.scene(List.of(), List.of(person)),
              seed * 31 + out.size(),
              Lighting.DEFAULT,
              mount,
              f);
          p.process(f, 0);
          PeopleZones z = p.people;
          double hog = Double.NaN;
          double depth = Double.NaN;
          boolean hogFalse = false;
          double tol = Math.max(0.5, 0.2 * d);
          for (int i = 0; i < z.count; i++) {
            boolean near = Math.hypot(z.x[i] - px, z.y[i] - py) < tol;
            if (z.source[i] == PeopleZones.SOURCE_HOG) {
              if (near) {
                hog = z.distance[i];
              } else {
                hogFalse = true;
              }
            } else if (near) {
              depth = z.distance[i];
            }
          }
          out.add(
              new Sample(
                  Math.hypot(px, py),
                  !Double.isNaN(hog),
                  !Double.isNaN(depth),
                  hog,
                  depth,
                  hogFalse));
        }
      }
    }
    return out;
  }

  private static double[] colour(SplittableRandom r) {
    return new double[] {r.nextDouble() * 0.6, r.nextDouble() * 0.6, r.nextDouble() * 0.6};
  }

  /** Detection rate per range for each detector. */
  public static String report(List<Sample> s, double[] ranges, int perRange) {
    StringBuilder b = new StringBuilder();
    b.append(
        String.format(
            Locale.ROOT,
            "%-8s %6s %8s %8s %12s %10s%n",
            "range m",
            "frames",
            "HOG",
            "depth",
            "depth err m",
            "HOG false"));
    int k = 0;
    for (double d : ranges) {
      List<Sample> in = s.subList(k, k + perRange);
      k += perRange;
      long hog = in.stream().filter(Sample::hog).count();
      long dep = in.stream().filter(Sample::depth).count();
      long fp = in.stream().filter(Sample::hogFalse).count();
      double err =
          in.stream()
              .filter(Sample::depth)
              .mapToDouble(x -> Math.abs(x.depthRangeM() - x.rangeM()))
              .average()
              .orElse(Double.NaN);
      b.append(
          String.format(
              Locale.ROOT,
              "%-8.1f %6d %7.0f%% %7.0f%% %12.2f %10d%n",
              d,
              in.size(),
              100.0 * hog / in.size(),
              100.0 * dep / in.size(),
              err,
              fp));
    }
    return b.toString();
  }
}
