package robodog.sim;

import org.ode4j.math.DQuaternionC;
import org.ode4j.math.DVector3C;
import org.ode4j.ode.DContact;
import org.ode4j.ode.DContactBuffer;
import org.ode4j.ode.DGeom;
import org.ode4j.ode.DJointGroup;
import org.ode4j.ode.DMisc;
import org.ode4j.ode.DSpace;
import org.ode4j.ode.DWorld;
import org.ode4j.ode.OdeConstants;
import org.ode4j.ode.OdeHelper;
import robodog.core.LegId;
import robodog.core.config.RobotDescription;
import robodog.sim.terrain.Patch;
import robodog.sim.terrain.Terrain;

/**
 * One ODE world: the terrain, the robot and its servos, stepped at a fixed step. Collision pairs
 * are only robot-vs-terrain (category bits), with a handful of contacts each; friction comes from
 * the terrain patch touched. Ground truth (pose, energy, falls) is read here for reports; the
 * controller only sees what {@link SimHardware} puts in a {@code RobotState}.
 *
 * <p>Deterministic: single thread, no wall clock, fixed iteration order, and ODE's solver shuffle
 * seeded from the run's seed; see the constructor for the one caveat (parallel runs in one JVM).
 * Simulation thread only.
 */
public final class SimWorld {
  private static final int MAX_CONTACTS = 4;
  private static final double FALL_TILT_RAD = Math.toRadians(45);

  static {
    OdeHelper.initODE2(0);
  }

  private final DWorld world;
  private final DSpace terrainSpace;
  private final DSpace robotSpace;
  private final DJointGroup contactGroup;
  private final DContactBuffer contacts = new DContactBuffer(MAX_CONTACTS);
  private final Terrain terrain;
  final RobotModel robot;
  final ServoBank servos;
  private final SimConfig cfg;
  private final boolean[] footContact = new boolean[LegId.COUNT];
  private final double[] rpy = new double[3];
  private boolean bodyTouched;
  private boolean fallen;
  private double time;
  private double energy;
  private final DGeom.DNearCallback near = this::nearCallback;

  /**
   * @param startX start position, m (the robot stands on the terrain there)
   * @param startY m
   * @param startYaw heading, rad
   * @param q0 initial joint angles, rad (18): the neutral standing pose
   * @param standHeight base_link height above the ground for that pose, m
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
    // ODE's QuickStep shuffles constraint order with one process-wide random generator. Seeding
    // it here makes a run repeatable bit for bit; two simulations stepping at the same time in
    // one JVM share that generator, so bit-exact parallel runs need separate processes.
    DMisc.dRandSetSeed(cfg.seed() & 0x7fffffffL);
    world = OdeHelper.createWorld();
    world.setGravity(0, 0, -9.81);
    world.setQuickStepNumIterations(Math.max(1, cfg.solverIterations()));
    world.setERP(0.2);
    world.setCFM(1e-5);
    world.setContactSurfaceLayer(0.0005);
    world.setContactMaxCorrectingVel(1.0);
    // Two spaces, collided only against each other: robot parts never collide among themselves,
    // and the terrain's few large geoms (a heightfield spans metres) stay out of a hash grid,
    // which handles large geoms poorly. Gravel's many stones get their own hash space.
    terrainSpace = OdeHelper.createHashSpace();
    robotSpace = OdeHelper.createSimpleSpace();
    contactGroup = OdeHelper.createJointGroup();
    terrain.build(terrainSpace);
    // Stand on the ground under the body, pitched like the ground there, a hair above contact.
    double pitch = terrain.pitchAt(startX, startY);
    double[] quat =
        Frames.mul(Frames.axisAngle(0, 0, 1, startYaw), Frames.axisAngle(0, 1, 0, pitch));
    double z = terrain.heightAt(startX, startY) + standHeight / Math.cos(pitch) + 0.002;
    robot =
        new RobotModel(
            world, robotSpace, description, cfg, new double[] {startX, startY, z}, quat, q0);
    servos = new ServoBank(robot, description, cfg);
    servos.command(q0, true);
  }

  /** Advances the physics by one step of {@link SimConfig#stepSeconds()}. */
  public void step() {
    for (int i = 0; i < LegId.COUNT; i++) {
      footContact[i] = false;
    }
    bodyTouched = false;
    servos.apply();
    OdeHelper.spaceCollide2(robotSpace, terrainSpace, null, near);
    if (cfg.solverIterations() > 0) {
      world.quickStep(cfg.stepSeconds());
    } else {
      world.step(cfg.stepSeconds()); // exact (Dantzig LCP) solver
    }
    contactGroup.empty();
    time += cfg.stepSeconds();
    for (int j = 0; j < robot.joints.length; j++) {
      energy += Math.abs(servos.effort(j) * robot.joints[j].getAngleRate()) * cfg.stepSeconds();
    }
    if (!fallen) {
      DQuaternionC q = robot.body.getQuaternion();
      Frames.rpy(q.get0(), q.get1(), q.get2(), q.get3(), rpy);
      fallen = bodyTouched || Math.abs(rpy[0]) > FALL_TILT_RAD || Math.abs(rpy[1]) > FALL_TILT_RAD;
    }
  }

