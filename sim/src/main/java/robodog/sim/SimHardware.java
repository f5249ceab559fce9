package robodog.sim;

import java.util.SplittableRandom;
import org.ode4j.math.DQuaternionC;
import org.ode4j.math.DVector3;
import org.ode4j.math.DVector3C;
import robodog.core.HardwarePort;
import robodog.core.JointCommand;
import robodog.core.Joints;
import robodog.core.LegId;
import robodog.core.RobotState;

/**
 * The physics simulator behind {@code core}'s hardware port: the controller cannot tell it from the
 * real robot. {@code write} hands the targets to the servo models and then advances the physics by
 * exactly one control period; {@code read} reports joints, foot contacts and a noisy IMU. Simulated
 * time is stepped by the loop, never by the wall clock, so a headless run goes as fast as the
 * machine allows and the same seed gives the same result bit for bit.
 *
 * <p>Control (= simulation) thread only.
 */
public final class SimHardware implements HardwarePort {
  private static final double G = 9.81;

  private final SimWorld sim;
  private final SplittableRandom noise;
  private final DVector3 scratch = new DVector3();
  private final double[] lastVel = new double[3];
  private final double[] accelWorld = new double[3];
  private boolean active;
  private long stepsPerPeriodCache = -1;
  private long cachedPeriod = -1;

  public SimHardware(SimWorld sim) {
    this.sim = sim;
    this.noise = new SplittableRandom(sim.config().seed() ^ 0x5DEECE66DL);
  }

  /** The simulated world (ground truth for reports and tests). */
  public SimWorld world() {
    return sim;
  }

  @Override
  public void configure() {
    // The world is built by the constructor of SimWorld; nothing to open.
  }

  @Override
  public void activate() {
    active = true;
  }

  @Override
  public void deactivate() {
    active = false;
    sim.servos.command(currentAngles(), false);
  }

  private double[] currentAngles() {
    double[] q = new double[Joints.COUNT];
    for (int j = 0; j < Joints.COUNT; j++) {
      q[j] = sim.jointAngle(j);
    }
    return q;
  }

  @Override
  public void read(long nowNanos, long periodNanos, RobotState out) {
    out.stampNanos = nowNanos;
    RobotModel m = sim.robot;
    for (int j = 0; j < Joints.COUNT; j++) {
      out.jointPosition[j] = m.joints[j].getAngle();
      out.jointVelocity[j] = m.joints[j].getAngleRate();
      out.jointEffort[j] = sim.servos.effort(j);
    }
    boolean[] contacts = sim.footContacts();
    for (int i = 0; i < LegId.COUNT; i++) {
      out.footContact[i] = contacts[i];
    }
    out.contactsValid = true;
    SimConfig c = sim.config();
    DQuaternionC q = m.body.getQuaternion();
    // Attitude noise as a small random rotation (first order is enough at milliradians).
    double nx = c.imuAttitudeNoise() * noise.nextGaussian() / 2;
    double ny = c.imuAttitudeNoise() * noise.nextGaussian() / 2;
    double w = q.get0();
    double x = q.get1();
    double y = q.get2();
    double z = q.get3();
    double qw = w - x * nx - y * ny;
    double qx = x + w * nx - z * ny;
    double qy = y + w * ny + z * nx;
    double qz = z + x * ny - y * nx;
    double n = Math.sqrt(qw * qw + qx * qx + qy * qy + qz * qz);
    out.imuOrientation[0] = qw / n;
    out.imuOrientation[1] = qx / n;
    out.imuOrientation[2] = qy / n;
    out.imuOrientation[3] = qz / n;
    m.body.vectorFromWorld(m.body.getAngularVel(), scratch);
    for (int i = 0; i < 3; i++) {
      out.imuAngularVelocity[i] = scratch.get(i) + c.imuGyroNoise() * noise.nextGaussian();
    }
    m.body.vectorFromWorld(accelWorld[0], accelWorld[1], accelWorld[2] + G, scratch);
    for (int i = 0; i < 3; i++) {
      out.imuLinearAcceleration[i] = scratch.get(i) + c.imuAccelNoise() * noise.nextGaussian();
    }
    out.estopPressed = false;
    out.batteryVolts = Double.NaN;
  }

  @Override
  public void write(long nowNanos, long periodNanos, JointCommand command) {
    sim.servos.command(command.position, command.enabled && active);
    if (periodNanos != cachedPeriod) {
      cachedPeriod = periodNanos;
      stepsPerPeriodCache =
          Math.max(1, Math.round(periodNanos * 1e-9 / sim.config().stepSeconds()));
    }
    for (long s = 0; s < stepsPerPeriodCache; s++) {
      sim.step();
    }
    DVector3C v = sim.robot.body.getLinearVel();
    double dt = stepsPerPeriodCache * sim.config().stepSeconds();
    for (int i = 0; i < 3; i++) {
      accelWorld[i] = (v.get(i) - lastVel[i]) / dt;
      lastVel[i] = v.get(i);
    }
  }

  @Override
  public void onError(Throwable cause) {
    // Servos keep their last targets: holding is the safe state of a standing hexapod.
  }
}
