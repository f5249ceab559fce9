package robodog.sim.scenario;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import robodog.core.LegId;
import robodog.core.config.ConfigException;
import robodog.core.config.ConfigNode;
import robodog.sim.camera.Scene;
import robodog.sim.camera.SceneLoader;
import robodog.sim.terrain.CompositeTerrain;
import robodog.sim.terrain.SolidObstacles;

/**
 * Loads scenarios: a bare name is looked up as {@code <scenarios dir>/<name>.yaml}, anything with a
 * slash or a {@code .yaml} suffix is a path. Every error names the file, the field and what was
 * expected; nothing is half-loaded. Start-up only.
 */
public final class ScenarioLoader {
  private ScenarioLoader() {}

  /** Loads a scenario by name or path. */
  public static Scenario load(String nameOrPath, Path scenariosDir) {
    Path file;
    if (nameOrPath.contains("/") || nameOrPath.endsWith(".yaml") || nameOrPath.endsWith(".yml")) {
      file = Path.of(nameOrPath);
      if (!Files.isRegularFile(file)) {
        throw new ConfigException(file + ": scenario file not found");
      }
    } else {
      file = scenariosDir.resolve(nameOrPath + ".yaml");
      if (!Files.isRegularFile(file)) {
        throw new ConfigException(
            "unknown scenario '"
                + nameOrPath
                + "': expected one of "
                + String.join(", ", available(scenariosDir))
                + " (or a path to a .yaml file)");
      }
    }
    return parse(ConfigNode.load(file));
  }

  /** Names of the scenarios in a directory, sorted. */
  public static List<String> available(Path scenariosDir) {
    List<String> names = new ArrayList<>();
    try (Stream<Path> s = Files.list(scenariosDir)) {
      s.map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".yaml"))
          .map(n -> n.substring(0, n.length() - 5))
          .sorted()
          .forEach(names::add);
    } catch (IOException e) {
      // An unreadable directory lists nothing; the caller's message still names it.
    }
    return names;
  }

  /** Validates a parsed scenario. */
  public static Scenario parse(ConfigNode root) {
    root.rejectUnknown(
        Set.of(
            "name",
            "description",
            "terrain",
            "start",
            "payload",
            "duration_s",
            "seed",
            "gait",
            "failed_leg",
            "commands",
            "goal",
            "scene",
            "leg_failure"));
    String name = root.requireString("name");
    String description = root.optString("description", "");
    Scenario.TerrainSpec ground =
        TerrainSpecs.read(
            root.child("terrain"), root.optChild("start").optDouble("x_m", 0, -1000, 1000, "m"));
    long sceneSeed = root.optLong("seed", 1, Long.MIN_VALUE, Long.MAX_VALUE);
    // Scene objects stand on the ground built with the scenario's seed; the physical ones (cases,
    // tripods, cables) join every terrain built from this scenario.
    Scene scene = SceneLoader.parse(root.optChild("scene"), ground.build(sceneSeed));
    SolidObstacles solids = scene.solids();
    Scenario.TerrainSpec terrain =
        solids.size() == 0
            ? ground
            : seed -> new CompositeTerrain("scene", List.of(ground.build(seed), solids));
    ConfigNode start = root.optChild("start");
    start.rejectUnknown(Set.of("x_m", "y_m", "yaw_deg"));
    ConfigNode payload = root.optChild("payload");
    payload.rejectUnknown(Set.of("mass_kg", "com_m"));
    double[] com =
        payload.has("com_m")
            ? payload.requireDoubles("com_m", 3, "metres in base_link")
            : new double[] {0, 0, 0.08};
    double duration = root.requireDouble("duration_s", 0.1, 24 * 3600, "s");
    long seed = root.optLong("seed", 1, Long.MIN_VALUE, Long.MAX_VALUE);
    // No gait (or "auto"): the robot chooses its gait from the ground it senses, as on set.
    String gait = root.optString("gait", "auto");
    if (gait.equals("auto")) {
      gait = null;
    }
    String failed = null;
    if (root.has("failed_leg")) {
      String leg = root.requireString("failed_leg");
      try {
        failed = LegId.parse(leg).shortName();
      } catch (IllegalArgumentException e) {
        throw root.error("failed_leg", "a leg name, one of " + LegId.allowedNames());
      }
    }
    List<Scenario.Segment> segments = new ArrayList<>();
    double last = Double.NEGATIVE_INFINITY;
    for (ConfigNode c : root.childList("commands")) {
      c.rejectUnknown(Set.of("t_s", "vx_mps", "vy_mps", "yaw_rate_deg_s", "gait"));
      double t = c.requireDouble("t_s", 0, duration, "s within duration_s");
      if (t < last) {
        throw c.error(
            "t_s", "times in increasing order (previous segment starts at " + last + " s)");
      }
      last = t;
      segments.add(
          new Scenario.Segment(
              t,
              c.optDouble("vx_mps", 0, -2, 2, "m/s"),
              c.optDouble("vy_mps", 0, -2, 2, "m/s"),
              Math.toRadians(c.optDouble("yaw_rate_deg_s", 0, -180, 180, "deg/s")),
              c.has("gait") ? c.requireString("gait") : null));
    }
    if (segments.isEmpty()) {
      throw root.error("commands", "at least one segment");
    }
    robodog.sim.failure.LegFailure legFailure = LegFailureSpec.read(root, duration);
    ConfigNode goal = root.optChild("goal");
    goal.rejectUnknown(Set.of("distance_m", "x_m"));
    if (goal.has("distance_m") && goal.has("x_m")) {
      throw goal.error("x_m", "either distance_m or x_m, not both");
    }
    return new Scenario(
        name,
        description,
        terrain,
        start.optDouble("x_m", 0, -1000, 1000, "m"),
        start.optDouble("y_m", 0, -1000, 1000, "m"),
        Math.toRadians(start.optDouble("yaw_deg", 0, -180, 180, "degrees")),
        payload.optDouble("mass_kg", 0, 0, 20, "kg"),
        List.of(com[0], com[1], com[2]),
        duration,
        seed,
        gait,
        failed,
        List.copyOf(segments),
        goal.optDouble("distance_m", Double.NaN, 0, 10_000, "m"),
        goal.optDouble("x_m", Double.NaN, -10_000, 10_000, "m"),
        scene,
        legFailure);
  }
}
