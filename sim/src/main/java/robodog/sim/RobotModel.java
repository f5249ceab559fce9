package robodog.sim;

import org.ode4j.math.DMatrix3;
import org.ode4j.math.DQuaternion;
import org.ode4j.ode.DBody;
import org.ode4j.ode.DBox;
import org.ode4j.ode.DCapsule;
import org.ode4j.ode.DFixedJoint;
import org.ode4j.ode.DGeom;
import org.ode4j.ode.DHingeJoint;
import org.ode4j.ode.DJoint;
import org.ode4j.ode.DMass;
import org.ode4j.ode.DRotation;
import org.ode4j.ode.DSpace;
import org.ode4j.ode.DSphere;
import org.ode4j.ode.DWorld;
import org.ode4j.ode.OdeHelper;
import robodog.core.JointKind;
import robodog.core.Joints;
import robodog.core.LegId;
import robodog.core.config.RobotDescription;
import robodog.sim.terrain.Terrain;

/**
 * The robot as rigid bodies, built from the same {@link RobotDescription} the controller uses: a
 * body box whose origin is base_link, a payload body on a fixed joint at the payload's centre of
 * mass (ODE wants each body's centre of mass at its origin), and per leg coxa, femur and tibia
 * links on hinges with the description's joint limits, a rubber foot sphere and a thin tibia
 * capsule on each tibia. Only the body box, tibias and feet collide, and only with the terrain.
 *
 * <p>Joint angles follow {@link NeutralStance}'s convention. ODE measures a hinge angle as body1
 * relative to body2 about the hinge axis, zero at the relative pose when the axis was set; so each
 * leg is first built straight out (all angles 0), each ODE axis is the negated convention axis
 * (coxa −z, femur and tibia +y of the leg frame), and only then are the links moved to the start
 * angles. {@code getAngle()} then equals the convention angle, sign included (a test checks it).
 *
 * <p>Simulation thread only.
 */
final class RobotModel {
  /** Collision category of robot geoms. */
  static final long CATEGORY = 2;

  /** Tibia capsule radius, m: below the foot radius so the foot always touches first. */
  private static final double TIBIA_RADIUS_FRACTION = 0.6;

  final DBody body;
  final DGeom bodyGeom;
  final DBody payload;
  final DBody[] links = new DBody[Joints.COUNT];
  final DHingeJoint[] joints = new DHingeJoint[Joints.COUNT];
  final DJoint.DJointFeedback[] feedback = new DJoint.DJointFeedback[Joints.COUNT];
  final DSphere[] feet = new DSphere[LegId.COUNT];
  private final DCapsule[] shanks = new DCapsule[LegId.COUNT];
  private final double tibiaLength;
  final double totalMassKg;
  private DFixedJoint pin;

