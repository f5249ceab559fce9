package robodog.sim;

import java.nio.file.Path;
import robodog.core.JointCommand;
import robodog.core.Joints;
import robodog.core.LegId;
import robodog.core.config.RobotDescription;
import robodog.sim.terrain.Terrain;

/** Test helpers: the shipped robot, its neutral pose by closed-form 2-link IK, a stepping loop. */
final class SimFixtures {
  static final RobotDescription ROBOT = RobotDescription.load(Path.of("../config/robot.yaml"));
  static final long PERIOD = 5_000_000L;

  private SimFixtures() {}

  /** Neutral standing angles: coxa 0, foot sphere on the ground under the neutral foothold. */
  static double[] neutral() {
    double[] q = new double[Joints.COUNT];
    double l2 = ROBOT.leg().femurM();
    double l3 = ROBOT.leg().tibiaM();
    double r = ROBOT.stance().footReachM() - ROBOT.leg().coxaM();
    double z = -ROBOT.stance().bodyHeightM() + ROBOT.leg().footRadiusM();
    double c3 = (r * r + z * z - l2 * l2 - l3 * l3) / (2 * l2 * l3);
    double q3 = -Math.acos(c3);
    double q2 = Math.atan2(z, r) - Math.atan2(l3 * Math.sin(q3), l2 + l3 * Math.cos(q3));
    for (LegId leg : LegId.VALUES) {
      q[leg.ordinal() * 3] = 0;
      q[leg.ordinal() * 3 + 1] = q2;
      q[leg.ordinal() * 3 + 2] = q3;
    }
    return q;
  }

  static SimWorld world(Terrain t, long seed) {
    return new SimWorld(
        ROBOT, t, SimConfig.defaults(seed), 0, 0, 0, neutral(), ROBOT.stance().bodyHeightM());
  }

  /** Holds {@code q} (or goes limp) for {@code seconds}. */
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
