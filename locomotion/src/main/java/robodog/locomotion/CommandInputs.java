package robodog.locomotion;

import robodog.core.GaitSetting;
import robodog.core.Mailbox;
import robodog.core.Mode;
import robodog.core.MotionCommand;
import robodog.core.Notice;
import robodog.core.Telemetry;
import robodog.core.perception.SafetyLimit;

/**
 * What the controller reads each tick besides the robot's own state: the latest motion command
 * (teleop, autonomy, script), the gait advisor's setting laid over it (the learned terrain policy),
 * and perception's crew-safety speed scale. Each source is an optional mailbox from another thread;
 * a missing source changes nothing.
 *
 * <p>This is also the boundary where values from other threads are checked: a command field that is
 * not a finite number in range keeps its previous good value ({@link MotionCommand#copyValidFrom});
 * gait advice that is not usable is refused whole and the previous advice holds; a safety limit
 * that is not usable counts as degraded. Each refusal is reported by {@link #refusal()} for the
 * tick it happened in.
 *
 * <p>Control thread only (the setters before the loop starts); allocation-free.
 */
final class CommandInputs {
  private final Mailbox<MotionCommand> commands;
  private final MotionCommand idle = new MotionCommand();
  private final MotionCommand advised = new MotionCommand();
  // The last command taken from the mailbox, with any refused field at its previous good value.
  private final MotionCommand accepted = new MotionCommand();
  private boolean anyAccepted;
  private Notice refusal = Notice.NONE;
  private long refusedCommandFields;
  private long refusedAdvice;
  private long refusedLimits;
  private double lastGoodSafetyScale = 1.0;
  private Mailbox<GaitSetting> advisor;
  private GaitSetting.Status advisorStatus = GaitSetting.Status.NONE;
  private GaitSetting advice;
  private final GaitSetting goodAdvice = new GaitSetting();
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
    accepted.copyFrom(idle);
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
    refusal = Notice.NONE;
    MotionCommand fresh = commands.poll();
    if (fresh != null) {
      // Only a new command is checked: the mailbox hands back the same object until the next one.
      if (accepted.copyValidFrom(fresh) != 0) {
        refusedCommandFields++;
        refusal = Notice.COMMAND_FIELD_REFUSED;
      }
      anyAccepted = true;
    }
    MotionCommand c = anyAccepted ? accepted : idle;
    if (advisor != null) {
      GaitSetting freshAdvice = advisor.poll();
      if (freshAdvice != null) {
        lastAdviceNanos = nowNanos;
        if (freshAdvice.isValid()) {
          // A copy: the mailbox reuses its buffers once the next value is polled.
          goodAdvice.copyFrom(freshAdvice);
          advice = goodAdvice;
        } else {
          // A refused setting still proves the advisor is alive; the previous safe one holds.
          refusedAdvice++;
          refusal = Notice.GAIT_ADVICE_REFUSED;
        }
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

  /** What was refused on this tick's {@link #latest} or {@link #safetyScale}, or NONE. */
  Notice refusal() {
    return refusal;
  }

  /**
   * Commands with at least one refused field, gait settings and safety limits refused, since start.
   */
  long refusedInputs() {
    return refusedCommandFields + refusedAdvice + refusedLimits;
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
    if (!l.isValid()) {
      // A limit that is not a number is no limit at all: treat it as a pipeline that does not see,
      // and never allow more than the last good limit did.
      refusedLimits++;
      refusal = Notice.SAFETY_LIMIT_REFUSED;
      return Math.min(safetyStaleScale, lastGoodSafetyScale);
    }
    double scale = l.speedScale;
    if (l.degraded || nowNanos - l.stampNanos > safetyStaleNanos) {
      scale = Math.min(safetyStaleScale, l.speedScale);
    }
    lastGoodSafetyScale = scale;
    return scale;
  }
}