  /**
   * @param startPos base_link world position, m
   * @param startQuat base_link orientation quaternion (w, x, y, z)
   * @param q initial joint angles, rad (18)
   */
  RobotModel(
      DWorld world,
      DSpace space,
      RobotDescription robot,
      SimConfig cfg,
      double[] startPos,
      double[] startQuat,
      double[] q) {
    RobotDescription.Body b = robot.body();
    RobotDescription.LegGeometry g = robot.leg();
    body = OdeHelper.createBody(world);
    DMass m = OdeHelper.createMass();
    m.setBoxTotal(b.massKg(), b.lengthM(), b.widthM(), b.heightM());
    body.setMass(m);
    // base_link is the body box's centre; the description's frame CoM offset (zero for the
    // shipped robot) is not modelled: the payload, which dominates any offset, is.
    body.setPosition(startPos[0], startPos[1], startPos[2]);
    body.setQuaternion(quat(startQuat));
    DBox box = OdeHelper.createBox(space, b.lengthM(), b.widthM(), b.heightM());
    box.setBody(body);
    tag(box, new RobotPart(RobotPart.Kind.BODY, -1));
    bodyGeom = box;
    double mass = b.massKg();
    payload = cfg.payloadKg() > 0 ? attachPayload(world, cfg, startPos, startQuat) : null;
    mass += cfg.payloadKg();

    tibiaLength = g.tibiaM();
    double[] lengths = {g.coxaM(), g.femurM(), g.tibiaM()};
    double[] masses = {g.coxaMassKg(), g.femurMassKg(), g.tibiaMassKg()};
    for (LegId leg : LegId.VALUES) {
      RobotDescription.LegMount mount = robot.mount(leg);
      double[] origin =
          Frames.add(
              startPos,
              Frames.rotate(startQuat, new double[] {mount.xM(), mount.yM(), mount.zM()}));
      double[] legQuat = Frames.mul(startQuat, Frames.axisAngle(0, 0, 1, mount.yawRad()));
      DBody parent = body;
      for (JointKind k : JointKind.VALUES) {
        int j = Joints.index(leg, k);
        double len = lengths[k.ordinal()];
        DBody link = OdeHelper.createBody(world);
        link.setMass(linkMass(masses[k.ordinal()], len, cfg.armatureKgM2()));
        double[] centre = Frames.add(origin, Frames.rotate(legQuat, new double[] {len / 2, 0, 0}));
        link.setPosition(centre[0], centre[1], centre[2]);
        link.setQuaternion(quat(legQuat));
        DHingeJoint h = OdeHelper.createHingeJoint(world);
        h.attach(parent, link);
        h.setAnchor(origin[0], origin[1], origin[2]);
        double[] axis = k == JointKind.COXA ? new double[] {0, 0, -1} : new double[] {0, 1, 0};
        double[] axisWorld = Frames.rotate(legQuat, axis);
        h.setAxis(axisWorld[0], axisWorld[1], axisWorld[2]);
        h.setParamLoStop(robot.jointMin(k));
        h.setParamHiStop(robot.jointMax(k));
        feedback[j] = new DJoint.DJointFeedback();
        h.setFeedback(feedback[j]);
        links[j] = link;
        joints[j] = h;
        mass += masses[k.ordinal()];
        parent = link;
        origin = Frames.add(origin, Frames.rotate(legQuat, new double[] {len, 0, 0}));
      }
      addTibiaGeoms(space, leg, g);
      placeLeg(leg, robot, startPos, startQuat, q);
    }
    totalMassKg = mass;
  }

  private DBody attachPayload(DWorld world, SimConfig cfg, double[] pos, double[] quat) {
    DBody p = OdeHelper.createBody(world);
    DMass pm = OdeHelper.createMass();
    pm.setBoxTotal(cfg.payloadKg(), 0.2, 0.15, 0.1);
    p.setMass(pm);
    double[] at =
        Frames.add(
            pos,
            Frames.rotate(
                quat, new double[] {cfg.payloadComX(), cfg.payloadComY(), cfg.payloadComZ()}));
    p.setPosition(at[0], at[1], at[2]);
    p.setQuaternion(quat(quat));
    DFixedJoint fix = OdeHelper.createFixedJoint(world);
    fix.attach(body, p);
    fix.setFixed();
    return p;
  }

  /**
   * A capsule link's mass plus servo armature: the motor's rotor inertia seen through a ~300:1
   * gearbox (about 1e-7 kg·m² × 300²). Physically real, and it conditions the iterative solver:
   * without it the 75:1 body-to-tibia mass ratio lets the legs sag.
   */
  private static DMass linkMass(double massKg, double len, double armature) {
    DMass lm = OdeHelper.createMass();
    lm.setCapsuleTotal(massKg, 1, 0.012, Math.max(0.001, len - 0.024));
    lm.setParameters(
        lm.getMass(),
        0,
        0,
        0,
        lm.getI().get00() + armature,
        lm.getI().get11() + armature,
        lm.getI().get22() + armature,
        0,
        0,
        0);
    return lm;
  }

