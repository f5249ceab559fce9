package robodog.app.link;

import java.io.PrintWriter;
import robodog.app.robot.Body;
import robodog.app.robot.BodyPerception;
import robodog.core.Clock;
import robodog.core.HardwarePort;
import robodog.core.IdealServoHardware;
import robodog.locomotion.HexapodController;
import robodog.locomotion.LocomotionConfig;

/**
 * A body of ideal servos (every joint where it was told, no physics, no camera) for benchmarks of
 * the robot's own path: with it an E-stop leaves the robot standing by, where the simulator would
 * end the run on the unpowered body's fall. Start-up thread.
 */
final class IdealBody implements Body {
  private final IdealServoHardware hardware;

  IdealBody(LocomotionConfig cfg) {
    hardware = new IdealServoHardware(cfg.standingJointAngles());
  }

  @Override
  public String name() {
    return "ideal";
  }

  @Override
  public HardwarePort hardware() {
    return hardware;
  }

  @Override
  public BodyPerception perception(
      HexapodController controller, Clock clock, boolean lockStep, PrintWriter out) {
    out.println("perception: off (ideal servos have no camera)");
    return null;
  }

  @Override
  public void close() {}
}
