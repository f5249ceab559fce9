package robodog.harness;

import java.util.function.Consumer;
import robodog.autonomy.DrivePort;
import robodog.core.JointCommand;
import robodog.core.Mailbox;
import robodog.core.MotionCommand;
import robodog.core.jobs.PeriodicJobs;
import robodog.locomotion.HexapodController;
import robodog.operatorlink.OperatorLink;

/**
 * The robot, as assembled for every body, seen from a simulated world: what a closed-loop run, the
 * mission simulation and the training environment need of it, and nothing else. The harness never
 * builds the robot's pieces itself; a {@link RobotFactory} hands it one.
 *
 * <p>Threading: {@link #step}, {@link #startRealtime} and {@link #close} from the thread that
 * drives the run (the control thread while it steps); {@link #addReportListener} from any thread.
 */
public interface SimulatedRobot extends AutoCloseable {
  /**
   * One control tick on the calling thread; on a stepped clock then every side job that is due, in
   * lock step. The first call powers the hardware of a stepped robot.
   */
  void step() throws InterruptedException;

  /**
   * Real time: powers the hardware and starts the side jobs on their threads; the caller stays the
   * control thread and ticks with {@link #step}.
   */
  void startRealtime();

  HexapodController controller();

  /** The controller's command mailbox: scripted commands of a simulated world post here. */
  Mailbox<MotionCommand> commands();

  /** The joint targets the last tick wrote (control thread only). */
  JointCommand lastJointTargets();

  /** The control loop's period, ns. */
  long periodNanos();

  /**
   * Before simulating time {@code simTimeS} (s): the body's perception in lock step waits for the
   * frame due by then; nothing without perception.
   */
  void beforeTick(double simTimeS);

  /** The learned advisor's summary line(s), or null without an advisor. */
  String advisorSummary();

  /** The body's perception summary, or null when perception is off; after {@link #close}. */
  String perceptionSummary();

  /** The robot's side jobs: a simulated world may add its own beside them. */
  PeriodicJobs jobs();

  /** The thread the robot's missions job runs on (where a simulated world's autonomy goes). */
  String missionsThread();

  /** The rate the robot steps missions at, Hz. */
  double missionsHz();

  /** The port missions drive the robot through: the operator link, with its lease and watchdog. */
  DrivePort missionDrive();

  /** The operator link (lease, watchdog, velocity expiry), driven in process. */
  OperatorLink link();

  /** Also tells {@code listener} every refusal and failure the robot reports. Any thread. */
  void addReportListener(Consumer<String> listener);

  /** Stops the loop and jobs, turns every servo output off, closes perception and the advisor. */
  @Override
  void close();
}
