package robodog.app.robot;

import java.io.PrintWriter;
import java.util.function.Consumer;
import robodog.app.mission.LinkDrivePort;
import robodog.app.mission.MissionWiring;
import robodog.autonomy.DrivePort;
import robodog.core.Clock;
import robodog.core.JointCommand;
import robodog.core.Mailbox;
import robodog.core.MotionCommand;
import robodog.core.jobs.PeriodicJobs;
import robodog.harness.RobotFactory;
import robodog.harness.SimulatedRobot;
import robodog.harness.sim.WorldBody;
import robodog.locomotion.HexapodController;
import robodog.locomotion.LocomotionConfig;
import robodog.operatorlink.OperatorLink;

/**
 * The harness's robots: {@link Robot#assemble} on a {@link SimBody} over the harness's simulated
 * world, with the operator's side (broker, tablet, missions, ROS 2) when this factory was given
 * one. Start-up thread.
 */
public final class HarnessRobots implements RobotFactory {
  /** Headless robots: the operator link driven in process, no broker. */
  public static final HarnessRobots HEADLESS = new HarnessRobots(null);

  private final OperatorSide.Setup side;

  private HarnessRobots(OperatorSide.Setup side) {
    this.side = side;
  }

  /** Robots with the operator's side {@code side} (null: none, as {@link #HEADLESS}). */
  public static HarnessRobots withOperatorSide(OperatorSide.Setup side) {
    return side == null ? HEADLESS : new HarnessRobots(side);
  }

  @Override
  public SimulatedRobot assemble(
      LocomotionConfig cfg, WorldBody body, Clock clock, Setup s, PrintWriter out)
      throws Exception {
    RobotSetup setup =
        new RobotSetup(
            s.rateHz(),
            s.initialMode(),
            s.policyFile(),
            s.payload(),
            s.perception(),
            s.realtime(),
            side);
    return new InWorld(cfg, Robot.assemble(cfg, new SimBody(body), clock, setup, out), clock);
  }

  /** The assembled robot as the harness sees it. */
  private static final class InWorld implements SimulatedRobot {
    private final LocomotionConfig cfg;
    private final Robot robot;
    private final Clock clock;

    InWorld(LocomotionConfig cfg, Robot robot, Clock clock) {
      this.cfg = cfg;
      this.robot = robot;
      this.clock = clock;
    }

    @Override
    public void step() throws InterruptedException {
      robot.step();
    }

    @Override
    public void startRealtime() {
      robot.start(false);
    }

    @Override
    public HexapodController controller() {
      return robot.controller();
    }

    @Override
    public Mailbox<MotionCommand> commands() {
      return robot.commands();
    }

    @Override
    public JointCommand lastJointTargets() {
      return robot.lastJointTargets();
    }

    @Override
    public long periodNanos() {
      return robot.loop().periodNanos();
    }

    @Override
    public void beforeTick(double simTimeS) {
      if (robot.perception() != null) {
        robot.perception().beforeTick(simTimeS);
      }
    }

    @Override
    public String advisorSummary() {
      return robot.advisor() == null ? null : robot.advisor().summary(cfg.gaitTable().names());
    }

    @Override
    public String perceptionSummary() {
      return robot.perception() == null ? null : robot.perception().summary();
    }

    @Override
    public PeriodicJobs jobs() {
      return robot.jobs();
    }

    @Override
    public String missionsThread() {
      return Robot.MISSIONS_THREAD;
    }

    @Override
    public double missionsHz() {
      return MissionWiring.RATE_HZ;
    }

    @Override
    public DrivePort missionDrive() {
      return new LinkDrivePort(robot.link(), clock::nanoTime);
    }

    @Override
    public OperatorLink link() {
      return robot.link();
    }

    @Override
    public void addReportListener(Consumer<String> listener) {
      robot.addReportListener(listener);
    }

    @Override
    public void close() {
      robot.close();
    }
  }
}
