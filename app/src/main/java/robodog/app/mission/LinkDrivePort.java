package robodog.app.mission;

import java.util.function.LongSupplier;
import robodog.autonomy.DrivePort;
import robodog.core.MotionCommand;
import robodog.operatorlink.OperatorLink;

/**
 * Autonomy drives through the operator link as the client {@code autonomy}, so the lease, the
 * velocity time-to-live, the watchdog and E-stop apply to it exactly as to a tablet. Any thread.
 */
public final class LinkDrivePort implements DrivePort {
  /** Autonomy steps at 20 Hz; a command lives for a few steps so one late step does not stop it. */
  static final int TTL_MS = 300;

  private final OperatorLink link;
  private final LongSupplier clock;

  /**
   * @param clock nanoseconds on the link's clock (System::nanoTime, or the simulation's)
   */
  public LinkDrivePort(OperatorLink link, LongSupplier clock) {
    this.link = link;
    this.clock = clock;
  }

  @Override
  public String leaseHolder() {
    return link.leaseHolder();
  }

  @Override
  public boolean grant(String from, String to) {
    return link.grant(from, to, clock.getAsLong());
  }

  @Override
  public boolean drive(MotionCommand cmd) {
    return link.drive(AUTONOMY, cmd, TTL_MS, clock.getAsLong());
  }
}
