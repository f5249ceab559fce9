package robodog.locomotion;

import java.nio.file.Path;
import robodog.core.ControlTask;
import robodog.core.IdealServoHardware;
import robodog.core.LoopRunner;
import robodog.core.Mailbox;
import robodog.core.Mode;
import robodog.core.MotionCommand;
import robodog.core.SteppableClock;
import robodog.core.Telemetry;

/** The controller on perfect servos, stepped at 500 Hz by a stepped clock: a test fixture. */
final class WalkHarness {
  static final long PERIOD = 2_000_000L;
  static final double DT = PERIOD * 1e-9;

  final LocomotionConfig config;
  final Mailbox<MotionCommand> commands = LocomotionConfig.commandMailbox();
  final Mailbox<Telemetry> telemetry = LocomotionConfig.telemetryMailbox();
  final HexapodController controller;
  final IdealServoHardware hardware;
  final ControlTask task;
  final SteppableClock clock = new SteppableClock();
  final LoopRunner loop;
  final MotionCommand command = new MotionCommand();

  /** Body roll the IMU reports, rad (0: level); a test tips the robot over with it. */
  double imuRollRad;

  /**
   * True: the body reports foot contact as on flat ground (every foot not swinging is down), so the
   * controller senses the ground and picks its own gait; false: the ideal body's contact readings,
   * which the controller cannot use (it keeps its gait).
   */
  boolean feelsGround;

  WalkHarness(Mode initial) {
    this(initial, LocomotionConfig.load(Path.of("../config")));
  }

  WalkHarness(Mode initial, LocomotionConfig config) {
    this.config = config;
    controller = config.newController(commands, telemetry, initial);
    hardware = new IdealServoHardware(config.standingJointAngles());
    task = new ControlTask(new TiltedImu(), controller);
    loop = new LoopRunner(clock, PERIOD, task, "test-loop");
    command.requestedMode = initial;
    send();
  }

  void send() {
    commands.offer(command);
  }

  void walk(double vx, double vy, double wz) {
    command.requestedMode = Mode.WALKING;
    command.vx = vx;
    command.vy = vy;
    command.yawRate = wz;
    send();
  }

  void run(double seconds) {
    try {
      loop.runTicks(Math.round(seconds / DT));
    } catch (InterruptedException e) {
      throw new AssertionError(e);
    }
  }

  /** The ideal body with its IMU rolled by {@link #imuRollRad}. */
  private final class TiltedImu implements robodog.core.HardwarePort {
    @Override
    public void configure() {
      hardware.configure();
    }

    @Override
    public void activate() {
      hardware.activate();
    }

    @Override
    public void deactivate() {
      hardware.deactivate();
    }

    @Override
    public void read(long nowNanos, long periodNanos, robodog.core.RobotState out) {
      hardware.read(nowNanos, periodNanos, out);
      out.imuOrientation[0] = Math.cos(imuRollRad / 2);
      out.imuOrientation[1] = Math.sin(imuRollRad / 2);
      if (feelsGround) {
        out.contactsValid = true;
        for (int i = 0; i < robodog.core.LegId.COUNT; i++) {
          out.footContact[i] = !controller.planner().isSwinging(i);
        }
      }
    }

    @Override
    public void write(long nowNanos, long periodNanos, robodog.core.JointCommand command) {
      hardware.write(nowNanos, periodNanos, command);
    }

    @Override
    public void onError(Throwable cause) {
      hardware.onError(cause);
    }
  }

  Telemetry telemetry() {
    return controller.telemetry();
  }
}
