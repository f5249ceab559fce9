package robodog.sim;

import org.ode4j.math.DVector3;
import org.ode4j.math.DVector3C;
import org.ode4j.ode.DHingeJoint;
import robodog.core.Joints;
import robodog.core.config.RobotDescription;

/**
 * Hobby-servo models on the 18 hinges: a proportional position loop whose output is a velocity
 * (clamped to the servo's no-load speed) driven by an ODE hinge motor that may use at most the
 * stall torque. A dead band holds still for small errors, as the real servo's does. Unpowered
 * servos are limp but for a little gear-train friction.
 *
 * <p>Simulation thread only; allocation-free.
 */
final class ServoBank {
  private static final double LIMP_FRICTION_NM = 0.05;

  private final DHingeJoint[] joints;
  private final RobotModel model;
  private final double maxSpeed;
  private final double maxTorque;
  private final double deadband;
  private final double gain;
  private final double[] target = new double[Joints.COUNT];
  private final DVector3 axis = new DVector3();
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
    }
  }

  /** New targets (rad) and power state for the coming steps. */
  void command(double[] positions, boolean enabled) {
    System.arraycopy(positions, 0, target, 0, Joints.COUNT);
    powered = enabled;
  }

  /** Sets the motors for the next physics step. */
  void apply() {
    for (int j = 0; j < Joints.COUNT; j++) {
      DHingeJoint h = joints[j];
      if (!powered) {
        h.setParamVel(0);
        h.setParamFMax(LIMP_FRICTION_NM);
        continue;
      }
      double err = target[j] - h.getAngle();
      double v = Math.abs(err) < deadband ? 0 : gain * err;
      v = v > maxSpeed ? maxSpeed : (v < -maxSpeed ? -maxSpeed : v);
      h.setParamVel(v);
      h.setParamFMax(maxTorque);
    }
  }

  /**
   * Torque the joint applied to its child link in the last step, N·m, about the URDF joint axis
   * (the negated ODE axis, see {@link RobotModel}). Includes limit-stop torque.
   */
  double effort(int j) {
    DVector3C t = model.feedback[j].t2;
    joints[j].getAxis(axis);
    return -(t.get0() * axis.get0() + t.get1() * axis.get1() + t.get2() * axis.get2());
  }

  /** Commanded target of joint j, rad. */
  double target(int j) {
    return target[j];
  }

  boolean powered() {
    return powered;
  }
}
