package robodog.sim.terrain;

import org.ode4j.ode.DSpace;

/**
 * Static ground the robot walks on. Implementations add their geoms to a space (tagging each with a
 * {@link Patch} as geom data, whose friction every contact on that geom uses; a {@link
 * RoughTerrain} heightfield carries itself, see there) and answer height queries in the z-up world
 * frame ({@code odom}, REP-103).
 *
 * <p>{@link #build} is called once, on the simulation thread, per world (a terrain may be built
 * into several worlds). {@link #heightAt} is pure and thread-safe.
 */
public interface Terrain {
  /** Collision category of terrain geoms. */
  long CATEGORY = 1;

  /** Adds the terrain's geoms to {@code space}. */
  void build(DSpace space);

  /**
   * Ground height at (x, y), m (z-up). Where several surfaces overlap, the highest one. Outside a
   * finite terrain's extent, the height of whatever ground remains there (a terrain always has a
   * ground plane under it unless documented otherwise).
   */
  double heightAt(double x, double y);

  /** True when this terrain has ground at (x, y) (finite patches answer false outside). */
  default boolean covers(double x, double y) {
    return true;
  }

  /** Ground slope about y at (x, y): the pitch a body resting there takes, rad (nose up = -). */
  default double pitchAt(double x, double y) {
    double h = 0.05;
    return -Math.atan2(heightAt(x + h, y) - heightAt(x - h, y), 2 * h);
  }

  /** Short description for reports. */
  String describe();
}
