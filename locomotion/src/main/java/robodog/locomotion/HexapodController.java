package robodog.locomotion;

import robodog.core.Controller;
import robodog.core.GaitSetting;
import robodog.core.GroundCall;
import robodog.core.JointCommand;
import robodog.core.JointKind;
import robodog.core.Joints;
import robodog.core.LegId;
import robodog.core.Mailbox;
import robodog.core.Mode;
import robodog.core.MotionCommand;
import robodog.core.Notice;
import robodog.core.RobotState;
import robodog.core.Telemetry;
import robodog.core.config.RobotDescription;
import robodog.core.perception.SafetyLimit;
import robodog.locomotion.body.BodyPose;
import robodog.locomotion.body.Leveler;
import robodog.locomotion.body.MotionFilter;
import robodog.locomotion.body.RateLimit;
import robodog.locomotion.gait.GaitLibrary;
import robodog.locomotion.gait.StepPlanner;
import robodog.locomotion.health.LegHealthMonitor;
import robodog.locomotion.kinematics.IkResult;
import robodog.locomotion.kinematics.LegKinematics;

/**
 * The six-leg gait controller: one {@link #update} per tick turns the latest {@link MotionCommand}
 * into 18 joint targets. Order inside a tick (CHAMP, IHMC): command → mode machine and safety →
 * velocity and pose limits → step planner (gait, swing, stance) → body pose → IK → joint limits and
 * servo slew limit → stability margin → telemetry.
 *
 * <p>Threading: {@link #update} and {@link #enterFault} on the control thread only; other threads
 * talk to it through the two mailboxes. The tick allocates nothing (checked by a tagged test).
 */
public final class HexapodController implements Controller {
  private final RobotDescription robot;
  private final ControllerSettings settings;
  private final GaitLibrary gaits;
  private final CommandInputs inputs;
  private final StateGuard guard = new StateGuard();
  private final Mailbox<Telemetry> telemetryOut;
  private final LegKinematics[] legs = new LegKinematics[LegId.COUNT];
  private final StepPlanner planner;
  private final MotionFilter filter;
  private final ModeMachine modes;
  private final BodyPose proposed = new BodyPose();
  private final BodyPose sitPose = new BodyPose();
  private final BodyPose ikPose = new BodyPose();
  private final Leveler leveler = new Leveler();
  private final VelocityShaper velocity;
  private final GroundAdaptation ground;
  private boolean auto;
  private final double[] baseNeutralX = new double[LegId.COUNT];
  private final double[] baseNeutralY = new double[LegId.COUNT];
  private final double[] targets = new double[Joints.COUNT];
  private final double[] lastGood = new double[Joints.COUNT];
  private final double[] foldPose = new double[JointKind.COUNT];
  private final double[] foot = new double[3];
  private final Telemetry telemetry = new Telemetry();
  private final Odometry odometry = new Odometry();
  private final FootRolling rolling;
  private final double servoSpeed;
  private final double footRadius;
  private final GaitSelector selection;
  private final LegHealthMonitor health;
  private long ikLimitHits;
  private Notice notice = Notice.NONE;
  private double stabilityMargin;
  private boolean outputsValid;
  private double safetyScale = 1.0;
  private Notice faultNotice = Notice.FAULT_LATCHED;
  private final HeldNotice held = new HeldNotice();
  private long inputFaults;

