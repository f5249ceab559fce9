package robodog.harness.learn;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import robodog.sim.SimConfig;
import robodog.sim.terrain.BoxField;
import robodog.sim.terrain.CompositeTerrain;
import robodog.sim.terrain.FlatTerrain;
import robodog.sim.terrain.Patch;
import robodog.sim.terrain.RoughTerrain;
import robodog.sim.terrain.Terrain;
import robodog.sim.terrain.Terrains;

/**
 * Courses for the terrain policy, generated from a seed: the terrain (kind and difficulty from the
 * curriculum level), the goal, the operator's speed, and the domain randomisation (friction,
 * payload mass and centre of mass, servo strength, sensor noise). Training seeds are below 10^9;
 * held-out evaluation courses ({@link #heldOut}) use seeds from 10^9 up and mixed terrain sequences
 * that training never builds in that order and length.
 */
public final class TerrainCourses {
  /** Highest curriculum level. */
  public static final int MAX_LEVEL = 4;

  /** Held-out seeds start here. */
  public static final long HELD_OUT_BASE = 1_000_000_000L;

  /**
   * A course.
   *
   * @param name kind and parameters, for tables
   * @param terrain the ground
   * @param sim physics and sensor settings with the randomisation applied
   * @param speedMps operator's forward speed, m/s
   * @param goalM distance along +x that completes the course, m
   * @param timeLimitS time allowed, s
   */
  public record Course(
      String name,
      Terrain terrain,
      SimConfig sim,
      double speedMps,
      double goalM,
      double timeLimitS) {}

  private static final String[] KINDS = {
    "flat", "rough", "slope", "gravel", "ice", "stairs", "mixed"
  };
  // Kinds unlocked at each level (index into KINDS, exclusive bound).
  private static final int[] UNLOCKED = {1, 3, 5, 6, 7};

  private TerrainCourses() {}

  /** A training course at curriculum {@code level}. */
  public static Course training(long seed, int level) {
    SplittableRandom r = new SplittableRandom(seed);
    int lv = Math.max(0, Math.min(MAX_LEVEL, level));
    String kind = KINDS[r.nextInt(UNLOCKED[lv])];
    double d = (lv + r.nextDouble()) / (MAX_LEVEL + 1); // difficulty in [0, 1)
    return build(kind, d, seed, r, 1.0, 12);
  }

  /** Held-out course {@code i}: a mixed sequence of three or four segments, goal 3 m. */
  public static Course heldOut(int i) {
    long seed = HELD_OUT_BASE + i;
    SplittableRandom r = new SplittableRandom(seed);
    return build("mixed", 0.5 + 0.5 * r.nextDouble(), seed, r, 3.0, 60);
  }

  /**
   * A scenario file as a course (for {@code eval --courses DIR}): its terrain, payload, first
   * commanded speed, goal (or 80 % of speed × duration when it has none) and duration, with the
   * given seed. Start pose and the scenario's gait script are not used.
   */
  public static Course fromScenario(robodog.sim.scenario.Scenario sc, long seed) {
    double speed = sc.commands().isEmpty() ? 0.1 : sc.commands().get(0).vx();
    if (!(speed > 0)) {
      throw new IllegalArgumentException(
          "scenario " + sc.name() + ": first command must drive forward (vx_mps > 0) for a course");
    }
    double goal =
        Double.isNaN(sc.goalDistanceM()) ? 0.8 * speed * sc.durationS() : sc.goalDistanceM();
    SimConfig sim =
        SimConfig.defaults(seed)
            .withPayload(
                sc.payloadKg(),
                sc.payloadCom().get(0),
                sc.payloadCom().get(1),
                sc.payloadCom().get(2));
    return new Course(sc.name(), sc.terrain().build(seed), sim, speed, goal, sc.durationS());
  }

