package robodog.harness.learn;

import java.io.PrintWriter;
import java.util.function.Consumer;
import robodog.core.Clock;
import robodog.core.JointCommand;
import robodog.core.Mailbox;
import robodog.core.Mode;
import robodog.core.MotionCommand;
import robodog.core.Telemetry;
import robodog.core.jobs.PeriodicJobs;
import robodog.harness.RobotFactory;
import robodog.harness.SimulatedRobot;
import robodog.harness.sim.WorldBody;
import robodog.locomotion.HexapodController;
import robodog.locomotion.LocomotionConfig;
import robodog.sim.terrain.SegmentTerrain;

/**
 * The robot's own assembly (any {@link RobotFactory}), seen through a trace for the evaluation:
 * after every control tick it adds the tick's time to the walked gait, step height and body height
 * under the segment kind below the body, and it notes when the goal was reached so the run can stop
 * there. With an explicit preset every command the run posts is passed on with the preset's gait,
 * step height and body height (an explicit setting, as {@code cmd/gait} gives one; the advisor lays
 * nothing over it).
 *
 * <p>One instance per run, used on that run's control thread.
 */
final class TracedRobots implements RobotFactory {
  private final RobotFactory base;
  private final KindTrace trace;
  private final double goalM;
  private final int presetGait;
  private final double presetStepM;
  private final double presetBodyM;
  private volatile boolean goal;
  private double goalTimeS = Double.NaN;

  /**
   * @param goalM distance along +x that ends the run, m
   * @param presetGait gait row to post explicitly, or -1 to leave the run's commands as they are
   * @param presetStepM step height of the preset, m (with {@code presetGait})
   * @param presetBodyM body height of the preset, m (with {@code presetGait})
   */
  TracedRobots(
      RobotFactory base,
      KindTrace trace,
      double goalM,
      int presetGait,
      double presetStepM,
      double presetBodyM) {
    this.base = base;
    this.trace = trace;
    this.goalM = goalM;
    this.presetGait = presetGait;
    this.presetStepM = presetStepM;
    this.presetBodyM = presetBodyM;
  }

  /** True once the body passed the goal (any thread: the run's stop condition). */
  boolean goalReached() {
    return goal;
  }

  /** Simulated time at the goal, s, or NaN. */
  double goalTimeS() {
    return goalTimeS;
  }

  @Override
  public SimulatedRobot assemble(
      LocomotionConfig cfg, WorldBody body, Clock clock, RobotFactory.Setup setup, PrintWriter out)
      throws Exception {
    SimulatedRobot r = base.assemble(cfg, body, clock, setup, out);
    SegmentTerrain seg = SegmentTerrain.find(body.world().terrain());
    return new Traced(r, body, seg, cfg);
  }

  private final class Traced implements SimulatedRobot {
    private final SimulatedRobot r;
    private final WorldBody body;
    private final SegmentTerrain seg;
    private final double dt;
    private final double x0;
    private final Mailbox<MotionCommand> posted =
        new Mailbox<>(MotionCommand::new, (a, b) -> b.copyFrom(a));
    private final MotionCommand cmd = new MotionCommand();
    private final LocomotionConfig cfg;
    private double t;

    Traced(SimulatedRobot r, WorldBody body, SegmentTerrain seg, LocomotionConfig cfg) {
      this.r = r;
      this.body = body;
      this.seg = seg;
      this.cfg = cfg;
      this.dt = r.periodNanos() * 1e-9;
      this.x0 = body.world().bodyPosition().get0();
    }

    @Override
    public void step() throws InterruptedException {
      MotionCommand c = posted.poll();
      if (c != null) {
        cmd.copyFrom(c);
        if (presetGait >= 0) {
          cmd.gaitIndex = presetGait;
          cmd.stepHeight = presetStepM;
          cmd.bodyHeight = presetBodyM;
        }
        r.commands().offer(cmd);
      }
      r.step();
      t += dt;
      Telemetry tel = r.controller().telemetry();
      double x = body.world().bodyPosition().get0();
      if (tel.mode == Mode.WALKING && tel.gaitIndex >= 0) {
        String kind = seg == null ? "course" : seg.kindAt(x);
        double step =
            !Double.isNaN(cmd.stepHeight)
                ? cmd.stepHeight
                : tel.advisorActive && !Double.isNaN(tel.advisorStepHeight)
                    ? tel.advisorStepHeight
                    : cfg.gaits().get(tel.gaitIndex).stepHeightMeters();
        double ground = seg == null ? 0 : seg.heightAt(x, body.world().bodyPosition().get1());
        trace.add(
            kind == null ? "off-course" : kind,
            tel.gaitIndex,
            step,
            body.world().bodyPosition().get2() - ground,
            dt);
      }
      if (!goal && x - x0 >= goalM) {
        goalTimeS = t;
        goal = true;
      }
    }

    @Override
    public void startRealtime() {
      r.startRealtime();
    }

    @Override
    public HexapodController controller() {
      return r.controller();
    }

    @Override
    public Mailbox<MotionCommand> commands() {
      return posted;
    }

    @Override
    public JointCommand lastJointTargets() {
      return r.lastJointTargets();
    }

    @Override
    public long periodNanos() {
      return r.periodNanos();
    }

    @Override
    public void beforeTick(double simTimeS) {
      r.beforeTick(simTimeS);
    }

    @Override
    public String advisorSummary() {
      return r.advisorSummary();
    }

    @Override
    public String perceptionSummary() {
      return r.perceptionSummary();
    }

    @Override
    public PeriodicJobs jobs() {
      return r.jobs();
    }

    @Override
    public String missionsThread() {
      return r.missionsThread();
    }

    @Override
    public double missionsHz() {
      return r.missionsHz();
    }

    @Override
    public robodog.autonomy.DrivePort missionDrive() {
      return r.missionDrive();
    }

    @Override
    public robodog.operatorlink.OperatorLink link() {
      return r.link();
    }

    @Override
    public void addReportListener(Consumer<String> listener) {
      r.addReportListener(listener);
    }

    @Override
    public void close() {
      r.close();
    }
  }
}
