package robodog.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import robodog.app.sim.SimReport;
import robodog.app.sim.SimRun;
import robodog.hardware.pi.PinMap;
import robodog.hardware.servo.ServoCalibration;
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
    robodog.app.robot.SimBody.Hil hil =
        new robodog.app.robot.SimBody.Hil(
            PinMap.load(Path.of("../config/pins.yaml")),
            ServoCalibration.load(Path.of("../config/servos.yaml"), cfg.robot()));
    SimReport r =
        SimRun.run(cfg, new SimRun.Options(s, null, s.seed(), 6, 200, false, false, null, hil))
            .report();
    assertEquals(0, r.falls());
    // Plain simulation covers ~0.82 m in 6 s; through 50 Hz servo frames it must come close.
    assertTrue(
        r.distanceM() > 0.6, "walked only " + r.distanceM() + " m through the hardware path");
    assertTrue(Math.toDegrees(r.bodyPitchRmsRad()) < 3, "the IMU path must keep the body level");
  }

  @Test
  void theCliRunsItWithHil() {
    Cli r = Cli.run("sim", "--hil", "--duration", "2");
    assertEquals(0, r.status, r.err);
    assertTrue(r.out.contains("flat-walk"), r.out);
  }
}
