package robodog.sim.terrain;

import java.util.ArrayList;
import java.util.List;
import org.ode4j.math.DMatrix3;
import org.ode4j.ode.DBox;
import org.ode4j.ode.DRotation;
import org.ode4j.ode.DSpace;
import org.ode4j.ode.OdeHelper;

/**
 * Static boxes standing on the ground: stair treads, gravel stones, a box-grid rough patch. Height
 * queries take the top of the highest box under the point, ignoring the box's yaw (within a few mm
 * for small gravel stones); where no box is, {@link #covers} is false and {@link #heightAt} is −∞.
 * Boxes are added at start-up; then immutable and {@link #heightAt} is thread-safe.
 */
public final class BoxField implements Terrain {
  /** One box: centre x, y, bottom z, size x, y, z, yaw about z. Metres and radians. */
  public record Box(
      double cx, double cy, double bottom, double sx, double sy, double sz, double yaw) {}

  private final List<Box> boxes = new ArrayList<>();
  private final Patch patch;
  private final String name;

  public BoxField(String name, Patch patch) {
    this.name = name;
    this.patch = patch;
  }

  /** Adds a box; returns this. */
  public BoxField add(Box b) {
    boxes.add(b);
    return this;
  }

  /** Number of boxes. */
  public int size() {
    return boxes.size();
  }

  /** The boxes (a read-only view). */
  public List<Box> boxes() {
    return java.util.Collections.unmodifiableList(boxes);
  }

  /** The surface of every box. */
  public Patch patch() {
    return patch;
  }

  @Override
  public void build(DSpace space) {
    DMatrix3 rot = new DMatrix3();
    for (Box b : boxes) {
      DBox g = OdeHelper.createBox(space, b.sx(), b.sy(), b.sz());
      g.setPosition(b.cx(), b.cy(), b.bottom() + b.sz() / 2);
      DRotation.dRFromAxisAndAngle(rot, 0, 0, 1, b.yaw());
      g.setRotation(rot);
      Geoms.terrain(g, patch);
    }
  }

  @Override
  public boolean covers(double x, double y) {
    return heightAt(x, y) > Double.NEGATIVE_INFINITY;
  }

  @Override
  public double heightAt(double x, double y) {
    double h = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < boxes.size(); i++) {
      Box b = boxes.get(i);
      if (Math.abs(x - b.cx()) <= b.sx() / 2 && Math.abs(y - b.cy()) <= b.sy() / 2) {
        h = Math.max(h, b.bottom() + b.sz());
      }
    }
    return h;
  }

  @Override
  public String describe() {
    return name + " (" + boxes.size() + " boxes, " + patch.name() + ")";
  }
}
