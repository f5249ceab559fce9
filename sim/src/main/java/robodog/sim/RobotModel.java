package robodog.sim;

import org.ode4j.math.DQuaternion;
import org.ode4j.ode.DBody;
import org.ode4j.ode.DBox;
import org.ode4j.ode.DFixedJoint;
import org.ode4j.ode.DGeom;
import org.ode4j.ode.DHingeJoint;
import org.ode4j.ode.DJoint;
import org.ode4j.ode.DMass;
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
 * body box (plus a payload body on a fixed joint at the payload's centre of mass, because ODE wants
 * each body's centre of mass at its origin), and per leg coxa, femur and tibia links on hinges with
 * the joint limits, a rubber foot sphere on each tibia.
 *
 * <p>Joint angle convention (identical to locomotion's {@code LegKinematics} and the URDF): coxa
 * turns about +z of the leg frame, femur and tibia about −y, zero is the leg straight out. ODE
 * measures a hinge angle as body1 relative to body2, so each ODE axis is the negated URDF axis;
 * then {@code getAngle()} equals the URDF joint angle, sign included (checked by a test).
 *
 * <p>Simulation thread only.
 */
final class RobotModel {
  /** Collision category of robot geoms. */
  static final long CATEGORY = 2;

  final DBody body;
  final DGeom bodyGeom;
  final DBody payload;
  final DBody[] links = new DBody[Joints.COUNT];
  final DHingeJoint[] joints = new DHingeJoint[Joints.COUNT];
  final DJoint.DJointFeedback[] feedback = new DJoint.DJointFeedback[Joints.COUNT];
  final DSphere[] feet = new DSphere[LegId.COUNT];
  final double totalMassKg;

  /**
   * @param start base_link world position (m) and orientation quaternion (w, x, y, z)
   * @param q initial joint angles (rad, 18)
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
    // base_link is the body box's centre; the description's small frame CoM offset is not
    // modelled (the payload, which dominates any offset, is).
    body.setPosition(startPos[0], startPos[1], startPos[2]);
    body.setQuaternion(new DQuaternion(startQuat[0], startQuat[1], startQuat[2], startQuat[3]));
    DBox box = OdeHelper.createBox(space, b.lengthM(), b.widthM(), b.heightM());
    box.setBody(body);
    tag(box, "body");
    bodyGeom = box;
    double mass = b.massKg();

    if (cfg.payloadKg() > 0) {
      payload = OdeHelper.createBody(world);
      DMass pm = OdeHelper.createMass();
      pm.setBoxTotal(cfg.payloadKg(), 0.2, 0.15, 0.1);
      payload.setMass(pm);
      double[] p =
          Frames.add(
              startPos,
              Frames.rotate(
                  startQuat,
                  new double[] {cfg.payloadComX(), cfg.payloadComY(), cfg.payloadComZ()}));
      payload.setPosition(p[0], p[1], p[2]);
      payload.setQuaternion(
          new DQuaternion(startQuat[0], startQuat[1], startQuat[2], startQuat[3]));
      DFixedJoint fix = OdeHelper.createFixedJoint(world);
      fix.attach(body, payload);
      fix.setFixed();
      mass += cfg.payloadKg();
    } else {
      payload = null;
    }

    double[] lengths = {g.coxaM(), g.femurM(), g.tibiaM()};
    double[] masses = {g.coxaMassKg(), g.femurMassKg(), g.tibiaMassKg()};
    for (LegId leg : LegId.VALUES) {
      RobotDescription.LegMount mount = robot.mount(leg);
      double[] mountWorld =
          Frames.add(
              startPos,
              Frames.rotate(startQuat, new double[] {mount.xM(), mount.yM(), mount.zM()}));
      double[] legQuat = Frames.mul(startQuat, Frames.axisAngle(0, 0, 1, mount.yawRad()));
      // Zero pose first: hinge zero angles are captured when the axes are set.
      double[] origin = mountWorld;
      DBody parent = body;
      for (JointKind k : JointKind.VALUES) {
        int j = Joints.index(leg, k);
        double len = lengths[k.ordinal()];
        DBody link = OdeHelper.createBody(world);
        DMass lm = OdeHelper.createMass();
        lm.setCapsuleTotal(masses[k.ordinal()], 1, 0.012, Math.max(0.001, len - 0.024));
        // Servo armature: the motor's rotor inertia seen through a ~300:1 gearbox (about
        // 1e-7 kg·m² × 300²). Physically real, and it conditions the solver: without it the
        // 75:1 body-to-tibia mass ratio makes the iterative solver let the legs sag.
        double arm = SimConfig.ARMATURE_KG_M2;
        lm.setParameters(
            lm.getMass(),
            0,
            0,
            0,
            lm.getI().get00() + arm,
            lm.getI().get11() + arm,
            lm.getI().get22() + arm,
            0,
            0,
            0);
        link.setMass(lm);
        double[] centre = Frames.add(origin, Frames.rotate(legQuat, new double[] {len / 2, 0, 0}));
        link.setPosition(centre[0], centre[1], centre[2]);
        link.setQuaternion(new DQuaternion(legQuat[0], legQuat[1], legQuat[2], legQuat[3]));
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
      DSphere foot = OdeHelper.createSphere(space, g.footRadiusM());
      foot.setBody(links[Joints.index(leg, JointKind.TIBIA)]);
      foot.setOffsetPosition(g.tibiaM() / 2, 0, 0);
      tag(foot, leg.shortName());
      feet[leg.ordinal()] = foot;
      placeLeg(leg, robot, startPos, startQuat, q);
    }
    totalMassKg = mass;
  }

  private static void tag(DGeom geom, String name) {
    geom.setCategoryBits(CATEGORY);
    geom.setCollideBits(Terrain.CATEGORY);
    geom.setData(name);
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
      links[j].setQuaternion(new DQuaternion(quat[0], quat[1], quat[2], quat[3]));
      origin = Frames.add(origin, Frames.rotate(quat, new double[] {len, 0, 0}));
    }
  }
}
