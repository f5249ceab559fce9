package robodog.sim.terrain;

import org.ode4j.ode.DSpace;
import org.ode4j.ode.OdeHelper;

/** Level ground at z = 0 with one surface: pavement, ice, mud. */
public final class FlatTerrain implements Terrain {
  private final Patch patch;

  public FlatTerrain(Patch patch) {
    this.patch = patch;
  }

  @Override
  public void build(DSpace space) {
    Geoms.terrain(OdeHelper.createPlane(space, 0, 0, 1, 0), patch);
  }

  /** The surface. */
  public Patch patch() {
    return patch;
  }

  @Override
  public double heightAt(double x, double y) {
    return 0;
  }

  @Override
  public String describe() {
    return "flat " + patch.name() + " (mu " + patch.friction() + ")";
  }
}
