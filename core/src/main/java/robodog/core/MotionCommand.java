package robodog.core;

/**
 * What an operator, the autonomy layer or a script asks of the controller: a mode request,
 * velocity, body pose, gait, failed-leg marks. Mutable value type handed to the control thread
 * through a {@link Mailbox}; the controller rate-limits everything it finds here.
 *
 * <p>Units: m/s, rad/s, m, rad. Body pose is relative to the neutral stance (height is absolute,
 * above the ground). Not thread-safe; copy with {@link #copyFrom}.
 */
public final class MotionCommand {
  /** The mode the sender wants. */
  public Mode requestedMode = Mode.STANDING;

  /**
   * The velocity below is valid until this time, ns, in the control loop's clock (on the robot and
   * in a realtime simulation, {@link System#nanoTime()}); from then on the controller brings the
   * robot to a controlled stop by itself. The operator link sets it to the earlier of the command's
   * ttl and its watchdog, so a stop begins within one control tick of the deadline even when the
   * link's own thread is late. {@link Long#MAX_VALUE}: no deadline.
   */
  public long velocityDeadlineNanos = Long.MAX_VALUE;

  /**
   * A number the sender changes with every command it posts (the operator link counts up from 1; 0
   * = a sender that does not number its commands). The controller reports the number of the command
   * each tick used in {@link Telemetry#commandSeq}, so the time from an operator's publish to the
   * first joint targets computed from it can be measured.
   */
  public long seq;

  /** Forward velocity, m/s, base_link x. */
  public double vx;

  /** Leftward velocity, m/s, base_link y. */
  public double vy;

  /** Yaw rate, rad/s, counter-clockwise seen from above. */
  public double yawRate;

  /** Body height above ground, m; {@code NaN} keeps the configured neutral height. */
  public double bodyHeight = Double.NaN;

  public double bodyRoll;
  public double bodyPitch;
  public double bodyYaw;

  /** Body shift over the feet, m. */
  public double bodyX;

  public double bodyY;

  /**
   * Gait row index in the gait table, an explicit choice the controller walks as asked; -1 leaves
   * the gait to the robot, which picks it from the ground it senses (a body that senses no contact
   * keeps its current gait).
   */
  public int gaitIndex = -1;

  /** Step height override, m; {@code NaN} keeps the gait's own. */
  public double stepHeight = Double.NaN;

  /** Bit {@code 1 << leg.ordinal()} set means that leg is failed and must be folded. */
  public int failedLegMask;

  /** E-stop request: true engages the latched E-STOP; only a release request leaves it. */
  public boolean estop;

  /**
   * With {@code estop}: cut servo power at once (category 0) even where a software E-stop would
   * first settle the body (category 1). The operator link keeps it set from a cut engage until the
   * release, so a later engage without cut cannot soften a stop already asked to cut.
   */
  public boolean estopCut;

  /**
   * Release requests this sender has made so far. The controller leaves a latched E-STOP (or FAULT)
   * when the count has grown since the latch and {@code estop} is false and the button is up. A
   * counter, not a flag: a latest-value mailbox may hand the controller an engage and the following
   * release with nothing in between, and a flag left set would undo the next E-stop.
   */
  public long estopReleaseCount;

  /**
   * Explicit mode requests this sender has made so far (an operator's sit, stand or walk). After an
   * E-stop release the controller stays PASSIVE until this count grows: a mode asked for before the
   * E-stop never powers the robot up again by itself.
   */
  public long modeRequestCount;

  /** Largest accepted |vx|, |vy|, m/s: beyond any gait, far beyond any sane sender. */
  public static final double MAX_SPEED_MPS = 10;

  /** Largest accepted |yawRate|, rad/s. */
  public static final double MAX_YAW_RATE = 20;

  /** Largest accepted |bodyRoll|, |bodyPitch|, |bodyYaw|, rad. */
  public static final double MAX_ANGLE_RAD = Math.PI;

  /** Largest accepted |bodyX|, |bodyY|, m. */
  public static final double MAX_SHIFT_M = 1;

  /** Largest accepted body height, m ({@code NaN} also accepted: the neutral height). */
  public static final double MAX_HEIGHT_M = 1;

  /** Largest accepted step height, m ({@code NaN} also accepted: the gait's own). */
  public static final double MAX_STEP_HEIGHT_M = 0.5;

  /** Field bits of {@link #copyValidFrom}, in {@link #FIELD_NAMES} order. */
  public static final int VX = 1;

  public static final int VY = 1 << 1;
  public static final int YAW_RATE = 1 << 2;
  public static final int BODY_HEIGHT = 1 << 3;
  public static final int BODY_ROLL = 1 << 4;
  public static final int BODY_PITCH = 1 << 5;
  public static final int BODY_YAW = 1 << 6;
  public static final int BODY_X = 1 << 7;
  public static final int BODY_Y = 1 << 8;
  public static final int STEP_HEIGHT = 1 << 9;
  public static final int FAILED_LEG_MASK = 1 << 10;
  public static final int REQUESTED_MODE = 1 << 11;

