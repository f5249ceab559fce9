package robodog.sim.terrain;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The kinds of segment a {@link SegmentCourse} is made of, each with its parameters as a table:
 * file key (unit in the name), default, allowed range. Data, not classes: a new kind is a new row
 * plus its geometry in {@link SegmentCourse}. Immutable; any thread.
 */
public enum SegmentKind {
  /** Level hard ground. */
  PAVEMENT(p("length_m", 1.0, 0.05, 100), p("friction", 0.9, 0, 3)),
  /** Level ground with seeded loose stones (boxes of random size and yaw) on a 2 m wide strip. */
  GRAVEL(
      p("length_m", 2.0, 0.05, 100),
      p("friction", 0.7, 0, 3),
      p("stones_per_m2", 25, 0, 400),
      p("stone_size_m", 0.025, 0.005, 0.1)),
  /** Level packed earth: lower friction than pavement. */
  DIRT(p("length_m", 1.5, 0.05, 100), p("friction", 0.6, 0, 3)),
  /**
   * Seeded smooth bumps (a heightfield) rising from the segment's height by up to twice {@code
   * amplitude_m} ({@code amplitude_m} is mean to peak, as for the {@code rough} terrain type).
   */
  ROUGH(
      p("length_m", 2.0, 0.2, 100),
      p("friction", 0.8, 0, 3),
      p("amplitude_m", 0.02, 0, 0.15),
      p("feature_m", 0.4, 0.05, 5)),
  /**
   * {@code count} steps up, each {@code rise_m} high and {@code run_m} deep; length = count × run.
   */
  STEPS_UP(
      p("count", 3, 1, 50),
      p("rise_m", 0.03, 0.005, 0.2),
      p("run_m", 0.35, 0.1, 2),
      p("friction", 0.8, 0, 3)),
  /** The same, down: the first step down is at the segment's start. */
  STEPS_DOWN(
      p("count", 3, 1, 50),
      p("rise_m", 0.03, 0.005, 0.2),
      p("run_m", 0.35, 0.1, 2),
      p("friction", 0.8, 0, 3)),
  /** A plane incline: positive {@code angle_deg} rises along +x, negative descends. */
  SLOPE(p("length_m", 2.0, 0.1, 100), p("angle_deg", 10, -30, 30), p("friction", 0.9, 0, 3)),
  /** Level ice: rigid, very low friction. */
  ICE(p("length_m", 1.0, 0.05, 100), p("friction", 0.1, 0, 3)),
  /** Level mud: low friction and a compliant surface the feet sink into a little. */
  MUD(
      p("length_m", 1.0, 0.05, 100),
      p("friction", 0.3, 0, 3),
      p("stiffness_n_per_m", Terrains.MUD_STIFFNESS_N_PER_M, 100, 1e7),
      p("damping_ns_per_m", Terrains.MUD_DAMPING_NS_PER_M, 0, 1e5));

  /**
   * One parameter.
   *
   * @param key file key, with its unit ({@code _m}, {@code _deg}, ...); {@code friction} is the
   *     Coulomb coefficient of the rubber feet on the segment, {@code count} an integer
   * @param dflt value when the file leaves it out
   * @param min smallest allowed value
   * @param max largest allowed value
   */
  public record Param(String key, double dflt, double min, double max) {
    /** True for whole-number parameters ({@code count}). */
    public boolean integer() {
      return key.equals("count");
    }
  }

  private final List<Param> params;

  SegmentKind(Param... params) {
    this.params = List.of(params);
  }

  private static Param p(String key, double dflt, double min, double max) {
    return new Param(key, dflt, min, max);
  }

  /** The file name of the kind: {@code steps_up}, {@code ice}, ... */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The parameters this kind takes, in the order files list them. */
  public List<Param> params() {
    return params;
  }

  /** The parameter called {@code key}, or null when this kind has none by that name. */
  public Param param(String key) {
    for (int i = 0; i < params.size(); i++) {
      if (params.get(i).key().equals(key)) {
        return params.get(i);
      }
    }
    return null;
  }

  /** True for the steps kinds, whose length is count × run_m. */
  public boolean steps() {
    return this == STEPS_UP || this == STEPS_DOWN;
  }

  /** The kind with file name {@code key}, or null. */
  public static SegmentKind parse(String key) {
    for (SegmentKind k : values()) {
      if (k.key().equals(key)) {
        return k;
      }
    }
    return null;
  }

  /** The file names of all kinds, in table order. */
  public static List<String> keys() {
    List<String> out = new ArrayList<>();
    for (SegmentKind k : values()) {
      out.add(k.key());
    }
    return out;
  }
}
