package robodog.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import robodog.core.JointCommand;
import robodog.core.JointKind;
import robodog.core.Joints;
import robodog.core.LegId;
import robodog.core.RobotState;
import robodog.sim.terrain.Terrains;

/**
 * The simulated pack behind the hardware port, in closed-loop physics: standing holds the voltage
 * near the open-circuit value, squatting up and down (the servos lifting the body) sags and drains
 * it.
 */
class SimHardwareBatteryTest {
  private final SimHardware hw = SimFixtures.hardware(Terrains.flat(0.9), 3);
  private final RobotState state = new RobotState();
  private final JointCommand c = new JointCommand();
  private long tick;

  /** Runs {@code seconds} with femurs at neutral + amplitude·sin(2π·2 Hz·t); mean volts. */
  private double run(double seconds, double amplitudeRad) {
    double[] q = SimFixtures.neutral();
    double sum = 0;
    long n = Math.round(seconds * 1e9 / SimFixtures.PERIOD);
    for (long k = 0; k < n; k++, tick++) {
      double t = tick * SimFixtures.PERIOD * 1e-9;
      System.arraycopy(q, 0, c.position, 0, Joints.COUNT);
      for (LegId leg : LegId.VALUES) {
        c.position[Joints.index(leg, JointKind.FEMUR)] +=
            amplitudeRad * Math.sin(2 * Math.PI * 2 * t);
      }
      c.enabled = true;
      hw.read(tick * SimFixtures.PERIOD, SimFixtures.PERIOD, state);
      hw.write(tick * SimFixtures.PERIOD, SimFixtures.PERIOD, c);
      sum += state.batteryVolts;
    }
    return sum / n;
  }

  @Test
  void standingIsFlatAndWorkingSagsAndDrains() {
    run(1.0, 0); // settle onto the ground
    double soc0 = hw.battery().stateOfCharge();
    double standing = run(2.0, 0);
    double socStanding = hw.battery().stateOfCharge();
    double working = run(2.0, 0.15);
    double socWorking = hw.battery().stateOfCharge();
    // Standing: the electronics' 5 W alone, ~0.6 A: within 50 mV of a full pack's 8.4 V.
    assertEquals(8.4, standing, 0.05, "standing volts");
    assertTrue(standing - working > 0.005, "no sag working: " + standing + " vs " + working);
    assertTrue(
        soc0 - socStanding < socStanding - socWorking,
        "working must drain faster: " + (soc0 - socStanding) + " vs " + (socStanding - socWorking));
    assertFalse(state.batteryCritical);
  }
}
