package robodog.sim;

import org.ode4j.math.DQuaternionC;
import org.ode4j.math.DVector3C;
import org.ode4j.ode.DSpace;
import org.ode4j.ode.DWorld;
import org.ode4j.ode.OdeHelper;
import org.ode4j.ode.internal.DxQuickStep;
import robodog.core.Joints;
import robodog.core.LegId;
import robodog.core.config.RobotDescription;
import robodog.sim.terrain.Terrain;

/**
 * One ODE world: the terrain, the robot and its servos, advanced by {@link #step(double)}. Also the
 * ground truth for reports and tests (pose, velocity, energy, falls, feet, tracking error), which
 * the controller never sees: it only gets what {@link SimHardware} puts in a {@code RobotState}.
 *
 * <p>Deterministic: one thread, no wall clock, fixed iteration orders, and QuickStep's random
 * constraint reordering switched off (it draws from one process-wide generator, which would make
 * runs depend on each other). Two worlds may step in parallel on different threads and each gives
 * the same result as alone. A world itself is not thread-safe: simulation thread only.
 */
public final class SimWorld {
  private static final double FALL_TILT_RAD = Math.toRadians(45);
  private static final double SPAWN_CLEARANCE_M = 0.002;

  /** Foot contacts count for this long after the last touch, s. */
  public static final double CONTACT_DEBOUNCE_S = 0.006;

  static {
    OdeHelper.initODE2(0);
    // ODE reorders constraint rows at random every 8th QuickStep iteration. With 10 or fewer
    // iterations that is one shuffle per step, with no measurable effect on the standing and
    // slope tests, and it costs repeatability across threads. Process-wide, set once.
    DxQuickStep.RANDOM_CONSTRAINTS_REORDERING_FREQUENCY = Integer.MAX_VALUE;
  }

  private final DWorld world;
  private final DSpace terrainSpace;
  private final DSpace robotSpace;
  private final Terrain terrain;
  private final RobotDescription description;
  final RobotModel robot;
  final ServoBank servos;
  final ContactGenerator contacts;
  private final SimConfig cfg;
  private final double[] rpy = new double[3];
  private LegBreaker breaker = new LegBreaker(null);
  private boolean fallen;
  private double time;
  private double energy;

  /**
   * A world with the robot standing in its neutral stance ({@link NeutralStance}) at the given
   * start pose, servo targets equal to that stance.
   *
   * @param startX start position of base_link, m (the robot stands on the terrain there)
   * @param startY m
   * @param startYaw heading, rad
   */
  public SimWorld(
      RobotDescription description,
      Terrain terrain,
      SimConfig cfg,
      double startX,
      double startY,
      double startYaw) {
    this(
        description,
        terrain,
        cfg,
        startX,
        startY,
        startYaw,
        neutral(description),
        description.stance().bodyHeightM());
  }

  /**
   * A world with the robot at the given start pose in posture {@code q0}, base_link {@code
   * standHeight} above the ground (along the ground normal on a slope), servo targets {@code q0}.
   *
   * @param q0 initial joint angles, rad (18)
   * @param standHeight base_link height above the ground for that posture, m
   */
  public SimWorld(
      RobotDescription description,
      Terrain terrain,
      SimConfig cfg,
      double startX,
      double startY,
      double startYaw,
      double[] q0,
      double standHeight) {
    this.cfg = cfg;
    this.terrain = terrain;
    this.description = description;
    world = OdeHelper.createWorld();
    world.setGravity(0, 0, -9.81);
    world.setQuickStepNumIterations(Math.max(1, cfg.solverIterations()));
    world.setERP(0.2);
    world.setCFM(1e-5);
    world.setContactSurfaceLayer(0.0005);
    world.setContactMaxCorrectingVel(1.0);
    // Two spaces collided only against each other: the robot never self-collides, and the
    // terrain's few large geoms (a heightfield spans metres) and many gravel stones sit in a hash
    // space of their own.
    terrainSpace = OdeHelper.createHashSpace();
    robotSpace = OdeHelper.createSimpleSpace();
    terrain.build(terrainSpace);
    double pitch = terrain.pitchAt(startX, startY);
    double[] quat =
        Frames.mul(Frames.axisAngle(0, 0, 1, startYaw), Frames.axisAngle(0, 1, 0, pitch));
    double z = terrain.heightAt(startX, startY) + standHeight / Math.cos(pitch) + SPAWN_CLEARANCE_M;
    robot =
        new RobotModel(
            world, robotSpace, description, cfg, new double[] {startX, startY, z}, quat, q0);
    servos = new ServoBank(robot, description, cfg);
    servos.command(q0, true);
    contacts = new ContactGenerator(world, robotSpace, terrainSpace, cfg.contactsPerPair());
  }

  private static double[] neutral(RobotDescription d) {
    double[] q = new double[Joints.COUNT];
    NeutralStance.jointAngles(d, q);
    return q;
  }

  /** Advances the physics by one step of {@link SimConfig#stepSeconds()}. */
  public void step() {
    step(cfg.stepSeconds());
  }

  /** Advances the physics by one step of {@code dt} seconds (servos, contacts, solver). */
  public void step(double dt) {
    breaker.update(time, robot, servos, contacts);
    servos.apply();
    contacts.collide(dt);
    if (cfg.solverIterations() > 0) {
      world.quickStep(dt);
    } else {
      world.step(dt); // exact (Dantzig LCP) solver
    }
    contacts.clear();
    time += dt;
    for (int j = 0; j < Joints.COUNT; j++) {
      energy += Math.abs(servos.effort(j) * robot.joints[j].getAngleRate()) * dt;
    }
    if (!fallen) {
      bodyRpy(rpy);
      fallen =
          contacts.bodyTouching()
              || Math.abs(rpy[0]) > FALL_TILT_RAD
              || Math.abs(rpy[1]) > FALL_TILT_RAD;
    }
  }

