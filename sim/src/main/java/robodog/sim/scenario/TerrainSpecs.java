package robodog.sim.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import robodog.core.config.ConfigException;
import robodog.core.config.ConfigNode;
import robodog.sim.terrain.BoxField;
import robodog.sim.terrain.CompositeTerrain;
import robodog.sim.terrain.FlatTerrain;
import robodog.sim.terrain.Patch;
import robodog.sim.terrain.RoughTerrain;
import robodog.sim.terrain.SlopeTerrain;
import robodog.sim.terrain.Terrain;

/** Reads the {@code terrain:} block of a scenario. Start-up only. */
final class TerrainSpecs {
  static final List<String> TYPES =
      List.of("flat", "slope", "rough", "stairs", "ice", "mud", "gravel", "equipment-run");

  private TerrainSpecs() {}

  static Scenario.TerrainSpec read(ConfigNode t) {
    String type = t.requireString("type");
    switch (type) {
      case "flat":
        t.rejectUnknown(Set.of("type", "friction"));
        double mu = friction(t, 0.9);
        return seed -> new FlatTerrain(new Patch("ground", mu, 0));
      case "ice":
        t.rejectUnknown(Set.of("type", "friction"));
        double ice = friction(t, 0.05);
        return seed -> new FlatTerrain(new Patch("ice", ice, 0));
      case "mud":
        t.rejectUnknown(Set.of("type", "friction", "softness"));
        double mud = friction(t, 0.3);
        double soft = t.optDouble("softness", 1e-3, 0, 0.1, "(contact CFM)");
        return seed -> new FlatTerrain(new Patch("mud", mud, soft));
      case "slope":
        {
          t.rejectUnknown(Set.of("type", "friction", "angle_deg"));
          double angle = Math.toRadians(t.requireDouble("angle_deg", -40, 40, "degrees"));
          double f = friction(t, 0.9);
          return seed -> new SlopeTerrain(angle, new Patch("ground", f, 0));
        }
      case "rough":
        {
          t.rejectUnknown(Set.of("type", "friction", "amplitude_m", "feature_m", "length_m"));
          double amp = t.requireDouble("amplitude_m", 0, 0.15, "m");
          double feat = t.optDouble("feature_m", 0.4, 0.1, 5, "m");
          double len = t.optDouble("length_m", 12, 2, 100, "m");
          double f = friction(t, 0.9);
          return seed ->
              new CompositeTerrain(
                  "rough",
                  List.of(
                      new FlatTerrain(new Patch("ground", f, 0)),
                      new RoughTerrain(
                          -1.5, -3, len, 6, amp, feat, amp, seed, new Patch("rough", f, 0), true)));
        }
      case "stairs":
        {
          t.rejectUnknown(Set.of("type", "friction", "rise_m", "run_m", "steps", "start_x_m"));
          double rise = t.requireDouble("rise_m", 0.005, 0.2, "m");
          double run = t.requireDouble("run_m", 0.1, 2, "m");
          int steps = (int) t.requireLong("steps", 1, 50);
          double x0 = t.optDouble("start_x_m", 0.6, 0, 50, "m");
          double f = friction(t, 0.9);
          return seed -> stairs(x0, rise, run, steps, f);
        }
      case "gravel":
        {
          t.rejectUnknown(Set.of("type", "friction", "stones_per_m2", "stone_size_m"));
          double density = t.optDouble("stones_per_m2", 25, 0, 400, "stones per m²");
          double size = t.optDouble("stone_size_m", 0.025, 0.005, 0.1, "m");
          double f = friction(t, 0.7);
          return seed -> gravel(seed, 0.5, 8, density, size, f);
        }
      case "equipment-run":
        t.rejectUnknown(Set.of("type"));
        return TerrainSpecs::equipmentRun;
      default:
        throw t.error("type", "one of " + String.join(", ", TYPES));
    }
  }

  private static double friction(ConfigNode t, double dflt) {
    return t.optDouble("friction", dflt, 0, 3, "(Coulomb coefficient, rubber on this ground)");
  }

  static Terrain stairs(double x0, double rise, double run, int steps, double mu) {
    Patch p = new Patch("stairs", mu, 0);
    BoxField treads = new BoxField("stairs", p);
    double landing = 3.0;
    double end = x0 + steps * run + landing;
    for (int k = 0; k < steps; k++) {
      double from = x0 + k * run;
      double h = (k + 1) * rise;
      treads.add(new BoxField.Box((from + end) / 2, 0, 0, end - from, 3.0, h, 0));
    }
    return new CompositeTerrain(
        "stairs", List.of(new FlatTerrain(new Patch("ground", 0.9, 0)), treads));
  }

  static Terrain gravel(
      long seed, double fromX, double toX, double density, double size, double mu) {
    SplittableRandom r = new SplittableRandom(seed);
    BoxField stones = new BoxField("gravel", new Patch("gravel", mu, 0));
    double width = 2.0;
    int n = (int) Math.round(density * (toX - fromX) * width);
    for (int i = 0; i < n; i++) {
      double s = size * (0.5 + r.nextDouble());
      double h = s * (0.3 + 0.4 * r.nextDouble());
      stones.add(
          new BoxField.Box(
              fromX + (toX - fromX) * r.nextDouble(),
              width * (r.nextDouble() - 0.5),
              0,
              s,
              s,
              h,
              Math.PI * r.nextDouble()));
    }
    return new CompositeTerrain(
        "gravel", List.of(new FlatTerrain(new Patch("ground", mu, 0)), stones));
  }

  /**
   * The mixed equipment-run course along +x: pavement to 1.5 m, gravel to 3.5 m, rough ground to 6
   * m, three 3 cm steps up to a landing at 7.5 m, an ice-slick strip, then pavement.
   */
  static Terrain equipmentRun(long seed) {
    List<Terrain> parts = new ArrayList<>();
    parts.add(new FlatTerrain(new Patch("pavement", 0.9, 0)));
    Terrain gravel = gravel(seed, 1.5, 3.5, 25, 0.025, 0.7);
    parts.add(gravel);
    parts.add(
        new RoughTerrain(
            3.5, -1.5, 2.5, 3, 0.02, 0.4, 0.02, seed + 1, new Patch("dirt", 0.8, 0), false));
    BoxField steps = new BoxField("steps", new Patch("wood", 0.8, 0));
    for (int k = 0; k < 3; k++) {
      double from = 6.3 + 0.35 * k;
      steps.add(new BoxField.Box((from + 9.5) / 2, 0, 0, 9.5 - from, 3.0, 0.03 * (k + 1), 0));
    }
    parts.add(steps);
    BoxField ice = new BoxField("ice strip", new Patch("ice", 0.1, 0));
    ice.add(new BoxField.Box(8.4, 0, 0.09, 0.6, 3.0, 0.002, 0));
    parts.add(ice);
    if (parts.isEmpty()) {
      throw new ConfigException("empty course");
    }
    return new CompositeTerrain("equipment-run", parts);
  }
}
