package robodog.sim.terrain;

import java.util.List;
import org.ode4j.ode.DSpace;

/**
 * Several terrains together (a ground plane plus stairs, gravel, a rough patch...), built into the
 * same space in list order. The height at a point is the highest of the parts that cover it.
 */
public final class CompositeTerrain implements Terrain {
  private final List<Terrain> parts;
  private final String name;

  public CompositeTerrain(String name, List<Terrain> parts) {
    if (parts.isEmpty()) {
      throw new IllegalArgumentException("composite terrain " + name + " needs parts");
    }
    this.name = name;
    this.parts = List.copyOf(parts);
  }

  @Override
  public void build(DSpace space) {
    for (int i = 0; i < parts.size(); i++) {
      parts.get(i).build(space);
    }
  }

  /** The parts, in build order (immutable). */
  public List<Terrain> parts() {
    return parts;
  }

  @Override
  public boolean covers(double x, double y) {
    for (int i = 0; i < parts.size(); i++) {
      if (parts.get(i).covers(x, y)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public double heightAt(double x, double y) {
    double h = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < parts.size(); i++) {
      Terrain t = parts.get(i);
      if (t.covers(x, y)) {
        h = Math.max(h, t.heightAt(x, y));
      }
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
