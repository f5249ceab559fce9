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

  /** Gait row index in the gait table; -1 keeps the current gait. */
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
