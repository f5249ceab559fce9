package robodog.sim;

import java.util.SplittableRandom;
import org.ode4j.math.DQuaternionC;
import org.ode4j.math.DVector3C;
import robodog.core.HardwarePort;
import robodog.core.JointCommand;
import robodog.core.Joints;
import robodog.core.LegId;
import robodog.core.RobotState;
import robodog.core.config.RobotDescription;
import robodog.sim.camera.BodyPoseFeed;
import robodog.sim.terrain.Terrain;

/**
 * The physics simulator behind {@code core}'s hardware port, so the controller cannot tell it from
 * the real robot. {@link #write} hands the targets to the servo models and then advances the
 * physics by exactly one control period, split into the fewest equal sub-steps no longer than
 * {@link SimConfig#stepSeconds()}; {@link #read} reports joints (noisy positions, velocities,
 * efforts), foot contacts (foot sphere or tibia touching anything), a noisy IMU and the voltage of
 * a simulated pack ({@link SimBattery}) drained by the servos' work. Simulated time is stepped by
 * the loop, never by the wall clock, so a headless run goes as fast as the machine allows and the
 * same seed gives the same run bit for bit.
 *
 * <p>Lifecycle: {@link #configure} builds the world (unless it was given one), {@link #activate}
 * powers the servos holding the current targets, {@link #deactivate} makes them limp (the robot
 * collapses), {@link #onError} keeps the last targets. A command with {@code enabled == false}
 * makes them limp for that period.
 *
 * <p>Control (= simulation) thread only. {@code read} and {@code write} allocate nothing of their
 * own (ode4j allocates inside its solver).
 */
public final class SimHardware implements HardwarePort {
  private final RobotDescription description;
  private final Terrain terrain;
  private final SimConfig cfg;
  private final double startX;
  private final double startY;
  private final double startYaw;
  private final double[] scratch = new double[Joints.COUNT];
  private SimWorld sim;
  private ImuModel imu;
  private SplittableRandom noise;
  private SimBattery battery;
  private double batteryTime = Double.NaN;
  private boolean active;
  private long cachedPeriod = -1;
  private int subSteps;
  private double subStep;
  private volatile BodyPoseFeed poseFeed;

  /**
   * Hardware over a world to be built by {@link #configure}: the robot in its neutral stance at
   * (startX, startY) m, heading startYawRad rad, on {@code terrain}.
   */
  public SimHardware(
      RobotDescription description,
      Terrain terrain,
      SimConfig cfg,
      double startX,
      double startY,
      double startYawRad) {
    this.description = description;
    this.terrain = terrain;
    this.cfg = cfg;
    this.startX = startX;
    this.startY = startY;
    this.startYaw = startYawRad;
  }

  /** Hardware over an already built world; {@link #configure} then has nothing to build. */
  public SimHardware(SimWorld world) {
    this(world.description(), world.terrain(), world.config(), 0, 0, 0);
    attach(world);
  }

  private void attach(SimWorld world) {
    this.sim = world;
    this.noise = new SplittableRandom(world.config().seed() ^ 0x5DEECE66DL);
    this.imu = new ImuModel(world.robot.body, noise, world.config());
    this.battery = SimBattery.of(world.config());
  }

  /** The simulated pack (voltage, current, state of charge) as of the last {@link #read}. */
  public SimBattery battery() {
    world();
    return battery;
  }

  /** The simulated world: ground truth for reports and tests. */
  public SimWorld world() {
    if (sim == null) {
      throw new IllegalStateException("SimHardware: configure() has not built the world yet");
    }
    return sim;
  }

  /** Neutral standing angles (rad, 18) of the simulated robot into out18; no world needed. */
  public void neutralJointAngles(double[] out18) {
    NeutralStance.jointAngles(description, out18);
  }

  @Override
  public void configure() {
    if (sim == null) {
      attach(new SimWorld(description, terrain, cfg, startX, startY, startYaw));
    }
  }

  @Override
  public void activate() {
    world();
    active = true;
    sim.servos.power(true);
  }

  @Override
  public void deactivate() {
    active = false;
    if (sim != null) {
      // Limp, and forget old targets so a later activate holds wherever the robot lies.
      for (int j = 0; j < Joints.COUNT; j++) {
        scratch[j] = sim.jointAngle(j);
      }
      sim.servos.command(scratch, false);
    }
  }

  @Override
  public void read(long nowNanos, long periodNanos, RobotState out) {
    SimWorld w = world();
    out.stampNanos = nowNanos;
    RobotModel m = w.robot;
    double jointSigma = w.config().jointNoise();
    for (int j = 0; j < Joints.COUNT; j++) {
      double q = m.joints[j].getAngle();
      out.jointPosition[j] = jointSigma > 0 ? q + jointSigma * noise.nextGaussian() : q;
      out.jointVelocity[j] = m.joints[j].getAngleRate();
      out.jointEffort[j] = w.servos.effort(j);
    }
    for (int i = 0; i < LegId.COUNT; i++) {
      out.footContact[i] = w.footContact(i);
    }
    out.contactsValid = true;
    imu.read(out.imuOrientation, out.imuAngularVelocity, out.imuLinearAcceleration);
    out.estopPressed = false;
    double t = w.time();
    battery.update(w.energyJ(), Double.isNaN(batteryTime) ? 0 : t - batteryTime);
    batteryTime = t;
    out.batteryVolts = battery.volts();
    out.batteryCritical = battery.critical();
    out.failedLegMask = 0;
  }

  @Override
  public void write(long nowNanos, long periodNanos, JointCommand command) {
    SimWorld w = world();
    if (periodNanos <= 0) {
      throw new IllegalArgumentException("period must be positive: " + periodNanos + " ns");
    }
    w.servos.command(command.position, command.enabled && active);
    if (periodNanos != cachedPeriod) {
      cachedPeriod = periodNanos;
      double period = periodNanos * 1e-9;
      subSteps = (int) Math.max(1, Math.ceil(period / w.config().stepSeconds() - 1e-9));
      subStep = period / subSteps;
    }
    for (int s = 0; s < subSteps; s++) {
      w.step(subStep);
    }
    imu.afterPeriod(periodNanos * 1e-9);
    BodyPoseFeed feed = poseFeed;
    if (feed != null) {
      DVector3C p = w.bodyPosition();
      DQuaternionC q = w.bodyQuaternion();
      feed.publish(w.time(), p.get0(), p.get1(), p.get2(), q.get0(), q.get1(), q.get2(), q.get3());
    }
  }

  /**
   * Publishes the ground-truth body pose into {@code feed} after every period (for the simulated
   * camera on its own thread); null stops. Allocation-free per period. Any thread.
   */
  public void setBodyPoseFeed(BodyPoseFeed feed) {
    this.poseFeed = feed;
  }

  @Override
  public void onError(Throwable cause) {
    // Servos keep their last targets: holding is the safe state of a standing hexapod.
  }
}
