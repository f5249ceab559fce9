package robodog.harness.perception;

import robodog.locomotion.HexapodController;
import robodog.perception.PerceptionConfig;
import robodog.perception.PerceptionOutputs;

/**
 * The one place perception is connected to the controller: fresh output mailboxes, the safety
 * mailbox handed to {@link HexapodController#setSafetyLimits} with the configured staleness rule.
 * The controller then scales every motion source by the newest limit each tick. Used by {@code
 * ./robodog sim}, {@code ./robodog run} and the closed-loop tests. Start-up only (before the
 * control loop runs).
 */
public final class PerceptionWiring {
  private PerceptionWiring() {}

  /** New outputs whose safety limit reaches {@code controller}. */
  public static PerceptionOutputs connect(HexapodController controller, PerceptionConfig cfg) {
    PerceptionOutputs out = create(cfg);
    connect(controller, cfg, out);
    return out;
  }

  /** New outputs sized for {@code cfg}'s height grid, not yet connected. */
  public static PerceptionOutputs create(PerceptionConfig cfg) {
    return PerceptionOutputs.create(cfg.gridCells(), cfg.gridResolutionM());
  }

  /** Hands {@code out}'s safety limit to {@code controller} (its only consumer). */
  public static void connect(
      HexapodController controller, PerceptionConfig cfg, PerceptionOutputs out) {
    controller.setSafetyLimits(out.safety(), cfg.staleS(), cfg.staleScale());
  }
}
