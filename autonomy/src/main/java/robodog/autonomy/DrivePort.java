package robodog.autonomy;

import robodog.core.MotionCommand;

/**
 * How autonomy drives: as an operator-link client named {@link #AUTONOMY} that holds the control
 * lease, under the same rules as a tablet (lease, watchdog, E-stop from anyone). App implements it
 * over the operator link. Any thread.
 */
public interface DrivePort {
  /** The client id autonomy drives as. */
  String AUTONOMY = "autonomy";

  /** Who holds the control lease now, or null. */
  String leaseHolder();

  /** Hands the lease from {@code from} (who must hold it) to {@code to}; false if not held. */
  boolean grant(String from, String to);

  /** Sends a command as {@link #AUTONOMY}; ignored (false) unless autonomy holds the lease. */
  boolean drive(MotionCommand cmd);
}
