package robodog.app.robot;

import java.nio.file.Path;
import robodog.core.Mode;

/**
 * How to assemble a {@link Robot}, beyond its body, clock and configuration.
 *
 * @param rateHz control loop rate, Hz
 * @param initialMode the mode the controller starts in (PASSIVE on the robot: nothing powers up the
 *     legs before an operator asks)
 * @param policyFile the learned gait advisor's model, or null for none
 * @param payload the declared payload at start (the lease holder may change it with cmd/payload):
 *     an input of the advisor, the ride profile of runs that declare none, and telemetry
 * @param perception start the body's camera perception
 * @param realtime the control thread's real-time set-up in real time (none headless)
 * @param link the operator's side (broker, tablet, missions, ROS 2), or null for none (a headless
 *     run, which still has the operator link's lease and watchdog, driven in process)
 */
public record RobotSetup(
    double rateHz,
    robodog.core.Mode initialMode,
    Path policyFile,
    robodog.core.Payload payload,
    boolean perception,
    robodog.core.rt.RealtimeRequest realtime,
    OperatorSide.Setup link) {

  /** A headless robot: no broker, no advisor, no perception. */
  public static RobotSetup headless(double rateHz, Mode initialMode) {
    return new RobotSetup(
        rateHz,
        initialMode,
        null,
        robodog.core.Payload.none(),
        false,
        robodog.core.rt.RealtimeRequest.none(),
        null);
  }

  public RobotSetup withPolicy(Path file) {
    return new RobotSetup(rateHz, initialMode, file, payload, perception, realtime, link);
  }

  public RobotSetup withPerception(boolean on) {
    return new RobotSetup(rateHz, initialMode, policyFile, payload, on, realtime, link);
  }

  public RobotSetup withLink(OperatorSide.Setup l) {
    return new RobotSetup(rateHz, initialMode, policyFile, payload, perception, realtime, l);
  }
}