  /**
   * @param initialMode {@link Mode#PASSIVE} on hardware; {@link Mode#STANDING} when the body is
   *     known to start standing on its neutral stance (the simulator spawns it so)
   */
  public HexapodController(
      RobotDescription robot,
      GaitLibrary gaits,
      ControllerSettings settings,
      Mailbox<MotionCommand> commands,
      Mailbox<Telemetry> telemetryOut,
      Mode initialMode) {
    this.robot = robot;
    this.settings = settings;
    this.gaits = gaits;
    this.inputs =
        new CommandInputs(
            commands,
            initialMode,
            new robodog.locomotion.terrain.AdvisorBounds(gaits, robot.stance().bodyHeightM()));
    this.telemetryOut = telemetryOut;
    this.servoSpeed = robot.servo().maxSpeedRadPerS();
    this.footRadius = robot.leg().footRadiusM();
    this.rolling =
        new FootRolling(robot, initialMode == Mode.STANDING || initialMode == Mode.WALKING);
    for (LegId leg : LegId.VALUES) {
      legs[leg.ordinal()] = new LegKinematics(robot, leg);
    }
    LocomotionConfig.neutralFootholds(robot, baseNeutralX, baseNeutralY);
    foldPose[0] = 0;
    foldPose[1] = robot.jointMax(JointKind.FEMUR) - Math.toRadians(10);
    foldPose[2] = robot.jointMin(JointKind.TIBIA) + Math.toRadians(10);
    planner = new StepPlanner(gaits.get(0), gaits.table().maxStrideMeters());
    filter = new MotionFilter(settings);
    velocity = new VelocityShaper(settings, gaits.table().maxStrideMeters());
    modes = new ModeMachine(initialMode, settings.softwareEstopSettles(), settings.settleMaxS());
    modes.setPowerOnSpeed(settings.powerOnJointSpeed());
    selection = new GaitSelector(gaits, planner, baseNeutralX, baseNeutralY);
    ground =
        new GroundAdaptation(gaits, legs, footRadius, Math.hypot(baseNeutralX[0], baseNeutralY[0]));
    double[] jointMin = new double[JointKind.COUNT];
    double[] jointMax = new double[JointKind.COUNT];
    for (JointKind kind : JointKind.VALUES) {
      jointMin[kind.ordinal()] = robot.jointMin(kind);
      jointMax[kind.ordinal()] = robot.jointMax(kind);
    }
    health = new LegHealthMonitor(robot.servo().maxTorqueNm(), foldPose, jointMin, jointMax);
    planner.placeAllAtNeutral();
    BodyPose start = new BodyPose();
    start.height =
        initialMode == Mode.STANDING || initialMode == Mode.WALKING
            ? robot.stance().bodyHeightM()
            : robot.stance().sitHeightM();
    filter.reset(start);
  }

  /**
   * Connects perception's crew-safety limit: every tick the newest {@link SafetyLimit} scales the
   * commanded linear and yaw velocity, whatever sent the command (teleop, autonomy, script). A
   * limit older than {@code staleS}, or one marked degraded, means the pipeline is running but not
   * seeing: the controller falls back to {@code staleScale}. Before the first limit arrives (no
   * pipeline) nothing is limited. Call before the loop starts, from the thread that builds it.
   */
  public void setSafetyLimits(Mailbox<SafetyLimit> limits, double staleS, double staleScale) {
    inputs.setSafetyLimits(limits, staleS, staleScale);
  }

  /**
   * Connects perception's terrain class of the ground just ahead: while the robot picks its own
   * gait, ice or mud ahead slows it and gravel or dirt raises its step before the feet arrive (see
   * {@code TerrainAhead}); an estimate older than {@code staleS} seconds is ignored. Call before
   * the loop starts, from the thread that builds it.
   */
  public void setTerrainAhead(
      Mailbox<robodog.core.perception.TerrainEstimate> ahead,
      Mailbox<robodog.core.perception.GroundAhead> grid,
      double staleS) {
    ground.connectAhead(ahead, grid, staleS);
  }

  /** The perception speed scale applied on the last tick (1 = none); control thread. */
  public double safetyScale() {
    return safetyScale;
  }

  /** Default neutral footholds (m, walking frame), by leg ordinal. */
  public double[] baseNeutralX() {
    return baseNeutralX.clone();
  }

  /** Default neutral footholds (m, walking frame), by leg ordinal. */
  public double[] baseNeutralY() {
    return baseNeutralY.clone();
  }

