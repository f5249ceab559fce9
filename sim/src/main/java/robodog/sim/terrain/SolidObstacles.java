package robodog.sim.terrain;

import java.util.ArrayList;
import java.util.List;
import org.ode4j.math.DMatrix3;
import org.ode4j.ode.DCapsule;
import org.ode4j.ode.DRotation;
import org.ode4j.ode.DSpace;
import org.ode4j.ode.OdeHelper;

/**
 * Static obstacles placed by a scenario's scene (equipment cases as boxes, tripod legs and cables
 * as capsules) so the robot's feet and body collide with what the camera sees. Height queries
 * answer the top of a case under the point (cables and tripod legs are thin and ignored there);
 * {@link #covers} is false elsewhere. The simulated camera does not trace these (it draws the scene
 * objects themselves). Built at start-up; then immutable and thread-safe.
 */
public final class SolidObstacles implements Terrain {
  /** Surface of every obstacle: hard plastic, metal. */
  public static final Patch PATCH = Patch.rigid("obstacle", 0.6);

  private final BoxField boxes = new BoxField("obstacles", PATCH);
  private final List<double[]> capsules = new ArrayList<>();

  /** Adds a box (a case). */
  public SolidObstacles add(BoxField.Box b) {
    boxes.add(b);
    return this;
  }

  /** Adds a capsule from (x0, y0, z0) to (x1, y1, z1), radius r, m. */
  public SolidObstacles addCapsule(
      double x0, double y0, double z0, double x1, double y1, double z1, double r) {
    capsules.add(new double[] {x0, y0, z0, x1, y1, z1, r});
    return this;
  }

  /** Number of boxes plus capsules. */
  public int size() {
    return boxes.size() + capsules.size();
  }

  @Override
  public void build(DSpace space) {
    boxes.build(space);
    DMatrix3 rot = new DMatrix3();
    for (double[] c : capsules) {
      double dx = c[3] - c[0];
      double dy = c[4] - c[1];
      double dz = c[5] - c[2];
      double len = Math.sqrt(dx * dx + dy * dy + dz * dz);
      DCapsule g = OdeHelper.createCapsule(space, c[6], Math.max(1e-4, len));
      g.setPosition((c[0] + c[3]) / 2, (c[1] + c[4]) / 2, (c[2] + c[5]) / 2);
      DRotation.dRFromZAxis(rot, new org.ode4j.math.DVector3(dx, dy, dz));
      g.setRotation(rot);
      Geoms.terrain(g, PATCH);
    }
  }

  @Override
  public boolean covers(double x, double y) {
    return boxes.covers(x, y);
  }

  @Override
  public double heightAt(double x, double y) {
    return boxes.heightAt(x, y);
  }

  @Override
  public String describe() {
    return "obstacles (" + boxes.size() + " boxes, " + capsules.size() + " capsules)";
  }
}