  private void nearCallback(Object data, DGeom a, DGeom b) {
    if (a.isSpace() || b.isSpace()) {
      OdeHelper.spaceCollide2(a, b, data, near); // descend into sub-spaces
      return;
    }
    int n = OdeHelper.collide(a, b, MAX_CONTACTS, contacts.getGeomBuffer());
    if (n == 0) {
      return;
    }
    Patch patch =
        a.getData() instanceof Patch p ? p : (b.getData() instanceof Patch p2 ? p2 : Patch.GROUND);
    DGeom robotGeom = a.getData() instanceof Patch ? b : a;
    if (robotGeom == robot.bodyGeom) {
      bodyTouched = true;
    } else {
      for (int i = 0; i < LegId.COUNT; i++) {
        if (robotGeom == robot.feet[i]) {
          footContact[i] = true;
        }
      }
    }
    for (int i = 0; i < n; i++) {
      DContact c = contacts.get(i);
      c.surface.mode = OdeConstants.dContactApprox1;
      c.surface.mu = patch.friction();
      if (patch.softness() > 0) {
        c.surface.mode |= OdeConstants.dContactSoftCFM;
        c.surface.soft_cfm = patch.softness();
      }
      OdeHelper.createContactJoint(world, contactGroup, c).attach(a.getBody(), b.getBody());
    }
  }

  /** Simulated time since start, s. */
  public double time() {
    return time;
  }

  /** Mechanical energy the servos have spent, J (∫|τ·ω| dt). */
  public double energyJ() {
    return energy;
  }

  /**
   * True once the robot has fallen: its body box touched the ground, or it rolled or pitched more
   * than 45°. Latched.
   */
  public boolean fallen() {
    return fallen;
  }

  /** base_link position in odom, m. */
  public DVector3C bodyPosition() {
    return robot.body.getPosition();
  }

  /** base_link orientation in odom (w, x, y, z). */
  public DQuaternionC bodyQuaternion() {
    return robot.body.getQuaternion();
  }

  /** Roll, pitch, yaw of base_link, rad. */
  public void bodyRpy(double[] out) {
    DQuaternionC q = robot.body.getQuaternion();
    Frames.rpy(q.get0(), q.get1(), q.get2(), q.get3(), out);
  }

  /** Foot contacts of the last step, by leg ordinal. */
  boolean[] footContacts() {
    return footContact;
  }

  /** Total mass simulated (body, payload, legs), kg. */
  public double totalMassKg() {
    return robot.totalMassKg;
  }

  /** The terrain. */
  public Terrain terrain() {
    return terrain;
  }

  /** Joint angle of joint j as ODE measures it, rad (URDF convention). */
  public double jointAngle(int j) {
    return robot.joints[j].getAngle();
  }

  /** World position of the centre of leg {@code leg}'s foot sphere, m. */
  public DVector3C footPosition(int leg) {
    return robot.feet[leg].getPosition();
  }

  /** The settings this world runs with. */
  public SimConfig config() {
    return cfg;
  }
}