  /**
   * One tick. {@code raw} is checked first ({@link StateGuard}): the rest of the tick sees only
   * finite readings. Every input refusal is held in telemetry for {@link HeldNotice#HOLD_NANOS}; a
   * sensor that stays bad, a hardware-refused target, or a non-finite value anywhere in the motion
   * state or the joint targets latches FAULT, which holds {@code lastGood} (finite by construction:
   * only checked readings and checked targets are ever copied into it).
   */
  @Override
  public void update(long nowNanos, long periodNanos, RobotState raw, JointCommand out) {
    double dt = Math.min(0.1, periodNanos * 1e-9);
    StateGuard.Verdict sensors = guard.check(raw);
    RobotState state = guard.good();
    MotionCommand c = inputs.latest(nowNanos);
    telemetry.commandSeq = c.seq;
    notice = Notice.NONE;
    Notice refused = inputs.refusal();
    if (refused == Notice.NONE && sensors != StateGuard.Verdict.OK) {
      refused = Notice.SENSOR_SAMPLE_DROPPED;
    }
    held.hold(refused, nowNanos);
    Mode before = modes.mode();
    boolean powered = before != Mode.PASSIVE && before != Mode.ESTOP;
    // A robot with its servos off stays off: the fault latches once something powers it up.
    if (sensors == StateGuard.Verdict.FAULT && powered) {
      latchFault(Notice.SENSOR_FAULT);
    } else if (state.actuatorFault) {
      latchFault(Notice.ACTUATOR_FAULT);
    }
    if (!outputsValid) {
      if (!guard.jointsSeen()) {
        // No usable joint reading yet: there is no pose to hold, so the servos stay off.
        out.enabled = false;
        java.util.Arrays.fill(out.position, 0);
        publish(nowNanos, modes.mode(), state, out);
        return;
      }
      System.arraycopy(state.jointPosition, 0, lastGood, 0, Joints.COUNT);
      outputsValid = true;
    }
    Mode mode = modes.update(c, state, filter.pose.height, planner.allDown(), dt, this);
    boolean settling = modes.settling();
    if (mode == Mode.PASSIVE || (mode == Mode.ESTOP && !settling)) {
      out.enabled = false;
      filter.haltVelocity();
      filter.heightRateOverride = 0;
      System.arraycopy(state.jointPosition, 0, out.position, 0, Joints.COUNT);
      System.arraycopy(state.jointPosition, 0, lastGood, 0, Joints.COUNT);
      if (mode == Mode.ESTOP) {
        notice = modes.estopNotice();
      }
      publish(nowNanos, mode, state, out);
      return;
    }
    out.enabled = true;
    if (mode == Mode.FAULT) {
      holdLastGood(nowNanos, state, out);
      return;
    }
    // A leg the hardware reports broken, or the controller found broken, counts as failed
    // whatever the operator says.
    refuseIf(
        selection.applyFailedLegs(c.failedLegMask | state.failedLegMask | health.detectedMask()));
    // Nobody chose a gait: the ground does (a failed leg has its own five-leg gait). A body that
    // cannot sense contact (ideal servos) feels no ground and keeps its gait.
    auto = c.gaitIndex < 0 && selection.failedLeg() < 0 && state.contactsValid;
    // The advisor chooses only inside what the command and the ground call allow (AdvisorBounds).
    c = inputs.advise(c, auto, ground.selector());
    refuseIf(selection.applyGait(auto ? inputs.autoGait() : c.gaitIndex));
    if (!Double.isNaN(c.stepHeight)) {
      planner.setStepHeight(RateLimit.clamp(c.stepHeight, 0, 0.12));
    } else if (auto) {
      double h = ground.selector().stepHeight();
      planner.setStepHeight(Double.isNaN(h) ? planner.gait().stepHeightMeters() : h);
    }
    applyPose(c, mode);
    safetyScale = inputs.safetyScale(nowNanos);
    held.hold(inputs.refusal(), nowNanos);
    // The deadline is enforced here, in the tick, not only by the link's timer thread. A tick
    // whose successor would start after the deadline stops now: waiting for that successor would
    // add its wake-up lateness to the stop (measured 2 of 100 link cuts 0.3-0.5 ms past the
    // 500 ms + one tick bound), while stopping up to one period early costs nothing.
    boolean expired = nowNanos + periodNanos > c.velocityDeadlineNanos;
    if (expired && (c.vx != 0 || c.vy != 0 || c.yawRate != 0)) {
      notice = Notice.COMMAND_EXPIRED;
    }
    // The ground's ceiling and its recoveries belong to the robot's own gait choice: an
    // operator's explicit gait is walked as asked.
    refuseIf(
        velocity.apply(
            c,
            mode == Mode.WALKING && !modes.stopping() && !expired,
            state.imuYaw(),
            planner,
            auto ? ground.selector().call() : GroundCall.SMOOTH,
            auto ? ground.selector().speedCeiling() : Double.POSITIVE_INFINITY,
            safetyScale,
            filter));
    filter.step(dt);
    if (state.contactsValid && (mode == Mode.STANDING || mode == Mode.WALKING)) {
      leveler.update(state.imuRoll() - filter.pose.roll, state.imuPitch() - filter.pose.pitch, dt);
    }
    if (!motionFinite()) {
      nonFiniteFault(nowNanos, state, out);
      return;
    }
    ground.update(
        state,
        planner,
        filter,
        nowNanos,
        mode == Mode.WALKING && !modes.stopping(),
        auto,
        Math.hypot(c.vx, c.vy),
        filter.pose.roll,
        filter.pose.pitch,
        dt);
    odometry.step(filter.vx, filter.vy, filter.wz, dt);
    double comX =
        filter.pose.groundX(robot.body().comXM(), robot.body().comYM(), robot.body().comZM());
    double comY =
        filter.pose.groundY(robot.body().comXM(), robot.body().comYM(), robot.body().comZM());
    planner.setContacts(state.footContact, state.contactsValid);
    planner.update(
        dt,
        filter.vx,
        filter.vy,
        filter.wz,
        mode == Mode.WALKING && !modes.stopping(),
        comX,
        comY,
        settings.minMargin());
    rolling.setMode(mode, modes.powerOn(), filter.pose.height == filter.target.height);
    boolean healthWatch =
        (mode == Mode.STANDING || mode == Mode.WALKING) && !settling && !modes.powerOn();
    int obstructionsBefore = health.obstructions();
    if (health.update(nowNanos, dt, healthWatch, state, lastGood, planner)) {
      held.hold(
          health.testing() && !health.confirmed()
              ? Notice.LEG_CHECKING
              : Notice.LEG_FAILURE_DETECTED,
          nowNanos);
    } else if (health.obstructions() != obstructionsBefore) {
      held.hold(Notice.LEG_OBSTRUCTED, nowNanos);
    }
    solveJoints(dt, modes.powerOn() ? modes.powerOnSpeed() : servoSpeed);
    if (!FiniteCheck.all(targets)) {
      nonFiniteFault(nowNanos, state, out);
      return;
    }
    System.arraycopy(targets, 0, out.position, 0, Joints.COUNT);
    System.arraycopy(targets, 0, lastGood, 0, Joints.COUNT);
    stabilityMargin = planner.supportMargin(comX, comY, -1);
    if (settling) {
      notice = Notice.ESTOP_SETTLING; // the stop, not a refusal, is what the operator must see
    }
    publish(nowNanos, mode, state, out);
  }