  private void addTibiaGeoms(DSpace space, LegId leg, RobotDescription.LegGeometry g) {
    DBody tibia = links[Joints.index(leg, JointKind.TIBIA)];
    DSphere foot = OdeHelper.createSphere(space, g.footRadiusM());
    foot.setBody(tibia);
    foot.setOffsetPosition(g.tibiaM() / 2, 0, 0);
    tag(foot, new RobotPart(RobotPart.Kind.FOOT, leg.ordinal()));
    feet[leg.ordinal()] = foot;
    // The shank from the knee to just inside the foot sphere; ODE capsules lie along local z.
    double rc = TIBIA_RADIUS_FRACTION * g.footRadiusM();
    double span = g.tibiaM() - g.footRadiusM();
    DCapsule shank = OdeHelper.createCapsule(space, rc, Math.max(0.001, span - 2 * rc));
    shank.setBody(tibia);
    DMatrix3 r = new DMatrix3();
    DRotation.dRFromAxisAndAngle(r, 0, 1, 0, Math.PI / 2);
    shank.setOffsetRotation(r);
    shank.setOffsetPosition(-g.tibiaM() / 2 + span / 2, 0, 0);
    tag(shank, new RobotPart(RobotPart.Kind.TIBIA, leg.ordinal()));
    shanks[leg.ordinal()] = shank;
  }

  /**
   * The tibia of leg {@code leg} snaps, keeping {@code fraction} (0..1) of its length from the
   * knee: the foot sphere stops colliding and the shank capsule ends at the break. The link keeps
   * its mass (the lost half is light next to the servo the femur carries).
   */
  void breakTibia(int leg, double fraction) {
    feet[leg].disable();
    DCapsule shank = shanks[leg];
    double rc = shank.getRadius();
    double span = Math.max(2 * rc + 0.001, fraction * tibiaLength);
    shank.setParams(rc, span - 2 * rc);
    shank.setOffsetPosition(-tibiaLength / 2 + span / 2, 0, 0);
  }

  private static void tag(DGeom geom, RobotPart part) {
    geom.setCategoryBits(CATEGORY);
    geom.setCollideBits(Terrain.CATEGORY);
    geom.setData(part);
  }

  private static DQuaternion quat(double[] q) {
    return new DQuaternion(q[0], q[1], q[2], q[3]);
  }

  /** Moves one leg's links to joint angles q (rad) by forward kinematics. */
  private void placeLeg(
      LegId leg, RobotDescription robot, double[] basePos, double[] baseQuat, double[] q) {
    RobotDescription.LegMount mount = robot.mount(leg);
    RobotDescription.LegGeometry g = robot.leg();
    double[] lengths = {g.coxaM(), g.femurM(), g.tibiaM()};
    int j0 = Joints.index(leg, JointKind.COXA);
    double[] origin =
        Frames.add(
            basePos, Frames.rotate(baseQuat, new double[] {mount.xM(), mount.yM(), mount.zM()}));
    double[] quat = Frames.mul(baseQuat, Frames.axisAngle(0, 0, 1, mount.yawRad() + q[j0]));
    for (JointKind k : JointKind.VALUES) {
      int j = j0 + k.ordinal();
      if (k != JointKind.COXA) {
        quat = Frames.mul(quat, Frames.axisAngle(0, -1, 0, q[j]));
      }
      double len = lengths[k.ordinal()];
      double[] centre = Frames.add(origin, Frames.rotate(quat, new double[] {len / 2, 0, 0}));
      links[j].setPosition(centre[0], centre[1], centre[2]);
      links[j].setQuaternion(quat(quat));
      origin = Frames.add(origin, Frames.rotate(quat, new double[] {len, 0, 0}));
    }
  }

  /** The body joint j's hinge hangs from: the body box or the previous link. */
  DBody parent(int j) {
    return j % 3 == 0 ? body : links[j - 1];
  }

  /**
   * Fixes the body to the world where it is (for tests and benchmarks of the legs alone); {@code
   * false} releases it.
   */
  void pinBody(DWorld world, boolean pinned) {
    if (pinned && pin == null) {
      pin = OdeHelper.createFixedJoint(world);
      pin.attach(body, null);
      pin.setFixed();
    } else if (!pinned && pin != null) {
      pin.destroy();
      pin = null;
    }
  }
}
