package robodog.harness;

import java.io.PrintWriter;
import java.nio.file.Path;
import robodog.core.Clock;
import robodog.core.Mode;
import robodog.core.Payload;
import robodog.core.rt.RealtimeRequest;
import robodog.harness.sim.WorldBody;
import robodog.locomotion.LocomotionConfig;

/**
 * Builds the robot on a simulated body: the composition root implements this with the one robot
 * assembly, so every harness run exercises the robot's own wiring. What the harness does not know
 * about (the operator's side: broker, tablet, ROS 2) is the factory's to add. Start-up thread.
 */
@FunctionalInterface
public interface RobotFactory {
  /**
   * How to assemble the robot, beyond its body, clock and configuration.
   *
   * @param rateHz control loop rate, Hz
   * @param initialMode the mode the controller starts in
   * @param policyFile the learned gait advisor's model, or null for none
   * @param payload the declared payload at start
   * @param perception start the body's camera perception
   * @param realtime the control thread's real-time set-up in real time (none headless)
   */
  record Setup(
      double rateHz,
      Mode initialMode,
      Path policyFile,
      Payload payload,
      boolean perception,
      RealtimeRequest realtime) {

    /** A headless robot: no advisor, no perception, no real-time set-up. */
    public static Setup headless(double rateHz, Mode initialMode) {
      return new Setup(rateHz, initialMode, null, Payload.none(), false, RealtimeRequest.none());
    }
  }

  /**
   * Assembles the robot on {@code body}; nothing is powered until it is started or stepped. A
   * failure closes what was opened and is rethrown.
   *
   * @param clock a stepped clock (headless, lock step) or the wall clock (real time)
   * @param out the robot's start-up lines
   */
  SimulatedRobot assemble(
      LocomotionConfig cfg, WorldBody body, Clock clock, Setup setup, PrintWriter out)
      throws Exception;
}
