package robodog.perception;

import robodog.core.Mailbox;
import robodog.core.perception.GroundAhead;
import robodog.core.perception.SafetyLimit;
import robodog.core.perception.TerrainEstimate;

/**
 * The one place perception is connected to the controller: fresh output mailboxes, the safety
 * mailbox handed to the controller's safety-limit input with the configured staleness rule. The
 * controller then scales every motion source by the newest limit each tick. Used by the robot on
 * every body and by the simulated camera of the harness. Start-up only (before the control loop
 * runs).
 */
public final class PerceptionWiring {
  /**
   * Where the safety limit goes: the controller's {@code setSafetyLimits} (perception does not know
   * the controller's type, so the composition root passes the method).
   */
  @FunctionalInterface
  public interface SafetyInput {
    /**
     * @param limits the limit mailbox, whose one consumer becomes the control thread
     * @param staleS a limit older than this, s, is stale
     * @param staleScale the speed scale applied while the limit is stale
     */
    void setSafetyLimits(Mailbox<SafetyLimit> limits, double staleS, double staleScale);
  }

  /**
   * Where the terrain class of the ground ahead goes: the controller's {@code setTerrainAhead}, so
   * its gait choice can act before the feet arrive.
   */
  @FunctionalInterface
  public interface TerrainInput {
    /**
     * @param ahead the estimate mailbox, whose one consumer becomes the control thread
     * @param ground the height grid's corridor summary, same consumer
     * @param staleS an estimate older than this, s, is ignored
     */
    void setTerrainAhead(
        Mailbox<TerrainEstimate> ahead, Mailbox<GroundAhead> ground, double staleS);
  }

  private PerceptionWiring() {}

  /**
   * Hands {@code out}'s terrain estimate to {@code controller} (its only consumer); an estimate
   * older than the safety limit's staleness bound is ignored.
   */
  public static void connectTerrain(
      TerrainInput controller, PerceptionConfig cfg, PerceptionOutputs out) {
    controller.setTerrainAhead(out.terrainAhead(), out.groundAhead(), cfg.staleS());
  }

  /** New outputs whose safety limit reaches {@code controller}. */
  public static PerceptionOutputs connect(SafetyInput controller, PerceptionConfig cfg) {
    PerceptionOutputs out = create(cfg);
    connect(controller, cfg, out);
    return out;
  }

  /** New outputs sized for {@code cfg}'s height grid, not yet connected. */
  public static PerceptionOutputs create(PerceptionConfig cfg) {
    return PerceptionOutputs.create(cfg.gridCells(), cfg.gridResolutionM());
  }

  /** Hands {@code out}'s safety limit to {@code controller} (its only consumer). */
  public static void connect(SafetyInput controller, PerceptionConfig cfg, PerceptionOutputs out) {
    controller.setSafetyLimits(out.safety(), cfg.staleS(), cfg.staleScale());
  }
}
