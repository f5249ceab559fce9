package robodog.sim.terrain;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Ground made of segments laid one after another along +x from a start line: each segment begins at
 * the height the previous one ended (steps and slopes change it), the first one reaches {@link
 * #LEAD_IN_M} behind the start so a robot starting there stands on it, and level pavement continues
 * at the last height beyond the last segment (20 m of it), and level pavement at the start height
 * behind the lead-in (20 m). Each segment's level or inclined surface reaches 20 m beyond the
 * course width on either side, so ground beside the course has the course's heights (no ledge for a
 * robot that drifts sideways); the width bounds only the rough bumps and the gravel stones.
 *
 * <p>Seeded kinds (gravel stones, rough bumps) take, for the k-th seeded segment (k = 0, 1, ...),
 * the run seed + k, so one seed gives one course. Immutable; any thread; {@link #build} at
 * start-up.
 */
public final class SegmentCourse {
  /** How far the first segment reaches behind the start line, m. */
  public static final double LEAD_IN_M = 1.0;

  private static final double SIDE_M = 20.0;
  private static final double DEPTH_M = 0.3;

  private final List<CourseSegment> segments;
  private final double startX;
  private final double widthM;
  private final double[] from; // segment i spans [from[i], from[i + 1]) along x
  private final double[] height; // height at from[i]; height[n] is the end height
  private final double base;

  /**
   * @param segments the segments in order, at least one
   * @param startX start line, world x, m (segment 0 begins here, its lead-in behind it)
   * @param widthM course width across y, centred on y = 0, m
   */
  public SegmentCourse(List<CourseSegment> segments, double startX, double widthM) {
    if (segments.isEmpty() || !(widthM > 0)) {
      throw new IllegalArgumentException("a segment course needs segments and a positive width");
    }
    this.segments = List.copyOf(segments);
    this.startX = startX;
    this.widthM = widthM;
    int n = segments.size();
    from = new double[n + 1];
    height = new double[n + 1];
    from[0] = startX;
    double low = 0;
    for (int i = 0; i < n; i++) {
      from[i + 1] = from[i] + segments.get(i).lengthM();
      height[i + 1] = height[i] + segments.get(i).riseM();
      low = Math.min(low, height[i + 1]);
    }
    base = low;
  }

  /** The segments, in order. */
  public List<CourseSegment> segments() {
    return segments;
  }

  /** Start line, world x, m. */
  public double startX() {
    return startX;
  }

  /** World x where the last segment ends, m. */
  public double endX() {
    return from[segments.size()];
  }

  /** Total length of the segments from the start line, m. */
  public double lengthM() {
    return endX() - startX;
  }

  /** Course width, m. */
  public double widthM() {
    return widthM;
  }

  /** World x where segment i starts (the start line for segment 0), m. */
  public double segmentStartX(int i) {
    return from[i];
  }

  /** Nominal height where segment i starts (before bumps and stones); i = size: the end, m. */
  public double segmentStartHeight(int i) {
    return height[i];
  }

  /** Index of the segment at world x (0 for the lead-in), or −1 before it or past the end. */
  public int indexAt(double x) {
    if (x < startX - LEAD_IN_M || x >= endX()) {
      return -1;
    }
    for (int i = segments.size() - 1; i > 0; i--) {
      if (x >= from[i]) {
        return i;
      }
    }
    return 0;
  }

  /**
   * The kind of ground at world x ({@code gravel}, {@code steps_up}, ...): the segment there, the
   * first one on its lead-in, {@code pavement} behind the lead-in and beyond the last segment.
   */
  public String kindAt(double x) {
    int i = indexAt(x);
    return i < 0 ? SegmentKind.PAVEMENT.key() : segments.get(i).kind().key();
  }

  /** The ground for a run with {@code seed}. */
  public SegmentTerrain build(long seed) {
    List<Terrain> parts = new ArrayList<>();
    double half = widthM / 2;
    double x0 = startX - LEAD_IN_M;
    double end = endX();
    Patch paved = Patch.rigid("pavement", SegmentKind.PAVEMENT.param("friction").dflt());
    // Level and inclined surfaces reach SIDE_M beyond the course width on each side, so a robot
    // that drifts sideways meets the same heights, not a ledge; bumps and stones stay within it.
    double side = half + SIDE_M;
    BoxField surround = new BoxField("surround", paved);
    surround.add(box(x0 - SIDE_M, x0, -side, side, 0));
    surround.add(box(end, end + SIDE_M, -side, side, height[segments.size()]));
    parts.add(surround);
    long seeded = 0;
    for (int i = 0; i < segments.size(); i++) {
      CourseSegment s = segments.get(i);
      double a = i == 0 ? x0 : from[i];
      double b = from[i + 1];
      double h = height[i];
      Patch patch = patch(s);
      switch (s.kind()) {
        case GRAVEL -> {
          parts.add(new BoxField("gravel base", patch).add(box(a, b, -side, side, h)));
          parts.add(stones(s, a, b, h, patch, seed + seeded++));
        }
        case ROUGH -> {
          double amp = s.get("amplitude_m");
          double feature = s.get("feature_m");
          parts.add(new BoxField("rough base", patch).add(box(a, b, -side, side, h)));
          if (amp > 0) {
            parts.add(
                new RoughTerrain(
                    a,
                    -half,
                    b - a,
                    widthM,
                    amp,
                    feature,
                    Terrains.defaultCell(feature),
                    h + amp,
                    seed + seeded,
                    patch,
                    false));
          }
          seeded++;
        }
        case STEPS_UP, STEPS_DOWN -> {
          BoxField treads = new BoxField(s.kind().key(), patch);
          if (i == 0) {
            treads.add(box(x0, from[0], -side, side, 0));
          }
          int count = (int) s.get("count");
          double rise = s.kind() == SegmentKind.STEPS_UP ? s.get("rise_m") : -s.get("rise_m");
          double run = s.get("run_m");
          for (int k = 0; k < count; k++) {
            // Treads up run to the segment's end, one on the other, so no seam is ever a step
            // edge; treads down are side by side.
            double tb = rise > 0 ? b : from[i] + (k + 1) * run;
            treads.add(box(from[i] + k * run, tb, -side, side, h + (k + 1) * rise));
          }
          parts.add(treads);
        }
        case SLOPE -> {
          if (i == 0) {
            parts.add(new BoxField("slope lead-in", patch).add(box(x0, from[0], -side, side, 0)));
          }
          parts.add(new RampTerrain(from[i], h, b, height[i + 1], 0, 2 * side, patch));
        }
        default -> parts.add(new BoxField(s.kind().key(), patch).add(box(a, b, -side, side, h)));
      }
    }
    return new SegmentTerrain(this, new CompositeTerrain("segments", parts));
  }

  private static Patch patch(CourseSegment s) {
    double mu = s.get("friction");
    return switch (s.kind()) {
      case MUD -> new Patch("mud", mu, s.get("stiffness_n_per_m"), s.get("damping_ns_per_m"));
      case STEPS_UP, STEPS_DOWN -> Patch.rigid("wood", mu);
      case SLOPE -> Patch.rigid("pavement", mu);
      default -> Patch.rigid(s.kind().key(), mu);
    };
  }

  private double bottom() {
    return base - DEPTH_M;
  }

  /** A level box over [xa, xb] × [ya, yb] with its top at {@code top}, reaching below the base. */
  private BoxField.Box box(double xa, double xb, double ya, double yb, double top) {
    return new BoxField.Box(
        (xa + xb) / 2, (ya + yb) / 2, bottom(), xb - xa, yb - ya, top - bottom(), 0);
  }

  /**
   * Seeded stones on a 2 m strip (the course width when narrower), drawn in the same order as
   * {@link Terrains#gravel}, standing on the segment's height.
   */
  private BoxField stones(CourseSegment s, double a, double b, double h, Patch patch, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    BoxField stones = new BoxField("gravel", patch);
    double strip = Math.min(2.0, widthM);
    double size = s.get("stone_size_m");
    int n = (int) Math.round(s.get("stones_per_m2") * (b - a) * strip);
    for (int i = 0; i < n; i++) {
      double side = size * (0.5 + r.nextDouble());
      double tall = side * (0.3 + 0.4 * r.nextDouble());
      stones.add(
          new BoxField.Box(
              a + (b - a) * r.nextDouble(),
              strip * (r.nextDouble() - 0.5),
              h,
              side,
              side,
              tall,
              Math.PI * r.nextDouble()));
    }
    return stones;
  }
}
