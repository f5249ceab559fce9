package robodog.sim.terrain;

import org.ode4j.ode.DSpace;

/**
 * The ground a {@link SegmentCourse} builds for one run: its boxes, heightfields and ramps, plus
 * which kind of segment lies at a world x ({@link #kindAt}). Immutable; {@link #heightAt} and
 * {@link #kindAt} are thread-safe.
 */
public final class SegmentTerrain implements Terrain {
  private final SegmentCourse course;
  private final CompositeTerrain ground;

  SegmentTerrain(SegmentCourse course, CompositeTerrain ground) {
    this.course = course;
    this.ground = ground;
  }

  /** The course this was built from. */
  public SegmentCourse course() {
    return course;
  }

  /** The pieces, for ray casting. */
  public CompositeTerrain ground() {
    return ground;
  }

  /** The kind of segment at world x; see {@link SegmentCourse#kindAt}. */
  public String kindAt(double x) {
    return course.kindAt(x);
  }

  /**
   * The segment ground inside {@code t}: {@code t} itself, or a part of a {@link CompositeTerrain}
   * (a scenario adds its scene's obstacles that way); null when there is none.
   */
  public static SegmentTerrain find(Terrain t) {
    if (t instanceof SegmentTerrain s) {
      return s;
    }
    if (t instanceof CompositeTerrain c) {
      for (Terrain p : c.parts()) {
        SegmentTerrain s = find(p);
        if (s != null) {
          return s;
        }
      }
    }
    return null;
  }

  @Override
  public void build(DSpace space) {
    ground.build(space);
  }

  @Override
  public boolean covers(double x, double y) {
    return ground.covers(x, y);
  }

  @Override
  public double heightAt(double x, double y) {
    return ground.heightAt(x, y);
  }

  @Override
  public String describe() {
    StringBuilder sb = new StringBuilder("segments:");
    for (CourseSegment s : course.segments()) {
      sb.append(' ').append(s.kind().key()).append(' ').append(CourseSegment.num(s.lengthM()));
      sb.append(" m");
    }
    return sb.toString();
  }
}
