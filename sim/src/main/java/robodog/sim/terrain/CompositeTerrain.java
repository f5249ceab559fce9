package robodog.sim.terrain;

import java.util.List;
import org.ode4j.ode.DSpace;

/**
 * Several terrains together (a ground plane plus stairs, gravel, a rough patch...). The height at a
 * point is the highest any part reports there.
 */
public final class CompositeTerrain implements Terrain {
  private final List<Terrain> parts;
  private final String name;

  public CompositeTerrain(String name, List<Terrain> parts) {
    this.name = name;
    this.parts = List.copyOf(parts);
  }

  @Override
  public void build(DSpace space) {
    for (Terrain t : parts) {
      t.build(space);
    }
  }

  @Override
  public double heightAt(double x, double y) {
    double h = Double.NEGATIVE_INFINITY;
    for (Terrain t : parts) {
      if (t instanceof RoughTerrain r && !r.covers(x, y)) {
        continue;
      }
      h = Math.max(h, t.heightAt(x, y));
    }
    return h;
  }

  @Override
  public String describe() {
    StringBuilder sb = new StringBuilder(name).append(": ");
    for (int i = 0; i < parts.size(); i++) {
      sb.append(i == 0 ? "" : " + ").append(parts.get(i).describe());
    }
    return sb.toString();
  }
}
