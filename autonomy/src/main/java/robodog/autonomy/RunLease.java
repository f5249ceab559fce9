package robodog.autonomy;

import robodog.core.Mode;
import robodog.core.MotionCommand;

/**
 * The control-lease rules for runs: only the client holding the lease may start or take over a run,
 * which hands the lease to {@link DrivePort#AUTONOMY}; a finished run stands the robot and hands it
 * back to whoever supervised it.
 *
 * <p>Stateless over the {@link DrivePort}; called by {@link MissionService} under its lock.
 */
final class RunLease {
  private final DrivePort drive;

  RunLease(DrivePort drive) {
    this.drive = drive;
  }

  /**
   * @throws IllegalArgumentException naming the holder unless {@code client} holds the lease
   */
  void requireHeldBy(String client) {
    String holder = drive.leaseHolder();
    if (!client.equals(holder)) {
      throw new IllegalArgumentException(
          client
              + " does not hold the control lease (held by "
              + (holder == null ? "nobody" : holder)
              + "); acquire it first");
    }
  }

  /**
   * Hands the lease from {@code client} to autonomy.
   *
   * @throws IllegalArgumentException with {@code whyNot} when the lease moved meanwhile
   */
  void grantToAutonomy(String client, String whyNot) {
    if (!drive.grant(client, DrivePort.AUTONOMY)) {
      throw new IllegalArgumentException(whyNot);
    }
  }

  /**
   * Lets autonomy drive the run for {@code client}: nothing to do when autonomy holds the lease
   * already, else {@code client} must hold it and it is handed over.
   */
  void takeForRun(String client) {
    if (DrivePort.AUTONOMY.equals(drive.leaseHolder())) {
      return;
    }
    requireHeldBy(client);
    grantToAutonomy(client, "the control lease moved");
  }

  /**
   * When autonomy holds the lease: commands standing still, then hands the lease to {@code
   * supervisor} (if not null).
   *
   * @param cmd scratch command, overwritten
   */
  void standAndHandBack(MotionCommand cmd, String supervisor) {
    if (DrivePort.AUTONOMY.equals(drive.leaseHolder())) {
      cmd.requestedMode = Mode.STANDING;
      cmd.vx = 0;
      cmd.yawRate = 0;
      drive.drive(cmd);
      if (supervisor != null) {
        drive.grant(DrivePort.AUTONOMY, supervisor);
      }
    }
  }
}
