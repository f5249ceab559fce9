package robodog.sim;

import org.ode4j.math.DVector3C;
import org.ode4j.ode.DContact;
import org.ode4j.ode.DContactBuffer;
import org.ode4j.ode.DContactGeom;
import org.ode4j.ode.DGeom;
import org.ode4j.ode.DJointGroup;
import org.ode4j.ode.DSpace;
import org.ode4j.ode.DSphere;
import org.ode4j.ode.DWorld;
import org.ode4j.ode.OdeConstants;
import org.ode4j.ode.OdeHelper;
import robodog.core.LegId;
import robodog.sim.terrain.Patch;
import robodog.sim.terrain.RoughTerrain;

/**
 * Collides the robot's space against the terrain's and turns touches into ODE contact joints for
 * one step. A foot sphere on a {@link RoughTerrain} gets its contact from the terrain's exact
 * height and normal (see {@link #footOnRough}); every other pair from ODE. Each contact takes
 * friction (and, for soft ground, stiffness and damping converted to ERP/CFM for this step) from
 * the {@link Patch} of the terrain geom touched; a foot's friction also holds its position ({@link
 * FootStiction}). Records which legs touch anything (foot sphere or tibia) and whether the body box
 * does.
 *
 * <p>Robot geoms never collide with each other (the legs cannot reach each other's links in the
 * joint limits, and self-collision would cost a quarter of the step). Order is the spaces'
 * insertion order, so the contact list, and hence the solution, is deterministic.
 *
 * <p>Simulation thread only; allocation-free apart from ODE's own contact joints.
 */
final class ContactGenerator {
  private final DWorld world;
  private final DSpace robotSpace;
  private final DSpace terrainSpace;
  private final DJointGroup group = OdeHelper.createJointGroup();
  private final DContactBuffer contacts;
  private final int maxContacts;
  private final boolean[] legTouching = new boolean[LegId.COUNT];
  private final double[] normal = new double[3];
  private final double[] sinceTouchS = new double[LegId.COUNT];
  private final boolean[] switchBroken = new boolean[LegId.COUNT];
  private final DGeom.DNearCallback near = this::nearCallback;
  private final FootStiction stiction = new FootStiction();
  private boolean bodyTouching;
  private double dt;
  private int count;

  ContactGenerator(DWorld world, DSpace robotSpace, DSpace terrainSpace, int maxContacts) {
    this.world = world;
    this.robotSpace = robotSpace;
    this.terrainSpace = terrainSpace;
    this.maxContacts = maxContacts;
    this.contacts = new DContactBuffer(maxContacts);
    java.util.Arrays.fill(sinceTouchS, Double.POSITIVE_INFINITY);
  }

  /** Creates this step's contact joints for a step of {@code dt} seconds. */
  void collide(double dt) {
    this.dt = dt;
    count = 0;
    bodyTouching = false;
    for (int i = 0; i < LegId.COUNT; i++) {
      legTouching[i] = false;
      sinceTouchS[i] += dt;
    }
    stiction.beginStep();
    OdeHelper.spaceCollide2(robotSpace, terrainSpace, null, near);
  }

  /** Removes the contact joints after the step (of the {@code dt} given to {@link #collide}). */
  void clear() {
    group.empty();
    stiction.endStep(dt);
  }

  private void nearCallback(Object data, DGeom a, DGeom b) {
    if (a.isSpace() || b.isSpace()) {
      OdeHelper.spaceCollide2(a, b, data, near);
      return;
    }
    boolean robotFirst = a.getData() instanceof RobotPart;
    RobotPart part = (RobotPart) (robotFirst ? a.getData() : b.getData());
    Object ground = robotFirst ? b.getData() : a.getData();
    Patch patch;
    int n;
    if (ground instanceof RoughTerrain rough) {
      patch = rough.patch();
      n =
          part.kind() == RobotPart.Kind.FOOT
              ? footOnRough(rough, robotFirst ? a : b, a, b, robotFirst)
              : OdeHelper.collide(a, b, maxContacts, contacts.getGeomBuffer());
    } else {
      patch = (Patch) ground;
      n = OdeHelper.collide(a, b, maxContacts, contacts.getGeomBuffer());
    }
    if (n == 0) {
      return;
    }
    if (part.kind() == RobotPart.Kind.BODY) {
      bodyTouching = true;
    } else {
      legTouching[part.leg()] = true;
      sinceTouchS[part.leg()] = 0;
    }
    for (int i = 0; i < n; i++) {
      DContact c = contacts.get(i);
      c.surface.mode = OdeConstants.dContactApprox1;
      c.surface.mu = patch.friction();
      if (patch.soft()) {
        // Spring-damper contact: ERP = h k / (h k + c), CFM = 1 / (h k + c) (ODE manual 3.8.2).
        double hk = dt * patch.stiffnessNPerM();
        double denom = hk + patch.dampingNsPerM();
        c.surface.mode |= OdeConstants.dContactSoftERP | OdeConstants.dContactSoftCFM;
        c.surface.soft_erp = hk / denom;
        c.surface.soft_cfm = 1 / denom;
      }
      if (part.kind() == RobotPart.Kind.FOOT) {
        stiction.apply(part.leg(), robotFirst ? a.getBody() : b.getBody(), c);
      }
      OdeHelper.createContactJoint(world, group, c).attach(a.getBody(), b.getBody());
      count++;
    }
  }

  /**
   * The exact contact of a foot sphere with smooth rough ground: against the tangent plane under
   * the sphere's centre, depth = radius − height of the centre above that plane. Fills contact 0;
   * returns the number of contacts (0 or 1).
   */
  private int footOnRough(RoughTerrain rough, DGeom foot, DGeom a, DGeom b, boolean robotFirst) {
    DVector3C c = foot.getPosition();
    double x = c.get0();
    double y = c.get1();
    if (!rough.covers(x, y)) {
      return 0;
    }
    rough.normalAt(x, y, normal);
    double above = (c.get2() - rough.heightAt(x, y)) * normal[2];
    double depth = ((DSphere) foot).getRadius() - above;
    if (depth <= 0) {
      return 0;
    }
    DContactGeom g = contacts.get(0).geom;
    // ODE's convention: moving g1 along +normal separates the pair.
    double sign = robotFirst ? 1 : -1;
    g.normal.set(sign * normal[0], sign * normal[1], sign * normal[2]);
    g.pos.set(x - normal[0] * above, y - normal[1] * above, c.get2() - normal[2] * above);
    g.depth = depth;
    g.g1 = a;
    g.g2 = b;
    g.side1 = -1;
    g.side2 = -1;
    return 1;
  }

  /** True when leg {@code leg}'s foot or tibia touched the terrain in the last step. */
  boolean legTouching(int leg) {
    return legTouching[leg];
  }

  /**
   * The foot contact sensor: true when the leg touched the terrain within the last {@code holdS}
   * seconds (a resting foot's contact flickers from step to step at the solver's sub-millimetre
   * level; a real foot switch debounces the same way).
   */
  boolean legContactSensor(int leg, double holdS) {
    return !switchBroken[leg] && sinceTouchS[leg] <= holdS + 1e-12;
  }

  /** From now on leg {@code leg}'s contact switch reads open, whatever touches. */
  void breakSwitch(int leg) {
    switchBroken[leg] = true;
  }

  /** True when the body box touched the terrain in the last step. */
  boolean bodyTouching() {
    return bodyTouching;
  }

  /** Contact points in the last step. */
  int contactCount() {
    return count;
  }
}
