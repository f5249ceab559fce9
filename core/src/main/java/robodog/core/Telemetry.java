package robodog.core;

/**
 * A snapshot of the controller after a tick, for operators, logs, plots and tests. Published by the
 * control thread through a {@link Mailbox}; copy with {@link #copyFrom}.
 *
 * <p>Units: SI; foot positions in base_link (m), joint targets in rad, margin in m.
 */
public final class Telemetry {
  public long stampNanos;

  /**
   * {@link MotionCommand#seq} of the command this tick's joint targets were computed from (0 before
   * any numbered command).
   */
  public long commandSeq;

  public Mode mode = Mode.PASSIVE;
  public int gaitIndex;

  /** Velocity actually commanded after rate and speed limits, m/s and rad/s. */
  public double vx;

  public double vy;
  public double yawRate;

  /** Static stability margin of the current support polygon, m; negative = outside. */
  public double stabilityMargin;

  /** Legs currently in stance (not counting failed legs). */
  public int stanceCount;

  /** Bit per leg ordinal: leg in swing now. */
  public int swingMask;

  /** Bit per leg ordinal: leg marked failed and folded. */
  public int failedLegMask;

  /** Latest refusal or limit the controller applied (see {@link Notice}). */
  public Notice notice = Notice.NONE;

  /** Lift-offs postponed because they would have made the margin negative, since start. */
  public long deferredLiftoffs;

  /** IK targets clamped at a joint limit or reach, since start. */
  public long ikLimitHits;

  /** Per-leg phase in [0, 1) of its own cycle. */
  public final double[] legPhase = new double[LegId.COUNT];

  /** Foot targets in base_link, x y z per leg (18 values). */
  public final double[] footPosition = new double[LegId.COUNT * 3];

  /** Joint targets sent, rad. */
  public final double[] jointTarget = new double[Joints.COUNT];

  /** Joint positions measured by the hardware, rad (what {@code /joint_states} reports). */
  public final double[] jointPosition = new double[Joints.COUNT];

  /** Measured joint velocities, rad/s. */
  public final double[] jointVelocity = new double[Joints.COUNT];

  /** Odometry: base_link position in the odom frame, m (REP-105; starts at 0 at power-on). */
  public double odomX;

  public double odomY;

  /** Odometry heading, rad, counter-clockwise from odom x. */
  public double odomYaw;

  /** IMU orientation quaternion w, x, y, z (body in the world-level frame) as last read. */
  public final double[] imuOrientation = {1, 0, 0, 0};

  /** IMU angular velocity, rad/s, body frame. */
  public final double[] imuAngularVelocity = new double[3];

  /** IMU specific force, m/s², body frame. */
  public final double[] imuLinearAcceleration = new double[3];

  /** Battery voltage, V; NaN if unknown. */
  public double batteryVolts = Double.NaN;

  /**
   * Battery state of charge, %, 0..100, from {@link #batteryVolts} on {@link BatteryCharge}'s curve
   * for the robot's pack; NaN if the voltage is unknown.
   */
  public double batteryPercent = Double.NaN;

  /** Bit per leg ordinal: the hardware reports the foot touching (0 without contact sensing). */
  public int contactMask;

  /** State of the gait advisor (learned terrain policy) the controller last saw. */
  public GaitSetting.Status gaitAdvisor = GaitSetting.Status.NONE;

  /**
   * The crew-safety speed scale the controller applied this tick (0..1; 1 when no perception is
   * connected or nobody is near).
   */
  public double safetyScale = 1.0;

  /** True while the advisor's setting is laid over the operator's command. */
  public boolean advisorActive;

  /** Gait row the advisor set, or -1 when the operator's gait applies. */
  public int advisorGait = -1;

  /** Factor the advisor put on the operator's velocity; 1 when inactive. */
  public double advisorSpeedScale = 1;

  /** Step height the advisor set, m; NaN when the operator's applies. */
  public double advisorStepHeight = Double.NaN;

  /** Body height the advisor set, m; NaN when the operator's applies. */
  public double advisorBodyHeight = Double.NaN;

  /**
   * True when the advisor asked for more than its bounds allow this tick (faster than commanded, a
   * gait outside the terrain selector's safe set, a step or body height out of range) or yielded to
   * an explicit gait, step or body height: the fields above show what was laid, not the wish.
   */
  public boolean advisorClamped;

  /** What the controller made of the ground (see {@link GroundCall}). */
  public GroundCall groundCall = GroundCall.SMOOTH;

  /** True while the controller chooses the gait from the ground (nobody chose one). */
  public boolean gaitAuto;

  /** Estimated foot sliding speed, m/s. */
  public double slipMps;

  /** Largest recent touch-down height deviation from the plan, m. */
  public double unevennessM;

  /** Rise (positive) or fall of the ground under the stance feet over the last seconds, m. */
  public double climbM;

  /** Commanded minus measured body height over the stance feet, m (0 without contact sensing). */
  public double bodySagM;

