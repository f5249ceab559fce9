package robodog.sim.camera;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import robodog.core.config.ConfigNode;
import robodog.sim.terrain.Terrain;

/**
 * Reads a scenario's optional {@code scene:} block. Objects stand on the terrain (their base is the
 * terrain height under them unless {@code z_m} is given); colours are sRGB 0–255. Every error names
 * the file, the field and what was expected. Start-up only.
 *
 * <pre>
 * scene:
 *   ground: { ground: grass }           # terrain patch name → surface look
 *   markers: [ { id: 7, x_m: 2, y_m: 0.3, yaw_deg: 180, size_m: 0.15, height_m: 0.35 } ]
 *   cases:   [ { x_m: 1.6, y_m: -0.5, yaw_deg: 20, size_m: [0.55, 0.35, 0.22], colour: [10, 10, 12] } ]
 *   cables:  [ { from_m: [0.9, -1.5], to_m: [1.1, 1.5], radius_m: 0.008 } ]
 *   tripods: [ { x_m: 2.8, y_m: 1.0, yaw_deg: 20, height_m: 1.4 } ]
 *   people:  [ { path_m: [4.2, -0.2, 4.2, 2.0], speed_mps: 0.8, start_s: 1, loop: true,
 *                yaw_deg: 180, height_m: 1.75, shirt: [200, 30, 20], trousers: [20, 20, 60] } ]
 * </pre>
 */
public final class SceneLoader {
  private static final double[][] SHIRTS = {
    {200, 40, 30},
    {30, 80, 160},
    {235, 235, 225},
    {40, 40, 45},
    {240, 200, 40},
    {60, 140, 70},
    {250, 120, 20},
    {120, 60, 140}
  };
  private static final double[][] TROUSERS = {
    {30, 35, 60}, {20, 20, 22}, {110, 95, 70}, {70, 70, 75}, {50, 60, 40}
  };
  private static final double[][] SKIN = {
    {224, 172, 140}, {198, 134, 96}, {141, 85, 54}, {90, 56, 37}, {240, 200, 170}
  };

  private SceneLoader() {}

