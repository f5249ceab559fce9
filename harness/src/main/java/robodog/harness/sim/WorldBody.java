package robodog.harness.sim;

import robodog.core.Clock;
import robodog.core.HardwarePort;
import robodog.hardware.pi.PinMap;
import robodog.hardware.servo.ServoCalibration;
import robodog.harness.perception.SimPerception;
import robodog.locomotion.HexapodController;
import robodog.locomotion.LocomotionConfig;
import robodog.sim.SimHardware;
import robodog.sim.SimWorld;
import robodog.sim.camera.Scene;
import robodog.sim.scenario.Scenario;
import robodog.sim.terrain.Terrain;

/**
 * A body in the physics simulator, on a terrain at its start pose: the simulated hardware directly
 * ({@code sim}), or the real Pi4J drivers (PCA9685, MPU-6050, ADS1115) against register models
 * wired to the physics ({@code hil}), with the simulated camera rendering the scene when set up.
 * The robot runs on it through the robot's own body ({@code robodog.app.robot.SimBody}); the
 * harness keeps the world for ground truth (reports, plots, goals). Start-up thread; afterwards the
 * control thread.
 */
public final class WorldBody {
  /** The Pi's wiring and servo calibration for hardware in the loop. */
  public record Hil(PinMap pins, ServoCalibration cal) {}

  private final Scene scene;
  private final long seed;
  private final Terrain terrain;
  private final SimWorld world;
  private final SimHardware simHw;
  private final HardwarePort hw;
  private final SimPerception.Setup camera;
  private final boolean hil;

  /**
   * The body on {@code scenario}'s terrain, payload and start pose.
   *
   * @param hil the Pi's wiring for hardware in the loop, or null for the simulated hardware
   * @param camera the simulated camera and pipeline settings, or null for a body without camera
   */
  public WorldBody(
      LocomotionConfig cfg, Scenario scenario, long seed, Hil hil, SimPerception.Setup camera) {
    this(
        cfg,
        scenario.terrain().build(seed),
        SimWorlds.config(scenario, seed),
        scenario.startX(),
        scenario.startY(),
        scenario.startYawRad(),
        scenario.scene(),
        seed,
        hil,
        camera);
    world.scheduleLegFailure(scenario.legFailure());
  }

  /**
   * The body standing at (x, y) m, heading {@code yawRad}, on {@code terrain} with the physics
   * settings {@code sim}; {@code scene} is what its camera sees.
   */
  public WorldBody(
      LocomotionConfig cfg,
      Terrain terrain,
      robodog.sim.SimConfig sim,
      double x,
      double y,
      double yawRad,
      Scene scene,
      long seed,
      Hil hil,
      SimPerception.Setup camera) {
    this.scene = scene;
    this.seed = seed;
    this.camera = camera;
    this.hil = hil != null;
    this.terrain = terrain;
    world = SimWorlds.standing(cfg, terrain, sim, x, y, yawRad);
    simHw = new SimHardware(world);
    hw =
        hil == null
            ? simHw
            : new HilHardware(simHw, hil.pins(), hil.cal(), cfg.standingJointAngles());
    try {
      hw.configure();
    } catch (Exception e) {
      throw new IllegalStateException("simulated hardware set-up failed: " + e.getMessage(), e);
    }
  }

  /** {@code hil} or {@code sim}. */
  public String name() {
    return hil ? "hil" : "sim";
  }

  /** The port the control loop reads and writes: the HIL drivers, or the simulated hardware. */
  public HardwarePort hardware() {
    return hw;
  }

  /** The physics world (ground truth for the harness: reports, plots, goals). */
  public SimWorld world() {
    return world;
  }

  public Terrain terrain() {
    return terrain;
  }

  /** The simulated hardware under the HIL drivers (or the port itself without HIL). */
  public SimHardware simHardware() {
    return simHw;
  }

  /** True when the simulated camera is set up. */
  public boolean hasCamera() {
    return camera != null;
  }

  /**
   * Starts the simulated camera and pipeline with its safety limit connected to {@code controller};
   * {@code lockStep}: frames are waited for (stepped clock). Requires {@link #hasCamera}.
   */
  public SimPerception startCamera(HexapodController controller, Clock clock, boolean lockStep) {
    if (camera == null) {
      throw new IllegalStateException("this simulated body has no camera set up");
    }
    return SimPerception.start(camera, simHw, terrain, scene, seed, controller, clock, lockStep);
  }
}
