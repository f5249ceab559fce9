package robodog.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import robodog.hardware.hil.HilI2cProvider;
import robodog.hardware.pca9685.Pca9685Bus;
import robodog.hardware.pca9685.Pca9685Model;
import robodog.hardware.servo.ServoCalibration;
import robodog.locomotion.LocomotionConfig;

/**
 * The robot's own path ({@code run --hardware hil}, driven over MQTT): while it walks, the IMU on
 * the simulated I2C bus fails one reading (three NACKs, one more than the retries), which reaches
 * the controller as one NaN IMU sample. The walk goes on with a notice. Then the IMU dies: the
 * controller latches FAULT holding its pose. At no time is a servo channel of the simulated PCA9685
 * boards told to go limp.
 */
class NonFiniteHilE2ETest {
  @Test
  void oneNaNImuSampleIsDroppedWithANoticeAndADeadImuFaultsHoldingThePose(@TempDir Path dir)
      throws Exception {
    LiveRobot robot = LiveRobot.start("hil", 14, dir);
    MqttClient tablet = robot.client("tablet", true);
    List<String> telemetry = robot.telemetry;
    robot.await(telemetry, t -> t.contains("\"mode\":"), "telemetry");
    robot.send(tablet, "cmd/lease", "{\"seq\":SEQ,\"action\":\"acquire\"}");
    robot.send(tablet, "cmd/mode", "{\"seq\":SEQ,\"mode\":\"walk\"}");
    Thread driver =
        new Thread(
            () -> {
              try {
                while (!Thread.currentThread().isInterrupted()) {
                  robot.send(tablet, "cmd/velocity", "{\"seq\":SEQ,\"vx\":0.08,\"ttl_ms\":600}");
                  Thread.sleep(150);
                }
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            },
            "tablet-driver");
    driver.start();
    try {
      robot.await(telemetry, t -> t.contains("\"mode\":\"WALKING\""), "walking");
      HilI2cProvider bus = HilI2cProvider.latest();
      assertNotNull(bus, "the robot's simulated I2C bus");
      int seen = telemetry.size();
      bus.faults(0x68).nack(3); // 3 attempts per reading: exactly one reading lost
      String dropped = awaitAfter(telemetry, seen, "sensor sample dropped", "the dropped sample");
      assertTrue(dropped.contains("\"mode\":\"WALKING\""), "the walk goes on: " + dropped);
      Thread.sleep(1500);
      String later = telemetry.get(telemetry.size() - 1);
      assertTrue(later.contains("\"mode\":\"WALKING\""), "still walking: " + later);
      assertTrue(bus.faults(0x68).injected() >= 3, "the script ran on the robot's bus");

      seen = telemetry.size();
      bus.faults(0x68).nack(Integer.MAX_VALUE); // the IMU is gone
      String fault = awaitAfter(telemetry, seen, "a sensor stayed invalid", "the sensor fault");
      assertTrue(fault.contains("\"mode\":\"FAULT\""), fault);
      Thread.sleep(300); // the last servo frame of the walk is out
      String pose = pulses();
      Thread.sleep(1000);
      String held = telemetry.get(telemetry.size() - 1);
      assertTrue(held.contains("\"mode\":\"FAULT\""), "FAULT stays latched: " + held);
      assertEquals(pose, pulses(), "FAULT holds one pose: the servo pulses do not change");
      assertNoServoWentLimp();
    } finally {
      driver.interrupt();
      driver.join(2000);
      HilI2cProvider bus = HilI2cProvider.latest();
      if (bus != null) {
        bus.faults(0x68).nack(0);
      }
      robot.join(30_000);
      tablet.disconnectForcibly(100);
    }
  }

  /** Every calibrated channel of every simulated board: never told to go full-off on its own. */
  private static void assertNoServoWentLimp() {
    LocomotionConfig cfg = LocomotionConfig.load(Path.of("../config"));
    ServoCalibration cal = ServoCalibration.load(Path.of("../config/servos.yaml"), cfg.robot());
    Pca9685Bus boards = Pca9685Bus.latest();
    assertNotNull(boards, "the robot's simulated PCA9685 boards");
    for (int j = 0; j < cal.channel().size(); j++) {
      Pca9685Model chip = boards.chips.get(cal.board().get(j));
      int ch = cal.channel().get(j);
      assertEquals(0, chip.limpWrites.get(ch), "joint " + j + ": a limp (NaN) pulse was written");
      assertTrue(!chip.fullOff(ch), "joint " + j + " is powered and holding");
    }
  }

  /** The OFF counts of every calibrated servo channel, as text. */
  private static String pulses() {
    LocomotionConfig cfg = LocomotionConfig.load(Path.of("../config"));
    ServoCalibration cal = ServoCalibration.load(Path.of("../config/servos.yaml"), cfg.robot());
    StringBuilder sb = new StringBuilder();
    for (int j = 0; j < cal.channel().size(); j++) {
      sb.append(Pca9685Bus.latest().chips.get(cal.board().get(j)).offCount(cal.channel().get(j)));
      sb.append(' ');
    }
    return sb.toString();
  }

  /** Waits up to 10 s for a message after index {@code from} containing {@code text}. */
  private static String awaitAfter(List<String> l, int from, String text, String what)
      throws InterruptedException {
    for (int k = 0; k < 200; k++) {
      for (int i = from; i < l.size(); i++) {
        if (l.get(i).contains(text)) {
          return l.get(i);
        }
      }
      Thread.sleep(50);
    }
    throw new AssertionError(
        "timed out waiting for "
            + what
            + "; last: "
            + (l.isEmpty() ? "none" : l.get(l.size() - 1)));
  }
}