  /** Parses the block (an empty node gives {@link Scene#EMPTY}). */
  public static Scene parse(ConfigNode s, Terrain terrain) {
    if (s.isEmpty()) {
      return Scene.EMPTY;
    }
    s.rejectUnknown(Set.of("ground", "markers", "cases", "cables", "tripods", "people"));
    Map<String, Surface> ground = new HashMap<>();
    ConfigNode g = s.optChild("ground");
    for (String patch : g.keys()) {
      String look = g.requireString(patch);
      Surface surf = Surface.parse(look);
      if (surf == null) {
        throw g.error(patch, "a surface, one of " + Surface.allowedNames());
      }
      ground.put(patch, surf);
    }
    List<Scene.Marker> markers = new ArrayList<>();
    for (ConfigNode m : list(s, "markers")) {
      m.rejectUnknown(Set.of("id", "x_m", "y_m", "z_m", "yaw_deg", "size_m", "height_m"));
      double x = m.requireDouble("x_m", -1000, 1000, "m");
      double y = m.requireDouble("y_m", -1000, 1000, "m");
      markers.add(
          new Scene.Marker(
              (int) m.requireLong("id", 0, ArucoDictionary.SIZE - 1),
              x,
              y,
              z(m, terrain, x, y),
              yaw(m),
              m.optDouble("size_m", 0.15, 0.02, 2, "m (black square)"),
              m.optDouble("height_m", 0.35, 0.05, 3, "m (centre above the ground)")));
    }
    List<Scene.CaseBox> cases = new ArrayList<>();
    for (ConfigNode c : list(s, "cases")) {
      c.rejectUnknown(Set.of("x_m", "y_m", "z_m", "yaw_deg", "size_m", "colour"));
      double x = c.requireDouble("x_m", -1000, 1000, "m");
      double y = c.requireDouble("y_m", -1000, 1000, "m");
      double[] size =
          c.has("size_m")
              ? c.requireDoubles("size_m", 3, "m (length, width, height)")
              : new double[] {0.55, 0.35, 0.22};
      for (double v : size) {
        if (!(v > 0.005 && v < 5)) {
          throw c.error("size_m", "three sizes between 0.005 and 5 m");
        }
      }
      cases.add(
          new Scene.CaseBox(
              x,
              y,
              z(c, terrain, x, y),
              yaw(c),
              size[0],
              size[1],
              size[2],
              colour(c, "colour", new double[] {12, 12, 14})));
    }
    List<Scene.Cable> cables = new ArrayList<>();
    for (ConfigNode c : list(s, "cables")) {
      c.rejectUnknown(Set.of("from_m", "to_m", "radius_m"));
      double[] a = c.requireDoubles("from_m", 2, "m (x, y)");
      double[] b = c.requireDoubles("to_m", 2, "m (x, y)");
      double zc = Math.max(terrain.heightAt(a[0], a[1]), terrain.heightAt(b[0], b[1]));
      cables.add(
          new Scene.Cable(
              a[0], a[1], b[0], b[1], zc, c.optDouble("radius_m", 0.008, 0.002, 0.05, "m")));
    }
    List<Scene.Tripod> tripods = new ArrayList<>();
    for (ConfigNode t : list(s, "tripods")) {
      t.rejectUnknown(Set.of("x_m", "y_m", "z_m", "yaw_deg", "height_m"));
      double x = t.requireDouble("x_m", -1000, 1000, "m");
      double y = t.requireDouble("y_m", -1000, 1000, "m");
      tripods.add(
          new Scene.Tripod(
              x, y, z(t, terrain, x, y), yaw(t), t.optDouble("height_m", 1.4, 0.3, 3, "m")));
    }
    List<Scene.Person> people = new ArrayList<>();
    int k = 0;
    for (ConfigNode p : list(s, "people")) {
      p.rejectUnknown(
          Set.of(
              "path_m",
              "z_m",
              "yaw_deg",
              "speed_mps",
              "start_s",
              "loop",
              "height_m",
              "shirt",
              "trousers",
              "skin"));
      double[] flat = p.requireDoubleList("path_m", "m (x0, y0, x1, y1, ...)");
      if (flat.length < 2 || flat.length % 2 != 0) {
        throw p.error("path_m", "an even number of values (x, y pairs), at least one point");
      }
      List<double[]> path = new ArrayList<>();
      for (int i = 0; i < flat.length; i += 2) {
        path.add(new double[] {flat[i], flat[i + 1]});
      }
      people.add(
          new Scene.Person(
              path,
              z(p, terrain, flat[0], flat[1]),
              yaw(p),
              p.optDouble("speed_mps", 0, 0, 3, "m/s"),
              p.optDouble("start_s", 0, 0, 1e6, "s"),
              p.optBoolean("loop", false),
              p.optDouble("height_m", 1.75, 1.0, 2.2, "m"),
              colour(p, "shirt", SHIRTS[k % SHIRTS.length]),
              colour(p, "trousers", TROUSERS[(k * 3 + 1) % TROUSERS.length]),
              colour(p, "skin", SKIN[(k * 2 + 1) % SKIN.length])));
      k++;
    }
    return new Scene(markers, cases, cables, tripods, people, ground);
  }

  private static List<ConfigNode> list(ConfigNode n, String key) {
    return n.has(key) ? n.childList(key) : List.of();
  }

  private static double z(ConfigNode n, Terrain terrain, double x, double y) {
    return n.has("z_m") ? n.requireDouble("z_m", -100, 100, "m") : terrain.heightAt(x, y);
  }

  private static double yaw(ConfigNode n) {
    return Math.toRadians(n.optDouble("yaw_deg", 0, -360, 360, "degrees"));
  }

  /** An sRGB 0–255 triple as linear 0..1. */
  private static double[] colour(ConfigNode n, String key, double[] dflt) {
    double[] c = n.has(key) ? n.requireDoubles(key, 3, "sRGB 0-255") : dflt;
    double[] lin = new double[3];
    for (int i = 0; i < 3; i++) {
      if (!(c[i] >= 0 && c[i] <= 255)) {
        throw n.error(key, "three sRGB values 0-255");
      }
      double v = c[i] / 255;
      lin[i] = v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    }
    return lin;
  }
}
