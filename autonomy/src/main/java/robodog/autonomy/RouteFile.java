package robodog.autonomy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import robodog.core.config.ConfigException;
import robodog.core.config.ConfigNode;

/**
 * Routes as YAML files (shipped under {@code routes/}, or exported from a taught route):
 *
 * <pre>
 * name: equipment-run
 * tolerance_m: 0.2            # default for waypoints without their own
 * waypoints:
 *   - { x_m: 0.0, y_m: 0.0 }
 *   - { x_m: 0.5, y_m: 0.01, marker: 0, tolerance_m: 0.15 }
 * landmarks:                  # where markers were while teaching (route frame)
 *   - { marker: 0, x_m: 1.5, y_m: -0.45 }
 * </pre>
 *
 * Breadcrumbs are not exported (the database keeps them). Any thread.
 */
public final class RouteFile {
  private RouteFile() {}

  /** Loads and validates one file; errors name the file, the field and what was expected. */
  public static Route load(Path file) {
    ConfigNode root = ConfigNode.load(file);
    root.rejectUnknown(Set.of("name", "tolerance_m", "waypoints", "landmarks"));
    String name = root.requireString("name");
    double tol = root.optDouble("tolerance_m", 0.2, 0.01, 5, "m");
    List<Waypoint> wps = new ArrayList<>();
    for (ConfigNode w : root.childList("waypoints")) {
      w.rejectUnknown(Set.of("x_m", "y_m", "marker", "tolerance_m"));
      wps.add(
          new Waypoint(
              (int) w.optLong("marker", -1, -1, 1_000_000),
              w.requireDouble("x_m", -1e4, 1e4, "m"),
              w.requireDouble("y_m", -1e4, 1e4, "m"),
              w.optDouble("tolerance_m", tol, 0.01, 5, "m")));
    }
    List<Landmark> lms = new ArrayList<>();
    if (root.has("landmarks")) {
      for (ConfigNode l : root.childList("landmarks")) {
        l.rejectUnknown(Set.of("marker", "x_m", "y_m"));
        lms.add(
            new Landmark(
                (int) l.requireLong("marker", 0, 1_000_000),
                l.requireDouble("x_m", -1e4, 1e4, "m"),
                l.requireDouble("y_m", -1e4, 1e4, "m")));
      }
    }
    try {
      return new Route(name, 0, wps, lms, List.of());
    } catch (IllegalArgumentException e) {
      throw new ConfigException(file + ": " + e.getMessage());
    }
  }

  /** Writes a route in the format {@link #load} reads. */
  public static void write(Route r, Path file) throws IOException {
    StringBuilder b = new StringBuilder();
    b.append("# Route taught by teleoperation; frame: the odom frame of the teaching run (m).\n");
    b.append("name: ").append(r.name()).append('\n');
    b.append("waypoints:\n");
    for (Waypoint w : r.waypoints()) {
      b.append(
          String.format(
              Locale.ROOT,
              "  - { x_m: %.3f, y_m: %.3f, tolerance_m: %.2f%s }%n",
              w.x(),
              w.y(),
              w.toleranceM(),
              w.hasMarker() ? ", marker: " + w.markerId() : ""));
    }
    if (!r.landmarks().isEmpty()) {
      b.append("landmarks:\n");
      for (Landmark l : r.landmarks()) {
        b.append(
            String.format(
                Locale.ROOT,
                "  - { marker: %d, x_m: %.3f, y_m: %.3f }%n",
                l.markerId(),
                l.x(),
                l.y()));
      }
    }
    Files.writeString(file, b.toString());
  }

  /**
   * Loads every {@code *.yaml} in {@code dir} that is a valid route; each bad one is left out and
   * {@code bad} told why (the file, the field and what was expected), so one bad file costs only
   * its own route. No directory: none.
   */
  public static List<Route> loadEach(Path dir, java.util.function.Consumer<String> bad)
      throws IOException {
    List<Route> out = new ArrayList<>();
    if (!Files.isDirectory(dir)) {
      return out;
    }
    try (var s = Files.list(dir)) {
      for (Path p : s.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
        try {
          out.add(load(p));
        } catch (ConfigException | IllegalArgumentException e) {
          String why = e.getMessage();
          bad.accept(
              "route file "
                  + p
                  + " not loaded: "
                  + why
                  + (why.contains("expected")
                      ? ""
                      : " (expected YAML with name and waypoints of finite x_m, y_m in metres)"));
        }
      }
    }
    return out;
  }

  /** Loads every {@code *.yaml} in {@code dir} (none if it does not exist). */
  public static List<Route> loadAll(Path dir) throws IOException {
    List<Route> out = new ArrayList<>();
    if (!Files.isDirectory(dir)) {
      return out;
    }
    try (var s = Files.list(dir)) {
      for (Path p : s.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
        out.add(load(p));
      }
    }
    return out;
  }
}
