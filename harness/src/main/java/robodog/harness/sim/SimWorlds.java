package robodog.harness.sim;

import robodog.core.HardwarePort;
import robodog.locomotion.LocomotionConfig;
import robodog.sim.SimConfig;
import robodog.sim.SimWorld;
import robodog.sim.scenario.Scenario;
import robodog.sim.terrain.Terrain;

/**
 * Building a simulated robot the same way everywhere (the main job, missions, training): the world
 * with the robot standing at its nominal body height on its standing joint angles, and the
 * simulated hardware brought up. Start-up code on the thread that will run the simulation.
 */
public final class SimWorlds {
  private SimWorlds() {}

  /** The physics settings a scenario names: defaults, seeded, with its payload. */
  public static SimConfig config(Scenario sc, long seed) {
    return SimConfig.defaults(seed)
        .withPayload(
            sc.payloadKg(), sc.payloadCom().get(0), sc.payloadCom().get(1), sc.payloadCom().get(2));
  }

  /** The scenario's world on {@code terrain} (built from its spec and seed), at its start pose. */
  public static SimWorld forScenario(
      LocomotionConfig cfg, Scenario sc, Terrain terrain, long seed) {
    return standing(cfg, terrain, config(sc, seed), sc.startX(), sc.startY(), sc.startYawRad());
  }

  /** A world with the robot standing at (x, y) m, heading yaw rad. */
  public static SimWorld standing(
      LocomotionConfig cfg, Terrain terrain, SimConfig sim, double x, double y, double yaw) {
    return new SimWorld(
        cfg.robot(),
        terrain,
        sim,
        x,
        y,
        yaw,
        cfg.standingJointAngles(),
        cfg.robot().stance().bodyHeightM());
  }

  /** Configures and activates simulated hardware; a failure names itself. Returns {@code hw}. */
  public static <H extends HardwarePort> H activate(H hw) {
    try {
      hw.configure();
      hw.activate();
    } catch (Exception e) {
      throw new IllegalStateException("simulated hardware set-up failed: " + e.getMessage(), e);
    }
    return hw;
  }
}
