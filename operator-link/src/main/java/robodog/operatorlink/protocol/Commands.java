package robodog.operatorlink.protocol;

/** Parsed operator commands (see {@code docs/operator-protocol.md}). Immutable; any thread. */
public final class Commands {
  private Commands() {}

  /** {@code cmd/velocity}: valid for {@code ttlMs} after receipt. Units m/s, rad/s. */
  public record Velocity(long seq, double vx, double vy, double yawRate, int ttlMs) {}

  /** {@code cmd/mode}. */
  public record ModeRequest(long seq, String mode) {}

  /** {@code cmd/estop}: engage or release. */
  public record Estop(boolean engage) {}

  /** {@code cmd/lease}: acquire, release or take. */
  public record Lease(long seq, String action) {}

  /** {@code cmd/heartbeat}. */
  public record Heartbeat(long seq) {}
}
