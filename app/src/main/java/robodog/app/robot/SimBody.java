package robodog.app.robot;

import java.io.PrintWriter;
import robodog.core.Clock;
import robodog.core.HardwarePort;
import robodog.harness.perception.SimPerception;
import robodog.harness.sim.WorldBody;
import robodog.locomotion.HexapodController;
import robodog.sim.SimWorld;

/**
 * The robot's body in the physics simulator ({@code sim}, or {@code hil}: the real Pi4J drivers
 * against register models): a {@link WorldBody} as the robot sees it. Its camera is the simulated
 * one, rendering the scenario's scene. Start-up thread; afterwards the control thread.
 */
public final class SimBody implements Body {
  private final WorldBody world;

  public SimBody(WorldBody world) {
    this.world = world;
  }

  @Override
  public String name() {
    return world.name();
  }

  @Override
  public HardwarePort hardware() {
    return world.hardware();
  }

  /** The physics world (ground truth for the harness: reports, plots, goals). */
  public SimWorld world() {
    return world.world();
  }

  @Override
  public BodyPerception perception(
      HexapodController controller, Clock clock, boolean lockStep, PrintWriter out) {
    if (!world.hasCamera()) {
      out.println("perception: off (this simulated body has no camera set up)");
      return null;
    }
    SimPerception p = world.startCamera(controller, clock, lockStep);
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
