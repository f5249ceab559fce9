package robodog.hardware.pca9685;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import robodog.core.JointKind;
import robodog.core.Joints;
import robodog.core.LegId;
import robodog.core.config.RobotDescription;
import robodog.hardware.i2c.I2cDevice;
import robodog.hardware.servo.CalibrationSession;
import robodog.hardware.servo.ServoCalibration;
import robodog.hardware.servo.ServoOutput;

/** The calibration tool's logic, driving modelled boards with scripted keystrokes. */
class CalibrationSessionTest {
  private static final RobotDescription ROBOT =
      RobotDescription.load(Path.of("../config/robot.yaml"));
  @TempDir Path dir;

  @Test
  void nudgesMoveOnlyTheSelectedServoRefusalsLeaveItAndSaveRoundTrips() throws Exception {
    Path file = dir.resolve("servos.yaml");
    Files.copy(Path.of("../config/servos.yaml"), file);
    ServoCalibration cal = ServoCalibration.load(file, ROBOT);
    Pca9685Bus bus = new Pca9685Bus();
    Pca9685Model a = bus.add(0x40);
    bus.add(0x41);
    ServoOutput out =
        new ServoOutput(
            cal, new I2cDevice[] {bus.device(0x40), bus.device(0x41)}, bus.device(0x70));
    out.initialize(us -> {});
    CalibrationSession s = new CalibrationSession(ROBOT, cal, out, file);
    assertTrue(s.start().contains("lf_coxa_joint"));
    int femur = Joints.index(LegId.LEFT_FRONT, JointKind.FEMUR);
    int tibia = Joints.index(LegId.LEFT_FRONT, JointKind.TIBIA);
    assertTrue(s.handle("n").startsWith("lf_femur_joint"));
    int femurBefore = a.offCount(cal.channel().get(femur));
    int tibiaBefore = a.offCount(cal.channel().get(tibia));
    assertTrue(s.handle("+ 4").contains("neutral 9.0°"));
    int femurAfter = a.offCount(cal.channel().get(femur));
    // Raising the neutral by 4° moves the femur's pulse by 4° of servo travel the other way.
    double countsPerDeg = 2000e-6 / 270 / (122 * 4096 / 25e6) * 4096;
    assertEquals(-4 * countsPerDeg, femurAfter - femurBefore, 1.0);
    assertEquals(tibiaBefore, a.offCount(cal.channel().get(tibia)), "other joints stay put");

    // Keep nudging: once the femur's upper limit would leave the servo's travel the edit is
    // refused and the servo does not move.
    String reply = "";
    int lastAccepted = femurAfter;
    for (int k = 0; k < 10 && !reply.startsWith("refused"); k++) {
      reply = s.handle("+ 20");
      if (!reply.startsWith("refused")) {
        lastAccepted = a.offCount(cal.channel().get(femur));
      }
    }
    assertTrue(reply.startsWith("refused: lf_femur_joint limit"), reply);
    assertEquals(
        lastAccepted, a.offCount(cal.channel().get(femur)), "a refused edit moves nothing");

    assertTrue(s.handle("q").startsWith("unsaved changes"));
    assertTrue(s.handle("s").startsWith("saved"));
    assertEquals(s.calibration(), ServoCalibration.load(file, ROBOT));
    assertNull(s.handle("q"));
    assertTrue(s.handle("+ x").contains("expected a number"));
    assertTrue(s.handle("zap").contains("unknown command"));
  }
}
