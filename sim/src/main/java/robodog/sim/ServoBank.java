package robodog.sim;

import org.ode4j.math.DVector3;
import org.ode4j.math.DVector3C;
import org.ode4j.ode.DHingeJoint;
import org.ode4j.ode.DJoint;
import robodog.core.Joints;
import robodog.core.config.RobotDescription;

/**
 * Hobby-servo models on the 18 hinges: a proportional position loop whose output is a velocity,
 * {@code clamp(gain × (target − angle), ±maxSpeed)}, driven by an ODE hinge motor that may use at
 * most the stall torque × servo strength. Inside the dead band the target velocity is 0 (the servo
 * holds still with full torque available, as a real one does); outside it the error is counted from
 * the band's edge, so the velocity is continuous. Unpowered servos are limp but for a little
 * gear-train friction ({@value #LIMP_FRICTION_NM} N·m).
 *
 * <p>Simulation thread only; allocation-free.
 */
final class ServoBank {
  static final double LIMP_FRICTION_NM = 0.05;

  private final DHingeJoint[] joints;
  private final RobotModel model;
  private final double maxSpeed;
  private final double maxTorque;
  private final double deadband;
  private final double gain;
  private final double[] target = new double[Joints.COUNT];
  private final DVector3 axis = new DVector3();
  private final DVector3 anchor = new DVector3();
  private final double[] frozenAt = new double[Joints.COUNT];
  private final boolean[] limp = new boolean[Joints.COUNT];
  private boolean powered;

  ServoBank(RobotModel model, RobotDescription robot, SimConfig cfg) {
    this.model = model;
    this.joints = model.joints;
    this.maxSpeed = robot.servo().maxSpeedRadPerS();
    this.maxTorque = robot.servo().maxTorqueNm() * cfg.servoStrength();
    this.deadband = robot.servo().deadbandRad();
    this.gain = cfg.servoGain();
    for (int j = 0; j < Joints.COUNT; j++) {
      target[j] = joints[j].getAngle();
      frozenAt[j] = Double.NaN;
    }
  }

  /** A broken servo: joint j holds its present angle from now on, whatever it is told. */
  void freeze(int j) {
    frozenAt[j] = joints[j].getAngle();
  }

  /** A broken servo: joint j gives no torque from now on, powered or not. */
  void goLimp(int j) {
    limp[j] = true;
  }

  /** New targets (rad, 18) and power state for the coming steps. */
  void command(double[] positions, boolean enabled) {
    System.arraycopy(positions, 0, target, 0, Joints.COUNT);
    powered = enabled;
  }

  /** Power on or off, keeping the targets. */
  void power(boolean enabled) {
    powered = enabled;
  }

  /** Sets the motors for the next physics step from the current angles. */
  void apply() {
    for (int j = 0; j < Joints.COUNT; j++) {
      DHingeJoint h = joints[j];
      if (!powered || limp[j]) {
        h.setParamVel(0);
        h.setParamFMax(LIMP_FRICTION_NM);
        continue;
      }
      // The dead band shifts the error toward zero rather than cutting it off: a hard cut-off
      // makes the velocity jump by gain × dead band at its edge, and the joints buzz.
      double goal = Double.isNaN(frozenAt[j]) ? target[j] : frozenAt[j];
      double err = goal - h.getAngle();
      double v =
          err > deadband
              ? gain * (err - deadband)
              : (err < -deadband ? gain * (err + deadband) : 0);
      v = v > maxSpeed ? maxSpeed : (v < -maxSpeed ? -maxSpeed : v);
      h.setParamVel(v);
      h.setParamFMax(maxTorque);
    }
  }

  /**
   * Torque the joint applied to its child link in the last step, N·m, about the convention axis
   * (the negated ODE axis, see {@link RobotModel}): the motor plus any limit-stop torque.
   */
  double effort(int j) {
    // ODE's feedback gives the force the joint puts on a body (at the anchor) and the total
    // torque about that body's centre of mass; the joint's own torque is t − (anchor − com) × f.
    // ode4j 0.5.3's QuickStep writes body 1's (the parent's) values into f2/t2 and never sets
    // f1/t1 (DxQuickStep stage 4b), so read the parent side from wherever it is and negate it.
    DJoint.DJointFeedback fb = model.feedback[j];
    boolean fixedOde = !isZero(fb.f1) || !isZero(fb.t1);
    DVector3C t = fixedOde ? fb.t1 : fb.t2;
    DVector3C f = fixedOde ? fb.f1 : fb.f2;
    DVector3C com = model.parent(j).getPosition();
    joints[j].getAnchor(anchor);
    joints[j].getAxis(axis);
    double rx = anchor.get0() - com.get0();
    double ry = anchor.get1() - com.get1();
    double rz = anchor.get2() - com.get2();
    double tx = t.get0() - (ry * f.get2() - rz * f.get1());
    double ty = t.get1() - (rz * f.get0() - rx * f.get2());
    double tz = t.get2() - (rx * f.get1() - ry * f.get0());
    // On the parent about the ODE axis = on the child about the convention axis (−ODE axis).
    return tx * axis.get0() + ty * axis.get1() + tz * axis.get2();
  }

  private static boolean isZero(DVector3C v) {
    return v.get0() == 0 && v.get1() == 0 && v.get2() == 0;
  }

  /** Commanded target of joint j, rad. */
  double target(int j) {
    return target[j];
  }

  boolean powered() {
    return powered;
  }
}
