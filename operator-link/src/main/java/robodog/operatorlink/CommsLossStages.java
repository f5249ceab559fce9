package robodog.operatorlink;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import robodog.core.config.ConfigException;
import robodog.core.config.ConfigNode;

/**
 * What teleop does while the lease holder is silent, in stages of growing silence (Spot's
 * keep-alive: stop, then sit, then cut motor power): a controlled stop at {@code stopNanos}, sit
 * down at {@code sitNanos}, servos off at {@code servosOffNanos}. Each stage is measured from the
 * last message heard from the holder; a message from the holder ends them all (the robot then stays
 * where the last stage left it until the holder asks for a mode).
 *
 * <p>Immutable; any thread. {@link #stageAt} allocates nothing (the link's timer calls it).
 *
 * @param stopNanos silence before a controlled stop, ns
 * @param sitNanos silence before sitting down, ns (after the stop)
 * @param servosOffNanos silence before the servos are switched off (PASSIVE), ns (after the sit)
 */
public record CommsLossStages(long stopNanos, long sitNanos, long servosOffNanos) {
  /** How far the comms-loss response has gone. Wire names are lower case. */
  public enum Stage {
    /** The holder was heard within the stop time (or nobody holds the lease). */
    OK,
    /** Velocity zeroed, walking turned into standing. */
    STOPPED,
    /** Sitting down, still powered. */
    SITTING,
    /** Servos unpowered: the robot lies on its belly. */
    SERVOS_OFF;

    private final String wire = name().toLowerCase(Locale.ROOT);

    /** e.g. {@code servos_off}. */
    public String wireName() {
      return wire;
    }
  }

  /** The shipped stages: stop at 0.5 s, sit at 10 s, servos off at 60 s. */
  public static final CommsLossStages DEFAULT =
      new CommsLossStages(500_000_000L, 10_000_000_000L, 60_000_000_000L);

  public CommsLossStages {
    if (!(stopNanos >= 100_000_000L && stopNanos <= 5_000_000_000L)) {
      throw new IllegalArgumentException(
          "comms_loss.stop_s: expected [0.1, 5] s, got " + stopNanos / 1e9);
    }
    if (sitNanos <= stopNanos) {
      throw new IllegalArgumentException(
          "comms_loss.sit_s: expected more than stop_s ("
              + stopNanos / 1e9
              + " s), got "
              + sitNanos / 1e9);
    }
    if (servosOffNanos <= sitNanos) {
      throw new IllegalArgumentException(
          "comms_loss.servos_off_s: expected more than sit_s ("
              + sitNanos / 1e9
              + " s), got "
              + servosOffNanos / 1e9);
    }
  }

  /**
   * The stages of the old two-stage watchdog (stop at 0.5 s, sit {@code sitAfterNanos} later), with
   * servos off one hour on: for benches and tests that set only the sit delay.
   */
  public static CommsLossStages stopThenSit(long sitAfterNanos) {
    long sit = DEFAULT.stopNanos + sitAfterNanos;
    return new CommsLossStages(DEFAULT.stopNanos, sit, sit + 3_600_000_000_000L);
  }

  /** The stage reached after {@code silentNanos} of silence from the holder. */
  public Stage stageAt(long silentNanos) {
    if (silentNanos > servosOffNanos) {
      return Stage.SERVOS_OFF;
    }
    if (silentNanos > sitNanos) {
      return Stage.SITTING;
    }
    return silentNanos > stopNanos ? Stage.STOPPED : Stage.OK;
  }

  /**
   * Reads the {@code comms_loss} section of {@code file} ({@code stop_s}, {@code sit_s}, {@code
   * servos_off_s}; each optional, defaults {@link #DEFAULT}); no file or no section: the defaults.
   * Start-up thread.
   *
   * @throws ConfigException naming the file, the field and what was expected
   */
  public static CommsLossStages load(Path file) {
    if (!Files.exists(file)) {
      return DEFAULT;
    }
    ConfigNode root = ConfigNode.load(file);
    root.rejectUnknown(Set.of("comms_loss"));
    if (!root.has("comms_loss")) {
      return DEFAULT;
    }
    ConfigNode n = root.child("comms_loss");
    n.rejectUnknown(Set.of("stop_s", "sit_s", "servos_off_s"));
    double stop = n.optDouble("stop_s", DEFAULT.stopNanos / 1e9, 0.1, 5, "s");
    double sit = n.optDouble("sit_s", DEFAULT.sitNanos / 1e9, 0.2, 3600, "s");
    double off = n.optDouble("servos_off_s", DEFAULT.servosOffNanos / 1e9, 0.3, 86_400, "s");
    try {
      return new CommsLossStages(
          Math.round(stop * 1e9), Math.round(sit * 1e9), Math.round(off * 1e9));
    } catch (IllegalArgumentException e) {
      throw new ConfigException(file + ": " + e.getMessage());
    }
  }
}
