package robodog.harness.learn;

import robodog.core.GaitSetting;
import robodog.core.Mailbox;
import robodog.core.Mode;
import robodog.core.MotionCommand;
import robodog.core.SteppableClock;
import robodog.harness.RobotFactory;
import robodog.harness.SimulatedRobot;
import robodog.harness.sim.WorldBody;
import robodog.learning.rl.Env;
import robodog.learning.runtime.TerrainActions;
import robodog.learning.runtime.TerrainFeatures;
import robodog.locomotion.HexapodController;
import robodog.locomotion.LocomotionConfig;
import robodog.sim.SimWorld;
import robodog.sim.camera.Scene;

/**
 * The terrain policy's environment: the real controller on the ode4j simulator, one course per
 * episode. Each decision lays the action's gait settings over the operator's command (through the
 * controller's gait-advisor mailbox, as at run time) and runs the loop for one decision period.
 *
 * <p>Reward per decision: 10 × progress (m) − 1.5 × energy / (m·g) (the cost-of-transport
 * numerator, m) − 0.05 × (body acceleration RMS, m/s²)² − 0.5 per second on the course − 10 on a
 * fall, + 2 on reaching the goal.
 *
 * <p>One instance per thread (it owns its world and controller).
 */
public final class TerrainEnv implements Env {
  private static final double WARMUP_S = 1.0;
  // Per second on the course: finishing sooner pays (the progress term alone is capped by the
  // goal).
  private static final double TIME_PENALTY = 0.5;
  private static final int SAMPLE_EVERY = 10; // telemetry samples at 50 Hz of a 500 Hz loop

  private final RobotFactory robots;
  private final LocomotionConfig cfg;
  private final double decisionS;
  private final TerrainActions actions;
  private final int gaits;
  private final long periodNanos;
  private TerrainCourses.Course course;
  private SimWorld world;
  private HexapodController controller;
  private SimulatedRobot robot;
  private Mailbox<MotionCommand> commands;
  private Mailbox<GaitSetting> advice;
  private final MotionCommand cmd = new MotionCommand();
  private final GaitSetting setting = new GaitSetting();
  private TerrainFeatures features;
  private double x0;
  private double lastAlong;
  private double lastEnergy;
  private double time;
  private int steps;
  private int maxSteps;
  private boolean goal;
  private double goalTime;
  private double accSq;
  private int accN;

  /** What an episode achieved (for evaluation). */
  public record Metrics(
      String course,
      boolean completed,
      boolean fell,
      double timeS,
      double distanceM,
      double energyJ,
      double costOfTransport,
      double accelerationRms,
      double completionTimeS,
      double timeLimitS) {}

  /**
   * @param robots builds the robot on each episode's course
   * @param cfg controller configuration (gait table: the first {@code gaits} rows are choices)
   * @param decisionHz policy decision rate, Hz
   */
  public TerrainEnv(RobotFactory robots, LocomotionConfig cfg, double decisionHz) {
    this.robots = robots;
    this.cfg = cfg;
    this.decisionS = 1.0 / decisionHz;
    this.gaits = cfg.gaitTable().gaits().size();
    this.actions = new TerrainActions(gaits, cfg.robot().stance().bodyHeightM());
    this.periodNanos = Math.round(1e9 / cfg.settings().loopRateHz());
  }

  @Override
  public int observationSize() {
    return TerrainFeatures.size(gaits);
  }

  @Override
  public int actionSize() {
    return actions.size();
  }

  @Override
  public int maxLevel() {
    return TerrainCourses.MAX_LEVEL;
  }

  /** Tetrapod at its own step height and the operator's speed: a preset that never fell. */
  @Override
  public double[] initialAction() {
    return TerrainEvaluation.preset(cfg, Math.min(1, gaits - 1));
  }

  /** The action codec (shared with the runtime). */
  public TerrainActions actions() {
    return actions;
  }

  @Override
  public double[] reset(long seed, int level) {
    return reset(TerrainCourses.training(seed, level));
  }

