package robodog.sim.terrain;

import org.ode4j.ode.DGeom;

/** Tags a static terrain geom: collision bits and its surface patch. Start-up only. */
final class Geoms {
  private Geoms() {}

  static <G extends DGeom> G terrain(G g, Patch patch) {
    g.setCategoryBits(Terrain.CATEGORY);
    g.setCollideBits(~Terrain.CATEGORY);
    g.setData(patch);
    return g;
  }
}
