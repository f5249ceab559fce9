package robodog.app.robot;

import java.io.PrintWriter;
import robodog.core.Clock;
import robodog.core.HardwarePort;
import robodog.locomotion.HexapodController;

/**
 * What differs between the robot's bodies: the Raspberry Pi's own devices ({@code pi}), the Pi4J
 * drivers on register models over physics ({@code hil}), or the simulated hardware ({@code sim}).
 * Everything else, controller to tablet, is the same {@link Robot}. A body is built with its
 * hardware configured and checked and servo power off; the robot activates it.
 *
 * <p>Start-up thread only; {@link #close} after the robot has stopped its loop.
 */
public interface Body extends AutoCloseable {
  /** {@code pi}, {@code hil} or {@code sim}. */
  String name();

  /** The hardware port the control loop reads and writes (control thread only once running). */
  HardwarePort hardware();

  /**
   * Starts this body's camera perception with its safety limit connected to {@code controller}, or
   * returns null after one line on {@code out} saying why it is off.
   *
   * @param clock the control loop's clock (stamps the safety limit)
   * @param lockStep true when simulated time is stepped (headless): frames are waited for
   */
  BodyPerception perception(
      HexapodController controller, Clock clock, boolean lockStep, PrintWriter out);

  /** Releases the body's devices (after the hardware port is deactivated). */
  @Override
  void close();
}