  /** Starts an episode on a given course; returns the first observation. */
  public double[] reset(TerrainCourses.Course c) {
    course = c;
    double dt = periodNanos * 1e-9;
    WorldBody body = new WorldBody(cfg, c.terrain(), c.sim(), 0, 0, 0, Scene.EMPTY, 0, null, null);
    world = body.world();
    if (robot != null) {
      robot.close();
    }
    try {
      robot =
          robots.assemble(
              cfg,
              body,
              new SteppableClock(),
              RobotFactory.Setup.headless(cfg.settings().loopRateHz(), Mode.STANDING),
              new java.io.PrintWriter(java.io.OutputStream.nullOutputStream()));
    } catch (Exception e) {
      throw new IllegalStateException("course " + c.name() + ": robot not assembled: " + e, e);
    }
    commands = robot.commands();
    controller = robot.controller();
    // The policy being trained takes the learned advisor's place: the same mailbox, the same
    // controller rules (an explicit gait still wins, the safe set still bounds it).
    advice = new Mailbox<>(GaitSetting::new, (a, b) -> b.copyFrom(a));
    controller.setGaitAdvisor(advice);
    features = new TerrainFeatures(gaits, cfg.robot().stance().bodyHeightM(), c.sim().payloadKg());
    cmd.requestedMode = Mode.WALKING;
    cmd.vx = c.speedMps();
    // The robot picks its own gait: an explicit one would leave the policy nothing to choose (the
    // controller lays no advice over it). The warm-up walks the terrain selector's choice.
    cmd.gaitIndex = -1;
    commands.offer(cmd);
    setting.active = false;
    setting.status = GaitSetting.Status.NONE;
    x0 = world.bodyPosition().get0();
    time = 0;
    steps = 0;
    maxSteps = (int) Math.ceil(c.timeLimitS() / decisionS);
    goal = false;
    goalTime = Double.NaN;
    accSq = 0;
    accN = 0;
    run(WARMUP_S);
    lastAlong = along();
    lastEnergy = world.energyJ();
    double[] obs = new double[observationSize()];
    features.observe(setting, obs);
    return obs;
  }

  @Override
  public Step step(double[] action) {
    double[] a = action.clone();
    for (int i = 0; i < a.length; i++) {
      a[i] = Double.isFinite(a[i]) ? Math.max(-1, Math.min(1, a[i])) : 0;
    }
    actions.decode(a, setting);
    advice.offer(setting);
    run(decisionS);
    steps++;
    double along = along();
    double energy = world.energyJ();
    double mg = world.totalMassKg() * 9.81;
    double acc = features.accelerationRms();
    accSq += acc * acc;
    accN++;
    double reward =
        10 * (along - lastAlong)
            - 1.5 * (energy - lastEnergy) / mg
            - 0.05 * acc * acc
            - TIME_PENALTY * decisionS;
    lastAlong = along;
    lastEnergy = energy;
    boolean fell = world.fallen();
    if (fell) {
      reward -= 10;
    }
    boolean reached = goal;
    if (reached) {
      reward += 2;
    }
    boolean done = fell || reached || steps >= maxSteps;
    double[] obs = new double[observationSize()];
    features.observe(setting, obs);
    return new Step(obs, reward, done, reached && !fell);
  }

  private void run(double seconds) {
    long ticks = Math.round(seconds / (periodNanos * 1e-9));
    try {
      for (long k = 0; k < ticks; k++) {
        robot.step();
        time += periodNanos * 1e-9;
        if (k % SAMPLE_EVERY == 0) {
          features.add(controller.telemetry());
        }
        if (!goal && along() >= course.goalM()) {
          goal = true;
          goalTime = time - WARMUP_S;
        }
        if (world.fallen() || goal) {
          return;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  private double along() {
    return world.bodyPosition().get0() - x0;
  }

  /** The finished (or current) episode's figures. */
  public Metrics metrics() {
    double dist = Math.max(0, along());
    double mass = world.totalMassKg();
    double t = Math.max(1e-9, time - WARMUP_S);
    return new Metrics(
        course.name(),
        goal && !world.fallen(),
        world.fallen(),
        t,
        dist,
        world.energyJ(),
        dist > 1e-3 ? world.energyJ() / (mass * 9.81 * dist) : Double.NaN,
        Math.sqrt(accSq / Math.max(1, accN)),
        goalTime,
        course.timeLimitS());
  }
}