  private static Course build(
      String kind, double d, long seed, SplittableRandom r, double goal, double limit) {
    double friction = 0.8 + 0.2 * r.nextDouble();
    Terrain t;
    String name;
    switch (kind) {
      case "flat" -> {
        t = Terrains.flat(friction);
        name = "flat";
      }
      case "rough" -> {
        double amp = 0.01 + 0.03 * d;
        t = Terrains.rough(amp, 0.4, Terrains.defaultCell(0.4), 6, 3, friction, seed);
        name = String.format(java.util.Locale.ROOT, "rough %.0f mm", amp * 1000);
      }
      case "slope" -> {
        double deg = 4 + 14 * d;
        t = Terrains.slope(Math.toRadians(deg), friction);
        name = String.format(java.util.Locale.ROOT, "slope %.0f deg", deg);
      }
      case "gravel" -> {
        double size = 0.015 + 0.02 * d;
        t = Terrains.gravel(seed, 0.3, 4.0, 25, size, friction * 0.85);
        name = String.format(java.util.Locale.ROOT, "gravel %.0f mm", size * 1000);
      }
      case "ice" -> {
        double mu = 0.35 - 0.25 * d;
        t = Terrains.ice(mu);
        name = String.format(java.util.Locale.ROOT, "ice mu %.2f", mu);
      }
      case "stairs" -> {
        double rise = 0.015 + 0.025 * d;
        t = Terrains.stairs(0.35, rise, 0.35, 3, friction);
        name = String.format(java.util.Locale.ROOT, "stairs %.0f mm", rise * 1000);
      }
      default -> {
        StringBuilder sb = new StringBuilder("mixed:");
        t = mixed(seed, d, friction, r, sb);
        name = sb.toString();
      }
    }
    double payload = 2.0 * r.nextDouble();
    SimConfig sim =
        SimConfig.defaults(seed)
            .withPayload(
                payload,
                0.03 * (2 * r.nextDouble() - 1),
                0.03 * (2 * r.nextDouble() - 1),
                0.05 + 0.07 * r.nextDouble())
            .withServo(0.85 + 0.3 * r.nextDouble(), 40.0);
    double noise = 0.5 + 1.5 * r.nextDouble();
    sim = sim.withNoise(0.002 * noise, 0.05 * noise, 0.002 * noise, 0.0005 * noise);
    double speed = 0.08 + 0.04 * r.nextDouble();
    return new Course(name, t, sim, speed, goal, limit);
  }

  /**
   * Pavement, then three or four 0.8 m segments drawn from rough, gravel, an ice strip and flat
   * dirt; steps (two or three risers) only ever last, since everything after them is raised.
   */
  static Terrain mixed(
      long seed, double d, double friction, SplittableRandom r, StringBuilder name) {
    List<Terrain> parts = new ArrayList<>();
    parts.add(new FlatTerrain(Patch.rigid("pavement", friction)));
    int n = 3 + r.nextInt(2);
    double x = 0.4;
    for (int k = 0; k < n; k++) {
      int kind = r.nextInt(k == n - 1 ? 5 : 4);
      double len = 0.8;
      switch (kind) {
        case 0 -> {
          double amp = 0.01 + 0.025 * d;
          parts.add(
              new RoughTerrain(
                  x,
                  -1.5,
                  len,
                  3,
                  amp,
                  0.4,
                  Terrains.defaultCell(0.4),
                  amp,
                  seed + k,
                  Patch.rigid("dirt", friction),
                  false));
          name.append(" rough");
        }
        case 1 -> {
          SplittableRandom g = new SplittableRandom(seed * 31 + k);
          BoxField stones = new BoxField("gravel", Patch.rigid("gravel", friction * 0.85));
          double size = 0.015 + 0.02 * d;
          for (int i = 0; i < 40; i++) {
            double s = size * (0.5 + g.nextDouble());
            stones.add(
                new BoxField.Box(
                    x + len * g.nextDouble(),
                    2.0 * (g.nextDouble() - 0.5),
                    0,
                    s,
                    s,
                    s * (0.3 + 0.4 * g.nextDouble()),
                    Math.PI * g.nextDouble()));
          }
          parts.add(stones);
          name.append(" gravel");
        }
        case 2 -> {
          BoxField ice = new BoxField("ice strip", Patch.rigid("ice", 0.3 - 0.2 * d));
          ice.add(new BoxField.Box(x + len / 2, 0, 0, len, 3.0, 0.002, 0));
          parts.add(ice);
          name.append(" ice");
        }
        case 3 -> name.append(" flat");
        default -> {
          BoxField steps = new BoxField("steps", Patch.rigid("wood", friction));
          int risers = 2 + r.nextInt(2);
          double rise = 0.015 + 0.02 * d;
          double end = x + 6;
          for (int i = 0; i < risers; i++) {
            double from = x + 0.35 * i;
            steps.add(new BoxField.Box((from + end) / 2, 0, 0, end - from, 3.0, rise * (i + 1), 0));
          }
          parts.add(steps);
          name.append(" steps");
        }
      }
      x += len;
    }
    return new CompositeTerrain("mixed", parts);
  }
}
