package robodog.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import robodog.app.robot.HarnessRobots;
import robodog.hardware.pi.PinMap;
import robodog.hardware.servo.ServoCalibration;
import robodog.harness.sim.SimReport;
import robodog.harness.sim.SimRun;
import robodog.locomotion.LocomotionConfig;
import robodog.sim.scenario.Scenario;
import robodog.sim.scenario.ScenarioLoader;

/**
 * The hardware path end to end without a Pi: controller → PiHardware → PCA9685 driver → Pi4J →
 * simulated PCA9685 registers → decoded servo targets → physics; and physics → simulated MPU-6050
 * registers → driver → Mahony filter → controller.
 */
class HilTest {
  @Test
  void theRobotWalksThroughTheRealDriversAndPi4J() throws Exception {
    LocomotionConfig cfg = LocomotionConfig.load(Path.of("../config"));
    Scenario s = ScenarioLoader.load("flat-walk", Path.of("../scenarios"));
    robodog.harness.sim.WorldBody.Hil hil =
        new robodog.harness.sim.WorldBody.Hil(
            PinMap.load(Path.of("../config/pins.yaml")),
            ServoCalibration.load(Path.of("../config/servos.yaml"), cfg.robot()));
    SimReport r =
        SimRun.run(
                HarnessRobots.HEADLESS,
                cfg,
                new SimRun.Options(s, null, s.seed(), 6, 200, false, false, null, hil))
            .report();
    assertEquals(0, r.falls());
    // Plain simulation covers ~0.82 m in 6 s; through 50 Hz servo frames it must come close.
    assertTrue(
        r.distanceM() > 0.6, "walked only " + r.distanceM() + " m through the hardware path");
    assertTrue(Math.toDegrees(r.bodyPitchRmsRad()) < 3, "the IMU path must keep the body level");
  }

  @Test
  void thePisBatteryMonitorReadsTheSimulatedPackThroughTheAdc() throws Exception {
    LocomotionConfig cfg = LocomotionConfig.load(Path.of("../config"));
    Scenario s = ScenarioLoader.load("flat-walk", Path.of("../scenarios"));
    PinMap pins = PinMap.load(Path.of("../config/pins.yaml"));
    robodog.harness.sim.WorldBody body =
        new robodog.harness.sim.WorldBody(
            cfg,
            s,
            s.seed(),
            new robodog.harness.sim.WorldBody.Hil(
                pins, ServoCalibration.load(Path.of("../config/servos.yaml"), cfg.robot())),
            null);
    robodog.core.HardwarePort hw = body.hardware();
    robodog.core.RobotState state = new robodog.core.RobotState();
    robodog.core.JointCommand hold = new robodog.core.JointCommand();
    System.arraycopy(cfg.standingJointAngles(), 0, hold.position, 0, robodog.core.Joints.COUNT);
    hold.enabled = true;
    hw.activate();
    long period = 2_000_000;
    // One ADS1115 step through the divider: the driver's resolution on battery volts.
    double lsbVolts = 4.096 / 32768 * pins.batteryDivider();
    try {
      for (int i = 0; i < 500; i++) {
        hw.read(i * period, period, state);
        // PiHardware samples the ADC on every 25th read, starting with the first.
        if (i % 25 == 0) {
          double simVolts = body.simHardware().battery().volts();
          assertEquals(simVolts, state.batteryVolts, lsbVolts, "read " + i);
        }
        hw.write(i * period, period, hold);
      }
    } finally {
      hw.deactivate();
    }
    // A full 2S pack under the standing load, not the old fixed 8.1 V.
    assertTrue(state.batteryVolts > 8.2 && state.batteryVolts < 8.4, "" + state.batteryVolts);
    assertTrue(!state.batteryCritical);
  }

  @Test
  void theCliRunsItWithHil() {
    Cli r = Cli.run("sim", "--hil", "--duration", "2");
    assertEquals(0, r.status, r.err);
    assertTrue(r.out.contains("flat-walk"), r.out);
  }
}
