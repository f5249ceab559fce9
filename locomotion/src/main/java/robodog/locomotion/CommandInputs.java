package robodog.locomotion;

import robodog.core.GaitSetting;
import robodog.core.Mailbox;
import robodog.core.Mode;
import robodog.core.MotionCommand;
import robodog.core.Telemetry;
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
  private GaitSetting advice;
  private long adviceStaleNanos = Long.MAX_VALUE;
  private long lastAdviceNanos;
  private Mailbox<Telemetry> advisorTelemetry;
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
  void setGaitAdvisor(
      Mailbox<GaitSetting> advice, Mailbox<Telemetry> advisorTelemetry, double staleS) {
    this.advisor = advice;
    this.advisorTelemetry = advisorTelemetry;
    this.adviceStaleNanos = staleS > 0 ? (long) (staleS * 1e9) : Long.MAX_VALUE;
  }

  /**
   * The command for this tick: the newest one, with an active advisor's gait setting laid over it.
   * The returned object belongs to this class; read it during the tick only.
   */
  MotionCommand latest(long nowNanos) {
    MotionCommand c = commands.latest();
    if (c == null) {
      c = idle;
    }
    if (advisor != null) {
      GaitSetting fresh = advisor.poll();
      if (fresh != null) {
        advice = fresh;
        lastAdviceNanos = nowNanos;
      }
    }
    if (advice != null) {
      advisorStatus =
          nowNanos - lastAdviceNanos > adviceStaleNanos ? GaitSetting.Status.STALE : advice.status;
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

  /** Writes the advisor's status and the setting laid over this tick's command into {@code t}. */
  void advisorToPack(Telemetry t) {
    t.gaitAdvisor = advisorStatus;
    boolean on = advice != null && advice.active;
    t.advisorActive = on;
    t.advisorGait = on ? advice.gaitIndex : -1;
    t.advisorSpeedScale = on ? advice.speedScale : 1;
    t.advisorStepHeight = on ? advice.stepHeight : Double.NaN;
    t.advisorBodyHeight = on ? advice.bodyHeight : Double.NaN;
  }

  /** Hands the tick's telemetry to the advisor, when it asked for it (allocation-free). */
  void feedAdvisor(Telemetry t) {
    if (advisorTelemetry != null) {
      advisorTelemetry.offer(t);
    }
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