  private void holdLastGood(long nowNanos, RobotState state, JointCommand out) {
    notice = faultNotice;
    out.enabled = true;
    System.arraycopy(lastGood, 0, out.position, 0, Joints.COUNT);
    publish(nowNanos, Mode.FAULT, state, out);
  }

  // A bug made the motion state or the targets non-finite: stop, forget the corrupt state (the
  // fault release powers on from the sitting pose) and hold the last good pose.
  private void nonFiniteFault(long nowNanos, RobotState state, JointCommand out) {
    latchFault(Notice.NON_FINITE_FAULT);
    filter.haltVelocity();
    leveler.reset();
    if (!FiniteCheck.pose(filter.pose) || !FiniteCheck.pose(filter.target)) {
      sitPose.height = robot.stance().sitHeightM();
      sitPose.refresh();
      filter.reset(sitPose);
    }
    holdLastGood(nowNanos, state, out);
  }

  private boolean motionFinite() {
    return Double.isFinite(filter.vx)
        && Double.isFinite(filter.vy)
        && Double.isFinite(filter.wz)
        && FiniteCheck.pose(filter.pose)
        && Double.isFinite(leveler.roll())
        && Double.isFinite(leveler.pitch());
  }

  private void latchFault(Notice reason) {
    if (modes.mode() != Mode.FAULT) {
      inputFaults++;
      faultNotice = reason;
    }
    modes.latchFault(); // re-latched every tick the cause lasts: no release while it does
  }

  private void solveJoints(double dt, double jointSpeed) {
    BodyPose pose = ikPose;
    pose.set(filter.pose);
    pose.roll -= leveler.roll();
    pose.pitch -= leveler.pitch();
    pose.groundZ = planner.groundZ();
    pose.refresh();
    boolean settled = true;
    for (int i = 0; i < LegId.COUNT; i++) {
      int j = i * JointKind.COUNT;
      if (planner.isFailed(i)) {
        for (int k = 0; k < JointKind.COUNT; k++) {
          // A suspect joint is driven to its test angle: following it proves the leg sound.
          double goal = health.testJoint() == j + k ? health.testTargetRad() : foldPose[k];
          targets[j + k] = RateLimit.step(lastGood[j + k], goal, jointSpeed, dt);
        }
        continue;
      }
      // The IK target is the foot-sphere centre, one radius above the ground contact point.
      pose.toBase(planner.footX[i], planner.footY[i], planner.footZ[i] + footRadius, foot, 0);
      telemetry.footPosition[i * 3] = foot[0];
      telemetry.footPosition[i * 3 + 1] = foot[1];
      telemetry.footPosition[i * 3 + 2] = foot[2];
      IkResult r = legs[i].inverse(foot[0], foot[1], foot[2], targets, j);
      if (!r.ok()) {
        ikLimitHits++;
        notice = Notice.IK_LIMITED;
      }
      for (int k = 0; k < JointKind.COUNT; k++) {
        double wanted = targets[j + k];
        targets[j + k] = RateLimit.step(lastGood[j + k], wanted, jointSpeed, dt);
        settled &= targets[j + k] == wanted;
      }
      rolling.follow(planner, i, targets, j, pose, r.ok());
    }
    modes.setSettled(settled);
  }

