package robodog.sim;

import java.nio.file.Path;
import robodog.core.JointCommand;
import robodog.core.Joints;
import robodog.core.config.RobotDescription;
import robodog.sim.terrain.Terrain;

/** Test helpers: the shipped robot, its neutral pose, worlds on it and a stepping loop. */
final class SimFixtures {
  static final RobotDescription ROBOT = RobotDescription.load(Path.of("../config/robot.yaml"));

  /** The control period of the real loop (500 Hz), ns. */
  static final long PERIOD = 2_000_000L;

  private SimFixtures() {}

  /** Neutral standing angles of the shipped robot. */
  static double[] neutral() {
    double[] q = new double[Joints.COUNT];
    NeutralStance.jointAngles(ROBOT, q);
    return q;
  }

  /** A world with default settings, the robot standing at the origin heading +x. */
  static SimWorld world(Terrain t, long seed) {
    return new SimWorld(ROBOT, t, SimConfig.defaults(seed), 0, 0, 0);
  }

  /** Active hardware over {@link #world}. */
  static SimHardware hardware(Terrain t, long seed) {
    SimHardware hw = new SimHardware(world(t, seed));
    hw.configure();
    hw.activate();
    return hw;
  }

  /** Holds {@code q} (or goes limp) for {@code seconds} of simulated time. */
  static void hold(SimHardware hw, double[] q, boolean enabled, double seconds) {
    JointCommand c = new JointCommand();
    System.arraycopy(q, 0, c.position, 0, Joints.COUNT);
    c.enabled = enabled;
    long n = Math.round(seconds * 1e9 / PERIOD);
    for (long k = 0; k < n; k++) {
      hw.write(k * PERIOD, PERIOD, c);
    }
  }
}
