package robodog.locomotion.trace;

import java.io.IOException;
import java.io.Writer;
import java.util.Locale;
import robodog.core.ControlTask;
import robodog.core.IdealServoHardware;
import robodog.core.JointKind;
import robodog.core.LegId;
import robodog.core.LoopRunner;
import robodog.core.Mailbox;
import robodog.core.Mode;
import robodog.core.MotionCommand;
import robodog.core.SteppableClock;
import robodog.core.Telemetry;
import robodog.locomotion.HexapodController;
import robodog.locomotion.LocomotionConfig;

/**
 * Runs the controller on ideal servos with a stepped clock and writes one CSV row per leg per tick:
 * {@code t,leg,phase,foot_x,foot_y,foot_z,coxa,femur,tibia}. Joint angles are those sent to the
 * joints; the foot position is their forward kinematics in {@code base_link}, so the URDF puts
 * {@code <leg>_foot} exactly there. A failed, folded leg is reported as {@code swing}: it is off
 * the ground and carries no load.
 *
 * <p>Not for the control thread (it formats text); used by {@code ./robodog gait}.
 */
public final class GaitTrace {
  /** What a trace run did, for the CLI summary. */
  public record Summary(
      long ticks,
      double commandedVx,
      double achievedVx,
      double achievedVy,
      double achievedYawRate,
      double minMargin,
      long ikLimitHits,
      long deferredLiftoffs) {}

  private GaitTrace() {}

  /**
   * @param gaitIndex row of the gait library
   * @param failedLeg leg to mark failed, or null
   * @param rateHz control rate, Hz
   * @param durationS trace length, s
   */
  public static Summary run(
      LocomotionConfig config,
      int gaitIndex,
      double vx,
      double vy,
      double yawRate,
      LegId failedLeg,
      double durationS,
      double rateHz,
      Writer csv)
      throws IOException {
    Mailbox<MotionCommand> commands = LocomotionConfig.commandMailbox();
    HexapodController controller = config.newController(commands, null, Mode.STANDING);
    IdealServoHardware hw = new IdealServoHardware(config.standingJointAngles());
    ControlTask task = new ControlTask(hw, controller);
    long period = Math.round(1e9 / rateHz);
    LoopRunner loop = new LoopRunner(new SteppableClock(), period, task, "gait-trace");
    MotionCommand c = new MotionCommand();
    c.requestedMode = Mode.WALKING;
    c.vx = vx;
    c.vy = vy;
    c.yawRate = yawRate;
    c.gaitIndex = gaitIndex;
    c.failedLegMask = failedLeg == null ? 0 : 1 << failedLeg.ordinal();
    commands.offer(c);
    csv.write("t,leg,phase,foot_x,foot_y,foot_z,coxa,femur,tibia\n");
    long ticks = Math.round(durationS * rateHz);
    double[] foot = new double[3];
    double minMargin = Double.POSITIVE_INFINITY;
    double sumVx = 0;
    double sumVy = 0;
    double sumWz = 0;
    StringBuilder line = new StringBuilder(128);
    for (long k = 0; k < ticks; k++) {
      try {
        loop.runTicks(1);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted", e);
      }
      Telemetry t = controller.telemetry();
      double time = k / rateHz;
      minMargin = Math.min(minMargin, t.stabilityMargin);
      sumVx += t.vx;
      sumVy += t.vy;
      sumWz += t.yawRate;
      for (LegId leg : LegId.VALUES) {
        int j = leg.ordinal() * JointKind.COUNT;
        controller.kinematics(leg).forward(t.jointTarget, j, foot, 0);
        boolean swing =
            (t.swingMask & (1 << leg.ordinal())) != 0
                || (t.failedLegMask & (1 << leg.ordinal())) != 0;
        line.setLength(0);
        line.append(String.format(Locale.ROOT, "%.6f", time))
            .append(',')
            .append(leg.shortName())
            .append(',')
            .append(swing ? "swing" : "stance");
        for (double v : foot) {
          line.append(',').append(String.format(Locale.ROOT, "%.9f", v));
        }
        for (int q = 0; q < JointKind.COUNT; q++) {
          line.append(',').append(String.format(Locale.ROOT, "%.12f", t.jointTarget[j + q]));
        }
        line.append('\n');
        csv.write(line.toString());
      }
    }
    Telemetry t = controller.telemetry();
    return new Summary(
        ticks,
        vx,
        sumVx / Math.max(1, ticks),
        sumVy / Math.max(1, ticks),
        sumWz / Math.max(1, ticks),
        minMargin,
        t.ikLimitHits,
        t.deferredLiftoffs);
  }
}