  private void refuseIf(Notice n) {
    if (n != Notice.NONE) {
      notice = n;
    }
  }

  private void applyPose(MotionCommand c, Mode mode) {
    BodyPose p = proposed;
    p.height = modes.targetHeight(c, robot, settings);
    p.roll = c.bodyRoll;
    p.pitch = c.bodyPitch;
    p.yaw = c.bodyYaw;
    double shiftX = RateLimit.clamp(c.bodyX, -settings.maxShift(), settings.maxShift());
    double shiftY = RateLimit.clamp(c.bodyY, -settings.maxShift(), settings.maxShift());
    shiftX += selection.shiftX();
    shiftY += selection.shiftY();
    p.shiftX = shiftX;
    p.shiftY = shiftY;
    filter.clampPose(p);
    if (modes.settling()) {
      p.height = ModeMachine.settleHeight(robot); // lower than driving allows: the stop ends here
    }
    p.refresh();
    if (p.roll == filter.target.roll
        && p.pitch == filter.target.pitch
        && p.yaw == filter.target.yaw
        && p.shiftX == filter.target.shiftX
        && p.shiftY == filter.target.shiftY
        && p.height == filter.target.height) {
      return;
    }
    double bx = robot.body().comXM();
    double by = robot.body().comYM();
    double bz = robot.body().comZM();
    double cx = p.groundX(bx, by, bz);
    double cy = p.groundY(bx, by, bz);
    double m;
    if (mode == Mode.WALKING) {
      double nominalX = bx + selection.shiftX();
      double nominalY = by + selection.shiftY();
      m =
          gaits.worstMargin(selection.gaitIndex(), selection.failedLeg())
              - Math.hypot(cx - nominalX, cy - nominalY);
    } else {
      m = planner.supportMargin(cx, cy, -1);
    }
    if (m < settings.minMargin()) {
      notice = Notice.POSE_REFUSED_UNSTABLE;
      filter.target.height = p.height; // height never moves the CoM sideways; let it through
      return;
    }
    filter.target.set(p);
  }

  /** Called by the mode machine when walking starts. */
  void onStartWalking() {
    planner.startWalking();
  }

  /**
   * Called by the mode machine when a category 1 E-stop begins: the body descends to the settle
   * height (belly just above flat ground, {@link ModeMachine#settleHeight}) at the configured rate,
   * or faster when that would not finish within three quarters of {@code settleMaxS} (seconds), so
   * the power is cut with the body down, not at the bound.
   */
  void onSettle(double settleMaxS) {
    double drop = Math.max(0, filter.pose.height - settleHeight());
    filter.heightRateOverride = Math.max(settings.heightRate(), drop / (0.75 * settleMaxS));
  }

  /** Called by the mode machine when it powers on: feet to neutral, body at sitting height. */
  void onPowerOn() {
    filter.heightRateOverride = 0;
    health.clear(); // a power cycle is the operator's word that the leg is sound again
    planner.placeAllAtNeutral();
    rolling.reset();
    leveler.reset();
    ground.reset();
    sitPose.height = robot.stance().sitHeightM();
    sitPose.refresh();
    filter.reset(sitPose);
  }

  /** Body height a settling E-stop ends at, m. */
  double settleHeight() {
    return ModeMachine.settleHeight(robot);
  }

  /** Sitting body height, m. */
  double sitHeight() {
    return robot.stance().sitHeightM();
  }

  @Override
  public void enterFault(Throwable cause) {
    latchFault(Notice.FAULT_LATCHED);
  }

  /**
   * Input values refused since start: commands with a refused field, gait advice, safety limits
   * (counted per tick), and sensor readings with a dropped group. Control thread.
   */
  public long refusedInputs() {
    return inputs.refusedInputs() + guard.dropped();
  }

