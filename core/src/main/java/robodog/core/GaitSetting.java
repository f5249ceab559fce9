package robodog.core;

/**
 * Gait settings chosen by an advisor off the control thread (the learned terrain policy), laid over
 * the operator's {@link MotionCommand} by the controller while {@link #active}: gait row, speed
 * scale of the commanded velocity, step height and body height. Mutable value type handed over
 * through a {@link Mailbox}; copy with {@link #copyFrom}.
 *
 * <p>Units: m; {@code speedScale} is dimensionless (1 = the operator's velocity). {@code NaN} or
 * {@code -1} keeps the operator's value for that field.
 */
public final class GaitSetting {
  /** Why the advisor's output is what it is; shown in telemetry. */
  public enum Status {
    /** No advisor configured. */
    NONE,
    /** The policy is running and its last output was used. */
    OK,
    /** Switched off by the operator: the operator's own settings apply. */
    DISABLED,
    /** The model file was missing or unreadable: the last safe setting holds. */
    NO_MODEL,
    /** The last output was NaN or out of range: the last safe setting holds. */
    BAD_OUTPUT,
    /** Inference took longer than its budget: the last safe setting holds. */
    SLOW,
    /**
     * Set by the controller, not the advisor: no advice arrived for longer than the stale time (the
     * advisor thread is late, hung or gone); the last setting it posted, which was a safe one,
     * holds.
     */
    STALE
  }

  /** True: the controller applies these settings over the operator's command. */
  public boolean active;

  /** Gait row index, or -1 to keep the operator's. */
  public int gaitIndex = -1;

  /** Factor on the commanded vx, vy and yaw rate, in (0, 2]. */
  public double speedScale = 1;

  /** Step height, m; NaN keeps the operator's. */
  public double stepHeight = Double.NaN;

  /** Body height, m; NaN keeps the operator's. */
  public double bodyHeight = Double.NaN;

  public Status status = Status.NONE;

  /**
   * True when every field is usable: speed scale finite in (0, 2], step height NaN or 0..0.5 m,
   * body height NaN or 0..1 m, gait index -1 or more, status set. The controller refuses advice
   * that is not (the previous advice holds). Allocation-free; any thread.
   */
  public boolean isValid() {
    return speedScale > 0
        && speedScale <= 2
        && (Double.isNaN(stepHeight) || (stepHeight >= 0 && stepHeight <= 0.5))
        && (Double.isNaN(bodyHeight) || (bodyHeight >= 0 && bodyHeight <= 1))
        && gaitIndex >= -1
        && status != null;
  }

  /** Copies every field; allocation-free. */
  public void copyFrom(GaitSetting o) {
    active = o.active;
    gaitIndex = o.gaitIndex;
    speedScale = o.speedScale;
    stepHeight = o.stepHeight;
    bodyHeight = o.bodyHeight;
    status = o.status;
  }

  /** Overlays these settings on {@code cmd} in place (allocation-free); no-op when inactive. */
  public void applyTo(MotionCommand cmd) {
    if (!active) {
      return;
    }
    if (gaitIndex >= 0) {
      cmd.gaitIndex = gaitIndex;
    }
    if (speedScale > 0 && speedScale <= 2) {
      cmd.vx *= speedScale;
      cmd.vy *= speedScale;
      cmd.yawRate *= speedScale;
    }
    if (!Double.isNaN(stepHeight)) {
      cmd.stepHeight = stepHeight;
    }
    if (!Double.isNaN(bodyHeight)) {
      cmd.bodyHeight = bodyHeight;
    }
  }
}
