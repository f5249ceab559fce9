package robodog.locomotion;

import java.nio.file.Files;
import java.nio.file.Path;
import robodog.core.LegId;
import robodog.core.Mailbox;
import robodog.core.Mode;
import robodog.core.MotionCommand;
import robodog.core.Telemetry;
import robodog.core.config.ConfigException;
import robodog.core.config.ConfigFiles;
import robodog.core.config.RobotDescription;
import robodog.locomotion.gait.GaitLibrary;
import robodog.locomotion.gait.GaitTable;

/**
 * Everything locomotion reads at start-up ({@code robot.yaml}, {@code gaits.yaml}, {@code
 * controller.yaml}, each from wherever {@link ConfigFiles} says), validated together: a gait that
 * is unstable on this robot is refused here, before any servo moves. Immutable; any thread.
 *
 * @param robot robot description
 * @param gaitTable gait rows from the file
 * @param settings controller limits
 * @param gaits table rows plus derived five-leg rows, checked
 */
public record LocomotionConfig(
    RobotDescription robot, GaitTable gaitTable, ControllerSettings settings, GaitLibrary gaits) {

  /** Loads the three files from {@code dir}; throws {@link ConfigException} naming the problem. */
  public static LocomotionConfig load(Path dir) {
    if (!Files.isDirectory(dir)) {
      throw new ConfigException(dir + ": config directory not found");
    }
    return load(ConfigFiles.in(dir));
  }

  /**
   * Loads the three files, each from the path {@code files} gives for its name (they may come from
   * different directories); throws {@link ConfigException} naming the file and the problem.
   * Start-up thread.
   */
  public static LocomotionConfig load(ConfigFiles files) {
    RobotDescription robot = RobotDescription.load(files.file("robot.yaml"));
    GaitTable table = GaitTable.load(files.file("gaits.yaml"));
    ControllerSettings settings = ControllerSettings.load(files.file("controller.yaml"));
    return of(robot, table, settings);
  }

  /** Validates a combination already in memory. */
  public static LocomotionConfig of(
      RobotDescription robot, GaitTable table, ControllerSettings settings) {
    double[] nx = new double[LegId.COUNT];
    double[] ny = new double[LegId.COUNT];
    neutralFootholds(robot, nx, ny);
    GaitLibrary lib =
        new GaitLibrary(robot, table, settings, nx, ny, robot.body().comXM(), robot.body().comYM());
    return new LocomotionConfig(robot, table, settings, lib);
  }

  /** Default neutral footholds in the walking frame (m), by leg ordinal. */
  public static void neutralFootholds(RobotDescription robot, double[] xToPack, double[] yToPack) {
    double reach = robot.stance().footReachM();
    for (LegId leg : LegId.VALUES) {
      RobotDescription.LegMount m = robot.mount(leg);
      xToPack[leg.ordinal()] = m.xM() + reach * Math.cos(m.yawRad());
      yToPack[leg.ordinal()] = m.yM() + reach * Math.sin(m.yawRad());
    }
  }

  /**
   * Joint angles (rad, 18) of the neutral standing pose: feet on their neutral footholds, body at
   * the configured standing height, level.
   */
  public double[] standingJointAngles() {
    return jointAnglesAtHeight(robot.stance().bodyHeightM());
  }

  /** Joint angles (rad, 18) with the feet on the neutral footholds and the body at {@code h} m. */
  public double[] jointAnglesAtHeight(double h) {
    double[] nx = new double[LegId.COUNT];
    double[] ny = new double[LegId.COUNT];
    neutralFootholds(robot, nx, ny);
    double[] q = new double[robodog.core.Joints.COUNT];
    for (LegId leg : LegId.VALUES) {
      int i = leg.ordinal();
      double footCentreZ = -h + robot.leg().footRadiusM(); // the sphere rests on the ground
      new robodog.locomotion.kinematics.LegKinematics(robot, leg)
          .inverse(nx[i], ny[i], footCentreZ, q, i * 3);
    }
    return q;
  }

  /** A new controller wired to the given mailboxes. */
  public HexapodController newController(
      Mailbox<MotionCommand> commands, Mailbox<Telemetry> telemetry, Mode initialMode) {
    return new HexapodController(robot, gaits, settings, commands, telemetry, initialMode);
  }

  /** A command mailbox (any producer thread; the control thread consumes). */
  public static Mailbox<MotionCommand> commandMailbox() {
    return new Mailbox<>(MotionCommand::new, (a, b) -> b.copyFrom(a));
  }

  /** A telemetry mailbox (the control thread produces). */
  public static Mailbox<Telemetry> telemetryMailbox() {
    return new Mailbox<>(Telemetry::new, (a, b) -> b.copyFrom(a));
  }
}
