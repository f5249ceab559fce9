package robodog.harness.sim;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import robodog.core.JointCommand;
import robodog.core.Joints;
import robodog.locomotion.LocomotionConfig;
import robodog.sim.SimConfig;
import robodog.sim.SimHardware;
import robodog.sim.SimWorld;
import robodog.sim.terrain.Terrains;

/**
 * The payload's acceleration RMS: near its floor for a body standing still, large when it drops.
 */
class PayloadAccelTest {
  private static final LocomotionConfig CFG = LocomotionConfig.load(Path.of("../config"));
  private static final long PERIOD = 2_000_000L;

  /** RMS over {@code seconds} of holding the standing pose ({@code powered}) or going limp. */
  private static double rms(boolean powered, double seconds) {
    SimWorld w =
        SimWorlds.standing(
            CFG, Terrains.flat(0.9), SimConfig.defaults(1).withPayload(1.5, 0.02, 0, 0.1), 0, 0, 0);
    SimHardware hw = SimWorlds.activate(new SimHardware(w));
    JointCommand c = new JointCommand();
    System.arraycopy(CFG.standingJointAngles(), 0, c.position, 0, Joints.COUNT);
    c.enabled = true;
    PayloadAccel a = new PayloadAccel(0.02, 0, 0.1);
    long n = Math.round(seconds * 1e9 / PERIOD);
    int every = (int) Math.round(PayloadAccel.PERIOD_S * 1e9 / PERIOD);
    for (long k = 0; k < n; k++) {
      // Powered for the settling second either way, then limp when asked.
      c.enabled = powered || k * PERIOD < 1_000_000_000L;
      hw.write(k * PERIOD, PERIOD, c);
      if (k % every == 0) {
        a.sample((k + 1) * PERIOD * 1e-9, w);
      }
    }
    if (powered) {
      assertFalse(w.fallen());
    }
    return a.rms();
  }

  @Test
  void standingStillFeelsAlmostNothingAndDroppingFeelsAJolt() {
    double still = rms(true, 3);
    double dropped = rms(false, 3);
    // Standing still is not quite still: the solver's and the servos' chatter at the feet reads
    // about 0.2 m/s² (the floor of this measurement); walking reads 1-2 m/s².
    assertTrue(still < 0.3, "standing: " + still + " m/s²");
    assertTrue(dropped > 5 * still && dropped > 1.0, "dropped: " + dropped + ", still " + still);
  }
}