  /** The camera's terrain class of the ground ahead, or null without one (a shared string). */
  public String terrainAhead;

  /** Balance recoveries (stop, step the feet back under the body, go on) since start. */
  public long recoveries;

  /**
   * Bit per leg ordinal: the leg the controller itself declared failed (latched until the next
   * power-on); it is also in {@link #failedLegMask} when folded. 0 = none.
   */
  public int detectedFailedLegMask;

  /** Why that leg was declared failed; {@link LegFailureEvidence#NONE} when none. */
  public LegFailureEvidence legFailureEvidence = LegFailureEvidence.NONE;

  /** Joint index ({@link Joints#index}) behind joint evidence, or -1. */
  public int legFailureJoint = -1;

  /** Loop time the leg was declared failed, ns; 0 when none. */
  public long legFailureDetectedNanos;

  /**
   * True when that detection is certain; false while the folded leg's joint is still being tested
   * in the air (it may prove only obstructed), and when none.
   */
  public boolean legFailureConfirmed;

  /** Suspected legs that proved sound in the air (obstructed, not broken) since start. */
  public int legObstructions;

  /** Copies what the hardware measured (joints, IMU, battery, foot contacts); allocation-free. */
  public void copyMeasured(RobotState s) {
    System.arraycopy(s.jointPosition, 0, jointPosition, 0, Joints.COUNT);
    System.arraycopy(s.jointVelocity, 0, jointVelocity, 0, Joints.COUNT);
    System.arraycopy(s.imuOrientation, 0, imuOrientation, 0, 4);
    System.arraycopy(s.imuAngularVelocity, 0, imuAngularVelocity, 0, 3);
    System.arraycopy(s.imuLinearAcceleration, 0, imuLinearAcceleration, 0, 3);
    batteryVolts = s.batteryVolts;
    batteryPercent = BatteryCharge.percent(s.batteryVolts, BatteryCharge.ROBOT_CELLS);
    int contacts = 0;
    for (int i = 0; i < LegId.COUNT; i++) {
      if (s.contactsValid && s.footContact[i]) {
        contacts |= 1 << i;
      }
    }
    contactMask = contacts;
  }

  /** Copies every field; allocation-free. */
  public void copyFrom(Telemetry o) {
    stampNanos = o.stampNanos;
    commandSeq = o.commandSeq;
    mode = o.mode;
    gaitIndex = o.gaitIndex;
    vx = o.vx;
    vy = o.vy;
    yawRate = o.yawRate;
    stabilityMargin = o.stabilityMargin;
    stanceCount = o.stanceCount;
    swingMask = o.swingMask;
    failedLegMask = o.failedLegMask;
    notice = o.notice;
    deferredLiftoffs = o.deferredLiftoffs;
    ikLimitHits = o.ikLimitHits;
    System.arraycopy(o.legPhase, 0, legPhase, 0, LegId.COUNT);
    System.arraycopy(o.footPosition, 0, footPosition, 0, LegId.COUNT * 3);
    System.arraycopy(o.jointTarget, 0, jointTarget, 0, Joints.COUNT);
    System.arraycopy(o.jointPosition, 0, jointPosition, 0, Joints.COUNT);
    System.arraycopy(o.jointVelocity, 0, jointVelocity, 0, Joints.COUNT);
    odomX = o.odomX;
    odomY = o.odomY;
    odomYaw = o.odomYaw;
    System.arraycopy(o.imuOrientation, 0, imuOrientation, 0, 4);
    System.arraycopy(o.imuAngularVelocity, 0, imuAngularVelocity, 0, 3);
    System.arraycopy(o.imuLinearAcceleration, 0, imuLinearAcceleration, 0, 3);
    batteryVolts = o.batteryVolts;
    batteryPercent = o.batteryPercent;
    contactMask = o.contactMask;
    gaitAdvisor = o.gaitAdvisor;
    safetyScale = o.safetyScale;
    advisorActive = o.advisorActive;
    advisorGait = o.advisorGait;
    advisorSpeedScale = o.advisorSpeedScale;
    advisorStepHeight = o.advisorStepHeight;
    advisorBodyHeight = o.advisorBodyHeight;
    advisorClamped = o.advisorClamped;
    groundCall = o.groundCall;
    gaitAuto = o.gaitAuto;
    slipMps = o.slipMps;
    unevennessM = o.unevennessM;
    climbM = o.climbM;
    bodySagM = o.bodySagM;
    recoveries = o.recoveries;
    terrainAhead = o.terrainAhead;
    detectedFailedLegMask = o.detectedFailedLegMask;
    legFailureEvidence = o.legFailureEvidence;
    legFailureJoint = o.legFailureJoint;
    legFailureDetectedNanos = o.legFailureDetectedNanos;
    legFailureConfirmed = o.legFailureConfirmed;
    legObstructions = o.legObstructions;
  }
}