  /** Times FAULT was latched since start, for any reason. Control thread. */
  public long faultsLatched() {
    return inputFaults;
  }

  private void publish(long nowNanos, Mode mode, RobotState state, JointCommand out) {
    Telemetry t = telemetry;
    t.stampNanos = nowNanos;
    t.mode = mode;
    t.gaitIndex = selection.gaitIndex();
    t.vx = filter.vx;
    t.vy = filter.vy;
    t.yawRate = filter.wz;
    t.stabilityMargin = stabilityMargin;
    t.safetyScale = safetyScale;
    int stance = 0;
    int swing = 0;
    for (int i = 0; i < LegId.COUNT; i++) {
      if (planner.isSwinging(i)) {
        swing |= 1 << i;
      } else if (!planner.isFailed(i)) {
        stance++;
      }
      t.legPhase[i] = planner.legPhase(i);
    }
    t.stanceCount = stance;
    t.swingMask = swing;
    t.failedLegMask = selection.failedLeg() >= 0 ? 1 << selection.failedLeg() : 0;
    t.detectedFailedLegMask = health.detectedMask();
    t.legFailureEvidence = health.evidence();
    t.legFailureJoint = health.joint();
    t.legFailureDetectedNanos = health.detectedNanos();
    t.legFailureConfirmed = health.confirmed();
    t.legObstructions = health.obstructions();
    t.notice = noticeFor(nowNanos, mode);
    t.deferredLiftoffs = planner.deferredLiftoffs();
    t.ikLimitHits = ikLimitHits;
    System.arraycopy(out.position, 0, t.jointTarget, 0, Joints.COUNT);
    t.odomX = odometry.x();
    t.odomY = odometry.y();
    t.odomYaw = odometry.yaw();
    t.copyMeasured(state);
    inputs.advisorToPack(t);
    ground.toPack(t, auto);
    if (telemetryOut != null) {
      telemetryOut.offer(t);
    }
    inputs.feedAdvisor(t);
  }

  // A latched stop's reason first, then a refused input held for a while (a one-tick notice would
  // slip between two 10 Hz telemetry messages), then this tick's own.
  private Notice noticeFor(long nowNanos, Mode mode) {
    if (mode == Mode.FAULT || mode == Mode.ESTOP) {
      return notice != Notice.NONE ? notice : modes.notice();
    }
    Notice refused = held.at(nowNanos);
    if (refused != Notice.NONE) {
      return refused;
    }
    Notice n = notice != Notice.NONE ? notice : modes.notice();
    if (n != Notice.NONE || health.leg() < 0) {
      return n;
    }
    return health.testing() && !health.confirmed()
        ? Notice.LEG_CHECKING
        : Notice.LEG_FAILURE_DETECTED;
  }

  /**
   * Connects a gait advisor (the learned terrain policy): its latest {@link GaitSetting}, while
   * active, is laid over commands that leave the gait to the robot, inside the terrain selector's
   * safe set and never faster than commanded ({@code AdvisorBounds}). Call before the loop starts.
   */
  public void setGaitAdvisor(Mailbox<GaitSetting> advice) {
    inputs.setGaitAdvisor(advice, null, 0);
  }

  /**
   * As {@link #setGaitAdvisor(Mailbox)}, for an advisor on its own thread: the controller also
   * offers each tick's telemetry into {@code advisorTelemetry} (the advisor's own mailbox, so it
   * does not compete with other telemetry readers), and when no advice has arrived for {@code
   * staleS} seconds of controller time, telemetry reports {@link GaitSetting.Status#STALE} while
   * the last posted setting holds. Call before the loop starts.
   */
  public void setGaitAdvisor(
      Mailbox<GaitSetting> advice, Mailbox<Telemetry> advisorTelemetry, double staleS) {
    inputs.setGaitAdvisor(advice, advisorTelemetry, staleS);
  }

  /** The gait library this controller runs (any thread). */
  public GaitLibrary gaits() {
    return gaits;
  }

  /** Last telemetry computed (control thread only; others use the mailbox). */
  public Telemetry telemetry() {
    return telemetry;
  }

  /** Kinematics of one leg (for FK in traces and tests). */
  public LegKinematics kinematics(LegId leg) {
    return legs[leg.ordinal()];
  }

  /** The leg failure detector (control thread only). */
  public LegHealthMonitor legHealth() {
    return health;
  }

  /** Current step planner (control thread only). */
  StepPlanner planner() {
    return planner;
  }
}