  /**
   * Schedules a leg to break at {@code failure.atS()} of simulated time (null: none; replaces an
   * earlier schedule that has not fired yet). Before the first step, from the simulation thread.
   */
  public void scheduleLegFailure(robodog.sim.failure.LegFailure failure) {
    if (breaker.broken()) {
      throw new IllegalStateException("a leg has already broken in this world");
    }
    breaker = new LegBreaker(failure);
  }

  /** The scheduled leg failure, or null. */
  public robodog.sim.failure.LegFailure legFailure() {
    return breaker.failure();
  }

  /** True once the scheduled leg failure has happened. */
  public boolean legBroken() {
    return breaker.broken();
  }

  /** Simulated time since start, s. */
  public double time() {
    return time;
  }

  /** Mechanical work the servos have done, J: ∫ Σ |τ·ω| dt (braking counts too). */
  public double energyJ() {
    return energy;
  }

  /**
   * True once the robot has fallen: its body box touched the terrain in some step, or its roll or
   * pitch (relative to the world's level, not the local ground) exceeded 45°. Latched.
   */
  public boolean fallen() {
    return fallen;
  }

  /**
   * True when the body box touched the terrain in the last step (not latched, unlike {@link
   * #fallen}): a body lying on the ground after its servos were cut, or one that stood up again.
   */
  public boolean bodyTouching() {
    return contacts.bodyTouching();
  }

  /** base_link position in odom, m. A live view: valid until the next step. */
  public DVector3C bodyPosition() {
    return robot.body.getPosition();
  }

  /** base_link position in odom, m, into out3. */
  public void bodyPosition(double[] out3) {
    DVector3C p = robot.body.getPosition();
    out3[0] = p.get0();
    out3[1] = p.get1();
    out3[2] = p.get2();
  }

  /** base_link linear velocity in odom, m/s, into out3. */
  public void bodyLinearVelocity(double[] out3) {
    DVector3C v = robot.body.getLinearVel();
    out3[0] = v.get0();
    out3[1] = v.get1();
    out3[2] = v.get2();
  }

  /** base_link angular velocity in odom, rad/s, into out3. */
  public void bodyAngularVelocity(double[] out3) {
    DVector3C v = robot.body.getAngularVel();
    out3[0] = v.get0();
    out3[1] = v.get1();
    out3[2] = v.get2();
  }

  /** base_link orientation in odom (w, x, y, z). A live view: valid until the next step. */
  public DQuaternionC bodyQuaternion() {
    return robot.body.getQuaternion();
  }

  /** Roll, pitch, yaw of base_link in odom (REP-103 fixed axes x-y-z), rad, into out3. */
  public void bodyRpy(double[] out3) {
    DQuaternionC q = robot.body.getQuaternion();
    Frames.rpy(q.get0(), q.get1(), q.get2(), q.get3(), out3);
  }

  /**
   * Foot contact as the robot senses it: leg {@code leg}'s foot or tibia touched the terrain within
   * the last {@value #CONTACT_DEBOUNCE_S} s (debounced; see {@link #footTouching} for the raw
   * flag).
   */
  public boolean footContact(int leg) {
    return contacts.legContactSensor(leg, CONTACT_DEBOUNCE_S);
  }

  /** True when leg {@code leg}'s foot or tibia touched the terrain in the very last step. */
  public boolean footTouching(int leg) {
    return contacts.legTouching(leg);
  }

  /** Contact points between robot and terrain in the last step. */
  public int contactCount() {
    return contacts.contactCount();
  }

  /** World position of the centre of leg {@code leg}'s foot sphere, m. A live view. */
  public DVector3C footPosition(int leg) {
    return robot.feet[leg].getPosition();
  }

  /** World positions of all foot-sphere centres, m, into out18 as x, y, z per leg ordinal. */
  public void footPositions(double[] out18) {
    for (int i = 0; i < LegId.COUNT; i++) {
      DVector3C p = robot.feet[i].getPosition();
      out18[3 * i] = p.get0();
      out18[3 * i + 1] = p.get1();
      out18[3 * i + 2] = p.get2();
    }
  }

  /** Joint angle of joint j as ODE measures it, rad ({@link NeutralStance} convention). */
  public double jointAngle(int j) {
    return robot.joints[j].getAngle();
  }

  /** Servo target of joint j, rad. */
  public double jointTarget(int j) {
    return servos.target(j);
  }

  /** Per-joint tracking error, target − actual, rad, into out18. */
  public void trackingError(double[] out18) {
    for (int j = 0; j < Joints.COUNT; j++) {
      out18[j] = servos.target(j) - robot.joints[j].getAngle();
    }
  }

  /** Neutral standing angles of this robot, rad (18), into out18 (see {@link NeutralStance}). */
  public void neutralJointAngles(double[] out18) {
    NeutralStance.jointAngles(description, out18);
  }

  /** Total mass simulated (body, payload, legs), kg. */
  public double totalMassKg() {
    return robot.totalMassKg;
  }

  /** The terrain. */
  public Terrain terrain() {
    return terrain;
  }

  /** The robot description the model was built from. */
  public RobotDescription description() {
    return description;
  }

  /** The settings this world runs with. */
  public SimConfig config() {
    return cfg;
  }

  /**
   * Fixes the body to the world where it is now (true) or releases it: for tests and benchmarks of
   * the legs alone.
   */
  public void pinBody(boolean pinned) {
    robot.pinBody(world, pinned);
  }
}
