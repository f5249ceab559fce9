package robodog.locomotion;

import robodog.core.GaitSetting;
import robodog.core.Mailbox;
import robodog.core.Mode;
import robodog.core.MotionCommand;
import robodog.core.perception.SafetyLimit;

/**
 * What the controller reads each tick besides the robot's own state: the latest motion command
 * (teleop, autonomy, script), the gait advisor's setting laid over it (the learned terrain policy),
 * and perception's crew-safety speed scale. Each source is an optional mailbox from another thread;
 * a missing source changes nothing.
 *
 * <p>Control thread only (the setters before the loop starts); allocation-free.
 */
final class CommandInputs {
  private final Mailbox<MotionCommand> commands;
  private final MotionCommand idle = new MotionCommand();
  private final MotionCommand advised = new MotionCommand();
  private Mailbox<GaitSetting> advisor;
  private GaitSetting.Status advisorStatus = GaitSetting.Status.NONE;
  private Mailbox<SafetyLimit> safetyLimits;
  private long safetyStaleNanos;
  private double safetyStaleScale;

  /** Until a command arrives the controller holds {@code initialMode}. */
  CommandInputs(Mailbox<MotionCommand> commands, Mode initialMode) {
    this.commands = commands;
    idle.requestedMode = initialMode;
  }

  /** See {@link HexapodController#setSafetyLimits}. */
  void setSafetyLimits(Mailbox<SafetyLimit> limits, double staleS, double staleScale) {
    this.safetyLimits = limits;
    this.safetyStaleNanos = (long) (staleS * 1e9);
    this.safetyStaleScale = staleScale;
  }

  /** See {@link HexapodController#setGaitAdvisor}. */
  void setGaitAdvisor(Mailbox<GaitSetting> advice) {
    this.advisor = advice;
  }

  /**
   * The command for this tick: the newest one, with an active advisor's gait setting laid over it.
   * The returned object belongs to this class; read it during the tick only.
   */
  MotionCommand latest() {
    MotionCommand c = commands.latest();
    if (c == null) {
      c = idle;
    }
    GaitSetting advice = advisor == null ? null : advisor.latest();
    if (advice != null) {
      advisorStatus = advice.status;
      if (advice.active) {
        advised.copyFrom(c);
        advice.applyTo(advised);
        c = advised;
      }
    }
    return c;
  }

  /** The advisor's status as last seen (NONE without an advisor). */
  GaitSetting.Status advisorStatus() {
    return advisorStatus;
  }

  /**
   * Perception's speed scale, 0..1: 1 without a pipeline or before its first limit; the limit's own
   * scale while fresh; at most the stale scale when it is old or marked degraded (the pipeline runs
   * but does not see).
   */
  double safetyScale(long nowNanos) {
    SafetyLimit l = safetyLimits == null ? null : safetyLimits.latest();
    if (l == null) {
      return 1.0;
    }
    if (l.degraded || nowNanos - l.stampNanos > safetyStaleNanos) {
      return Math.min(safetyStaleScale, l.speedScale);
    }
    return l.speedScale;
  }
}
