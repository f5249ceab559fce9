package robodog.sim.scenario;

import java.util.List;
import java.util.Set;
import robodog.core.config.ConfigNode;
import robodog.sim.terrain.Terrains;

/**
 * Reads the {@code terrain:} block of a scenario into a {@link Scenario.TerrainSpec}: {@code type}
 * plus that type's parameters (or a list of {@code segments}, see {@link SegmentSpecs}), every key
 * with its unit ({@code _m}, {@code _deg}), and {@code friction} (Coulomb coefficient of the rubber
 * feet on it). Start-up only.
 */
final class TerrainSpecs {
  static final List<String> TYPES =
      List.of("flat", "slope", "rough", "stairs", "ice", "mud", "gravel", "equipment-run");

  private TerrainSpecs() {}

  /**
   * The terrain block: a catalogue {@code type}, or {@code segments} laid out from {@code startX}
   * (the scenario's start x, m).
   */
  static Scenario.TerrainSpec read(ConfigNode t, double startX) {
    if (t.has("segments")) {
      if (t.has("type")) {
        throw t.error("type", "either type or segments, not both");
      }
      robodog.sim.terrain.SegmentCourse course = SegmentSpecs.read(t, startX);
      return course::build;
    }
    if (!t.has("type")) {
      throw t.error("type", "one of " + String.join(", ", TYPES) + ", or a segments list");
    }
    String type = t.requireString("type");
    switch (type) {
      case "flat":
        {
          t.rejectUnknown(Set.of("type", "friction"));
          double mu = friction(t, 0.9);
          return seed -> Terrains.flat(mu);
        }
      case "ice":
        {
          t.rejectUnknown(Set.of("type", "friction"));
          double mu = friction(t, 0.05);
          return seed -> Terrains.ice(mu);
        }
      case "mud":
        {
          t.rejectUnknown(Set.of("type", "friction", "stiffness_n_per_m", "damping_ns_per_m"));
          double mu = friction(t, 0.3);
          double k =
              t.optDouble(
                  "stiffness_n_per_m", Terrains.MUD_STIFFNESS_N_PER_M, 100, 1e7, "N/m per contact");
          double c =
              t.optDouble(
                  "damping_ns_per_m", Terrains.MUD_DAMPING_NS_PER_M, 0, 1e5, "N·s/m per contact");
          return seed -> Terrains.mud(mu, k, c);
        }
      case "slope":
        {
          t.rejectUnknown(Set.of("type", "friction", "angle_deg"));
          double angle = Math.toRadians(t.requireDouble("angle_deg", -40, 40, "degrees"));
          double mu = friction(t, 0.9);
          return seed -> Terrains.slope(angle, mu);
        }
      case "rough":
        {
          t.rejectUnknown(
              Set.of(
                  "type", "friction", "amplitude_m", "feature_m", "cell_m", "length_m", "width_m"));
          double amp = t.requireDouble("amplitude_m", 0, 0.15, "m");
          double feature = t.optDouble("feature_m", 0.4, 0.05, 5, "m");
          double cell = t.optDouble("cell_m", Terrains.defaultCell(feature), 0.01, 0.5, "m");
          double len = t.optDouble("length_m", 12, 2, 100, "m");
          double width = t.optDouble("width_m", 6, 1, 100, "m");
          double mu = friction(t, 0.9);
          return seed -> Terrains.rough(amp, feature, cell, len, width, mu, seed);
        }
      case "stairs":
        {
          t.rejectUnknown(Set.of("type", "friction", "rise_m", "run_m", "steps", "start_x_m"));
          double rise = t.requireDouble("rise_m", 0.005, 0.2, "m");
          double run = t.requireDouble("run_m", 0.1, 2, "m");
          int steps = (int) t.requireLong("steps", 1, 50);
          double x0 = t.optDouble("start_x_m", 0.6, 0, 50, "m");
          double mu = friction(t, 0.9);
          return seed -> Terrains.stairs(x0, rise, run, steps, mu);
        }
      case "gravel":
        {
          t.rejectUnknown(
              Set.of("type", "friction", "stones_per_m2", "stone_size_m", "from_x_m", "to_x_m"));
          double density = t.optDouble("stones_per_m2", 25, 0, 400, "stones per m²");
          double size = t.optDouble("stone_size_m", 0.025, 0.005, 0.1, "m");
          double from = t.optDouble("from_x_m", 0.5, -100, 100, "m");
          double to = t.optDouble("to_x_m", 8, from, from + 100, "m, after from_x_m");
          double mu = friction(t, 0.7);
          return seed -> Terrains.gravel(seed, from, to, density, size, mu);
        }
      case "equipment-run":
        t.rejectUnknown(Set.of("type"));
        return Terrains::equipmentRun;
      default:
        throw t.error("type", "one of " + String.join(", ", TYPES));
    }
  }

  private static double friction(ConfigNode t, double dflt) {
    return t.optDouble("friction", dflt, 0, 3, "(Coulomb coefficient, rubber on this ground)");
  }
}
