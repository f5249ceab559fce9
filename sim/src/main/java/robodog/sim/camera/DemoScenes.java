package robodog.sim.camera;

import java.util.List;
import java.util.Map;

/**
 * A fixed demonstration scene for the benchmark, the docs' example renders and tests: two markers,
 * a case, a cable, a tripod and two people (one walking). Positions in the world, m. Any thread.
 */
public final class DemoScenes {
  private DemoScenes() {}

  /** Objects in front of a robot at the origin looking along +x, on ground at z = baseZ. */
  public static Scene crew(double baseZ) {
    return new Scene(
        List.of(
            new Scene.Marker(7, 2.0, 0.35, baseZ, Math.PI, 0.15, 0.35),
            new Scene.Marker(23, 3.5, -0.6, baseZ, Math.PI * 0.9, 0.15, 0.35)),
        List.of(
            new Scene.CaseBox(
                1.6, -0.55, baseZ, 0.3, 0.55, 0.35, 0.22, new double[] {0.02, 0.02, 0.025})),
        List.of(new Scene.Cable(0.9, -1.5, 1.1, 1.5, baseZ, 0.008)),
        List.of(new Scene.Tripod(2.8, 1.0, baseZ, 0.4, 1.4)),
        List.of(
            new Scene.Person(
                List.<double[]>of(new double[] {4.2, -0.2}),
                baseZ,
                Math.PI,
                0,
                0,
                false,
                1.78,
                new double[] {0.5, 0.08, 0.06},
                new double[] {0.05, 0.06, 0.12},
                new double[] {0.55, 0.36, 0.25}),
            new Scene.Person(
                List.of(new double[] {5.5, 2.0}, new double[] {5.5, -2.0}),
                baseZ,
                0,
                0.8,
                0,
                true,
                1.66,
                new double[] {0.12, 0.3, 0.45},
                new double[] {0.3, 0.25, 0.18},
                new double[] {0.35, 0.22, 0.15})),
        Map.of());
  }
}
