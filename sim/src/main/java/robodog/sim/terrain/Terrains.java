package robodog.sim.terrain;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The terrain catalogue: one factory per scenario terrain type, all along +x from a robot starting
 * near the origin. Seeded terrains give the same geometry for the same seed. Start-up only.
 */
public final class Terrains {
  /** Mud's default contact stiffness per contact point, N/m: ~4 mm sinkage under a foot. */
  public static final double MUD_STIFFNESS_N_PER_M = 2000;

  /** Mud's default contact damping per contact point, N·s/m (well damped, no bounce). */
  public static final double MUD_DAMPING_NS_PER_M = 120;

  private Terrains() {}

  /** Level pavement with friction {@code mu}. */
  public static Terrain flat(double mu) {
    return new FlatTerrain(Patch.rigid("ground", mu));
  }

  /** Level ice, rigid, friction {@code mu} (about 0.05 for rubber on wet ice). */
  public static Terrain ice(double mu) {
    return new FlatTerrain(Patch.rigid("ice", mu));
  }

  /** Level mud: low friction and a compliant surface the feet sink into a little. */
  public static Terrain mud(double mu, double stiffnessNPerM, double dampingNsPerM) {
    return new FlatTerrain(new Patch("mud", mu, stiffnessNPerM, dampingNsPerM));
  }

  /** An infinite slope rising along +x at {@code angleRad}. */
  public static Terrain slope(double angleRad, double mu) {
    return new SlopeTerrain(angleRad, Patch.rigid("ground", mu));
  }

  /**
   * Rough ground: a seeded heightfield from x = −1.5 m over {@code lengthM} × {@code widthM}
   * centred on y = 0, level for the first 1.8 m and roughening over the next metre, on a ground
   * plane.
   *
   * @param amplitudeM bump height from the mean, m
   * @param featureM bump size, m
   * @param cellM heightfield sample spacing, m
   */
  public static Terrain rough(
      double amplitudeM,
      double featureM,
      double cellM,
      double lengthM,
      double widthM,
      double mu,
      long seed) {
    return new CompositeTerrain(
        "rough",
        List.of(
            new FlatTerrain(Patch.rigid("ground", mu)),
            new RoughTerrain(
                -1.5,
                -widthM / 2,
                lengthM,
                widthM,
                amplitudeM,
                featureM,
                cellM,
                amplitudeM,
                seed,
                Patch.rigid("rough", mu),
                true)));
  }

  /** The default heightfield cell for a bump size: a third of it, at most 5 cm. */
  public static double defaultCell(double featureM) {
    return Math.min(0.05, featureM / 3);
  }

  /**
   * A flight of {@code steps} steps up along +x starting at {@code x0}, each {@code rise} high and
   * {@code run} deep, then a 3 m landing, 3 m wide, on level ground.
   */
  public static Terrain stairs(double x0, double rise, double run, int steps, double mu) {
    BoxField treads = new BoxField("stairs", Patch.rigid("stairs", mu));
    double end = x0 + steps * run + 3.0;
    for (int k = 0; k < steps; k++) {
      double from = x0 + k * run;
      treads.add(new BoxField.Box((from + end) / 2, 0, 0, end - from, 3.0, (k + 1) * rise, 0));
    }
    return new CompositeTerrain("stairs", List.of(flat(0.9), treads));
  }

  /**
   * Gravel: seeded small stones (boxes of random size and yaw) scattered between {@code fromX} and
   * {@code toX} over a 2 m wide strip on level ground of the same friction.
   *
   * @param density stones per m²
   * @param size nominal stone size, m (each is 0.5–1.5 × this across, 0.3–0.7 × across high)
   */
  public static Terrain gravel(
      long seed, double fromX, double toX, double density, double size, double mu) {
    SplittableRandom r = new SplittableRandom(seed);
    BoxField stones = new BoxField("gravel", Patch.rigid("gravel", mu));
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
        "gravel", List.of(new FlatTerrain(Patch.rigid("ground", mu)), stones));
  }

  /**
   * The mixed equipment-run course along +x: pavement to 1.5 m, gravel to 3.5 m, rough dirt to 6 m,
   * three 3 cm steps from 6.3 m up to a landing (with a 0.6 m ice-slick strip at 8.1–8.7 m) that
   * ends at 9.5 m, pavement beyond.
   */
  public static Terrain equipmentRun(long seed) {
    List<Terrain> parts = new ArrayList<>();
    parts.add(new FlatTerrain(Patch.rigid("pavement", 0.9)));
    parts.add(gravel(seed, 1.5, 3.5, 25, 0.025, 0.7));
    parts.add(
        new RoughTerrain(
            3.5,
            -1.5,
            2.5,
            3,
            0.02,
            0.4,
            defaultCell(0.4),
            0.02,
            seed + 1,
            Patch.rigid("dirt", 0.8),
            false));
    BoxField steps = new BoxField("steps", Patch.rigid("wood", 0.8));
    for (int k = 0; k < 3; k++) {
      double from = 6.3 + 0.35 * k;
      steps.add(new BoxField.Box((from + 9.5) / 2, 0, 0, 9.5 - from, 3.0, 0.03 * (k + 1), 0));
    }
    parts.add(steps);
    BoxField ice = new BoxField("ice strip", Patch.rigid("ice", 0.1));
    ice.add(new BoxField.Box(8.4, 0, 0.09, 0.6, 3.0, 0.002, 0));
    parts.add(ice);
    return new CompositeTerrain("equipment-run", parts);
  }
}
