package robodog.operatorlink.protocol;

/** Parsed operator commands (see {@code docs/operator-protocol.md}). Immutable; any thread. */
public final class Commands {
  private Commands() {}

  /** {@code cmd/velocity}: valid for {@code ttlMs} after receipt. Units m/s, rad/s. */
  public record Velocity(long seq, double vx, double vy, double yawRate, int ttlMs) {}

  /** {@code cmd/mode}. */
  public record ModeRequest(long seq, String mode) {}

  /**
   * {@code cmd/estop}: engage or release; {@code cut}: with engage, servo power off at once
   * (category 0) instead of the deployment's software stop.
   */
  public record Estop(boolean engage, boolean cut) {
    /** Engage or release without a cut request. */
    public Estop(boolean engage) {
      this(engage, false);
    }
  }

  /** {@code cmd/lease}: acquire, release or take. */
  public record Lease(long seq, String action) {}

  /** {@code cmd/gait}: a gait by its name in the robot's gait table. */
  public record GaitRequest(long seq, String gait) {}

  /**
   * {@code cmd/body}: body height above the ground (m) and attitude (rad) relative to level; a
   * {@code NaN} field was absent and keeps its current value.
   */
  public record Body(long seq, double height, double roll, double pitch, double yaw) {}

  /** {@code cmd/policy}: the learned gait advisor on or off. */
  public record PolicySwitch(long seq, boolean enabled) {}

  /** {@code cmd/payload}: what the crew has put on the robot. */
  public record PayloadDeclaration(long seq, robodog.core.Payload payload) {}

  /** {@code cmd/heartbeat}. */
  public record Heartbeat(long seq) {}
}