  private static final String[] FIELD_NAMES = {
    "vx (m/s, |vx| <= 10)",
    "vy (m/s, |vy| <= 10)",
    "yaw_rate (rad/s, |yaw_rate| <= 20)",
    "body height (m, 0..1, or absent)",
    "body roll (rad, |roll| <= pi)",
    "body pitch (rad, |pitch| <= pi)",
    "body yaw (rad, |yaw| <= pi)",
    "body x (m, |x| <= 1)",
    "body y (m, |y| <= 1)",
    "step height (m, 0..0.5, or absent)",
    "failed legs (bits 0..5)",
    "requested mode (one of the modes)"
  };

  /**
   * Bit mask of the fields of this command that are not finite or out of the accepted range: {@code
   * 0} for a command the controller may use as it is. Allocation-free; any thread.
   */
  public int invalidFields() {
    int bad = 0;
    bad |= within(vx, MAX_SPEED_MPS) ? 0 : VX;
    bad |= within(vy, MAX_SPEED_MPS) ? 0 : VY;
    bad |= within(yawRate, MAX_YAW_RATE) ? 0 : YAW_RATE;
    bad |= optionalIn(bodyHeight, MAX_HEIGHT_M) ? 0 : BODY_HEIGHT;
    bad |= within(bodyRoll, MAX_ANGLE_RAD) ? 0 : BODY_ROLL;
    bad |= within(bodyPitch, MAX_ANGLE_RAD) ? 0 : BODY_PITCH;
    bad |= within(bodyYaw, MAX_ANGLE_RAD) ? 0 : BODY_YAW;
    bad |= within(bodyX, MAX_SHIFT_M) ? 0 : BODY_X;
    bad |= within(bodyY, MAX_SHIFT_M) ? 0 : BODY_Y;
    bad |= optionalIn(stepHeight, MAX_STEP_HEIGHT_M) ? 0 : STEP_HEIGHT;
    bad |= (failedLegMask & ~((1 << LegId.COUNT) - 1)) == 0 ? 0 : FAILED_LEG_MASK;
    bad |= requestedMode != null ? 0 : REQUESTED_MODE;
    return bad;
  }

  /**
   * What the fields in {@code mask} ({@link #invalidFields}) are and what they must be, for an
   * operator-readable refusal. Allocates; not for the control thread.
   */
  public static String describe(int mask) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < FIELD_NAMES.length; i++) {
      if ((mask & (1 << i)) != 0) {
        sb.append(sb.length() == 0 ? "" : ", ").append(FIELD_NAMES[i]);
      }
    }
    return sb.toString();
  }

  /**
   * Copies every field of {@code o} that is finite and in range; a field that is not keeps this
   * command's value (the previous good one). Returns the refused fields as {@link #invalidFields}
   * bits, 0 when everything was taken. Allocation-free.
   */
  public int copyValidFrom(MotionCommand o) {
    int bad = o.invalidFields();
    requestedMode = (bad & REQUESTED_MODE) == 0 ? o.requestedMode : requestedMode;
    velocityDeadlineNanos = o.velocityDeadlineNanos;
    seq = o.seq;
    vx = (bad & VX) == 0 ? o.vx : vx;
    vy = (bad & VY) == 0 ? o.vy : vy;
    yawRate = (bad & YAW_RATE) == 0 ? o.yawRate : yawRate;
    bodyHeight = (bad & BODY_HEIGHT) == 0 ? o.bodyHeight : bodyHeight;
    bodyRoll = (bad & BODY_ROLL) == 0 ? o.bodyRoll : bodyRoll;
    bodyPitch = (bad & BODY_PITCH) == 0 ? o.bodyPitch : bodyPitch;
    bodyYaw = (bad & BODY_YAW) == 0 ? o.bodyYaw : bodyYaw;
    bodyX = (bad & BODY_X) == 0 ? o.bodyX : bodyX;
    bodyY = (bad & BODY_Y) == 0 ? o.bodyY : bodyY;
    gaitIndex = o.gaitIndex;
    stepHeight = (bad & STEP_HEIGHT) == 0 ? o.stepHeight : stepHeight;
    failedLegMask = (bad & FAILED_LEG_MASK) == 0 ? o.failedLegMask : failedLegMask;
    estop = o.estop;
    estopCut = o.estopCut;
    estopReleaseCount = o.estopReleaseCount;
    modeRequestCount = o.modeRequestCount;
    return bad;
  }

  private static boolean within(double v, double limit) {
    return v >= -limit && v <= limit; // false for NaN
  }

  // NaN is the documented "keep the default" value of these fields; infinities are not.
  private static boolean optionalIn(double v, double max) {
    return Double.isNaN(v) || (v >= 0 && v <= max);
  }

  /** Copies every field; allocation-free. */
  public void copyFrom(MotionCommand o) {
    requestedMode = o.requestedMode;
    velocityDeadlineNanos = o.velocityDeadlineNanos;
    seq = o.seq;
    vx = o.vx;
    vy = o.vy;
    yawRate = o.yawRate;
    bodyHeight = o.bodyHeight;
    bodyRoll = o.bodyRoll;
    bodyPitch = o.bodyPitch;
    bodyYaw = o.bodyYaw;
    bodyX = o.bodyX;
    bodyY = o.bodyY;
    gaitIndex = o.gaitIndex;
    stepHeight = o.stepHeight;
    failedLegMask = o.failedLegMask;
    estop = o.estop;
    estopCut = o.estopCut;
    estopReleaseCount = o.estopReleaseCount;
    modeRequestCount = o.modeRequestCount;
  }
}
