package robodog.locomotion;

import robodog.core.GaitSetting;
import robodog.core.GroundCall;
import robodog.core.Mailbox;
import robodog.core.Mode;
import robodog.core.MotionCommand;
import robodog.core.Notice;
import robodog.core.Telemetry;
import robodog.core.perception.SafetyLimit;
import robodog.locomotion.terrain.AdvisorBounds;
import robodog.locomotion.terrain.TerrainGaitSelector;

/**
 * What the controller reads each tick besides the robot's own state: the latest motion command
 * (teleop, autonomy, script), the gait advisor's setting laid over it (the learned terrain policy),
 * and perception's crew-safety speed scale. Each source is an optional mailbox from another thread;
 * a missing source changes nothing.
 *
 * <p>The advisor obeys as a hard rule ({@link #advise}): it never overrides an explicit gait (the
 * command's whole setting is then walked as asked), never speeds the command up, and while the
 * robot picks its own gait it chooses only inside the safe set the terrain selector leaves ({@link
 * AdvisorBounds}). Telemetry says when its wish was clamped.
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
  private final AdvisorBounds bounds;
  // What advise() laid over this tick's command, for telemetry and the gait choice.
  private boolean laid;
  private boolean clamped;
  private int autoGait = -1;
  private double laidScale = 1;
  private double laidStep = Double.NaN;
  private double laidBody = Double.NaN;
  private Mailbox<SafetyLimit> safetyLimits;
  private long safetyStaleNanos;
  private double safetyStaleScale;

  /**
   * Until a command arrives the controller holds {@code initialMode}; {@code bounds} is the
   * advisor's safe set.
   */
  CommandInputs(Mailbox<MotionCommand> commands, Mode initialMode, AdvisorBounds bounds) {
    this.commands = commands;
    this.bounds = bounds;
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
   * The command for this tick: the newest one, and the advisor's newest setting taken in (laid over
   * by {@link #advise}). The returned object belongs to this class; read it during the tick only.
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
    }
    return c;
  }

  /**
   * Lays the active advisor's setting over {@code c}, bounded: nothing when {@code auto} is false
   * (an explicit gait, a failed leg's own gait, or a body that senses no contact: the command is
   * walked as asked); otherwise the speed scale at most 1, the gait, step and body height inside
   * the safe set of {@code selector}'s current call, and an explicit step or body height in the
   * command kept. Call once per tick after {@link #latest}; the gait to walk is then {@link
   * #autoGait}. The returned object belongs to this class; read it during the tick only.
   *
   * @param auto the robot picks its own gait this tick
   * @param selector the terrain selector as of its last update
   */
  MotionCommand advise(MotionCommand c, boolean auto, TerrainGaitSelector selector) {
    autoGait = selector.gaitIndex();
    laid = false;
    clamped = false;
    laidScale = 1;
    laidStep = Double.NaN;
    laidBody = Double.NaN;
    if (advice == null || !advice.active) {
      return c;
    }
    if (!auto) {
      clamped = true; // an explicit choice wins whole
      return c;
    }
    GroundCall call = selector.call();
    autoGait = bounds.gait(call, selector.gaitIndex(), advice.gaitIndex);
    laidScale = AdvisorBounds.speedScale(advice.speedScale);
    advised.copyFrom(c);
    advised.vx *= laidScale;
    advised.vy *= laidScale;
    advised.yawRate *= laidScale;
    if (Double.isNaN(c.stepHeight)) {
      laidStep = bounds.stepHeight(call, selector.stepHeight(), autoGait, advice.stepHeight);
      advised.stepHeight = laidStep;
    }
    if (Double.isNaN(c.bodyHeight)) {
      laidBody = bounds.bodyHeight(call, advice.bodyHeight);
      advised.bodyHeight = laidBody;
    }
    laid = true;
    clamped =
        (advice.gaitIndex >= 0 && advice.gaitIndex != autoGait)
            || laidScale != advice.speedScale
            || !same(laidStep, advice.stepHeight)
            || !same(laidBody, advice.bodyHeight);
    return advised;
  }

  private static boolean same(double a, double b) {
    return a == b || (Double.isNaN(a) && Double.isNaN(b));
  }

  /**
   * The gait row to walk while the robot picks its own gait: the selector's, or the advisor's
   * choice inside the safe set, as of this tick's {@link #advise}.
   */
  int autoGait() {
    return autoGait;
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

  /**
   * Writes the advisor's status, the setting laid over this tick's command (what the bounds let
   * through, not what the advisor asked) and whether its wish was clamped into {@code t}.
   */
  void advisorToPack(Telemetry t) {
    t.gaitAdvisor = advisorStatus;
    t.advisorActive = laid;
    t.advisorGait = laid ? autoGait : -1;
    t.advisorSpeedScale = laid ? laidScale : 1;
    t.advisorStepHeight = laid ? laidStep : Double.NaN;
    t.advisorBodyHeight = laid ? laidBody : Double.NaN;
    t.advisorClamped = clamped;
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
