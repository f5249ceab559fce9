package robodog.sim.terrain;

import org.ode4j.ode.DSpace;

/**
 * Static ground the robot walks on. Implementations add their geoms to a space (tagging each with a
 * {@link Patch}) and answer height queries in the z-up world frame ({@code odom}).
 *
 * <p>Built once on the simulation thread; {@link #heightAt} is pure and thread-safe.
 */
public interface Terrain {
  /** Collision category of terrain geoms. */
  long CATEGORY = 1;

  /** Adds the terrain's geoms to {@code space}. */
  void build(DSpace space);

  /** Ground height at (x, y), m (z-up). */
  double heightAt(double x, double y);

  /** Ground slope about y at (x, y): the pitch a body resting there takes, rad (nose up = -). */
  default double pitchAt(double x, double y) {
    double h = 0.05;
    return -Math.atan2(heightAt(x + h, y) - heightAt(x - h, y), 2 * h);
  }

  /** Short description for reports. */
  String describe();
}
