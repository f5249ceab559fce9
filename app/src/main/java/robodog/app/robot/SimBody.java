package robodog.app.robot;

import java.io.PrintWriter;
import robodog.app.perception.SimPerception;
import robodog.app.sim.HilHardware;
import robodog.app.sim.SimWorlds;
import robodog.core.Clock;
import robodog.core.HardwarePort;
import robodog.hardware.pi.PinMap;
import robodog.hardware.servo.ServoCalibration;
import robodog.locomotion.HexapodController;
import robodog.locomotion.LocomotionConfig;
import robodog.sim.SimHardware;
import robodog.sim.SimWorld;
import robodog.sim.scenario.Scenario;
import robodog.sim.terrain.Terrain;

/**
 * The robot's body in the physics simulator, on a scenario's terrain at its start pose: the
 * simulated hardware directly ({@code sim}), or the real Pi4J drivers (PCA9685, MPU-6050, ADS1115)
 * against register models wired to the physics ({@code hil}). Its camera is the simulated one,
 * rendering the scenario's scene. Start-up thread; afterwards the control thread.
 */
public final class SimBody implements Body {
  /** The Pi's wiring and servo calibration for hardware in the loop. */
  public record Hil(PinMap pins, ServoCalibration cal) {}

  private final robodog.sim.camera.Scene scene;
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
  public SimBody(
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
  }

  /**
   * The body standing at (x, y) m, heading {@code yawRad}, on {@code terrain} with the physics
   * settings {@code sim}; {@code scene} is what its camera sees.
   */
  public SimBody(
      LocomotionConfig cfg,
      Terrain terrain,
      robodog.sim.SimConfig sim,
      double x,
      double y,
      double yawRad,
      robodog.sim.camera.Scene scene,
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

  @Override
  public String name() {
    return hil ? "hil" : "sim";
  }

  @Override
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

  @Override
  public BodyPerception perception(
      HexapodController controller, Clock clock, boolean lockStep, PrintWriter out) {
    if (camera == null) {
      out.println("perception: off (this simulated body has no camera set up)");
      return null;
    }
    SimPerception p =
        SimPerception.start(camera, simHw, terrain, scene, seed, controller, clock, lockStep);
    return new BodyPerception() {
      @Override
      public robodog.perception.PerceptionOutputs outputs() {
        return p.outputs();
      }

      @Override
      public String summary() {
        return p.summary();
      }

      @Override
      public void beforeTick(double simTimeS) {
        p.beforeTick(simTimeS);
      }

      @Override
      public void close() {
        p.close();
      }
    };
  }

  @Override
  public void close() {}
}
