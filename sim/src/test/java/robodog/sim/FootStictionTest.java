package robodog.sim;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import robodog.sim.terrain.Terrains;

/**
 * A robot holding still joint targets on level ground stays where it is: the solver's residual
 * friction velocity must not add up into a creep (without {@link FootStiction}: 5.3 mm in these 30
 * s on seed 1).
 */
class FootStictionTest {
  @Test
  void aRobotHoldingStillTargetsDoesNotCreep() {
    for (long seed = 1; seed <= 3; seed++) {
      SimWorld w = SimFixtures.world(Terrains.flat(0.9), seed);
      SimHardware hw = new SimHardware(w);
      hw.configure();
      hw.activate();
      double[] q = SimFixtures.neutral();
      SimFixtures.hold(hw, q, true, 10); // the 2 mm spawn drop and the sag settle
      double[] rpy = new double[3];
      w.bodyRpy(rpy);
      double x = w.bodyPosition().get0();
      double y = w.bodyPosition().get1();
      double yaw = rpy[2];
      SimFixtures.hold(hw, q, true, 30);
      w.bodyRpy(rpy);
      double moved = Math.hypot(w.bodyPosition().get0() - x, w.bodyPosition().get1() - y);
      assertTrue(moved < 5e-4, "seed " + seed + ": crept " + moved + " m in 30 s");
      assertTrue(Math.abs(rpy[2] - yaw) < 1e-3, "seed " + seed + ": turned " + (rpy[2] - yaw));
    }
  }
}
