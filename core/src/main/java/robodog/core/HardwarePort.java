package robodog.core;

/**
 * The one seam between the controller and a body: the physics simulator and the Pi4J drivers both
 * implement it, so the controller cannot tell them apart (ros2_control's {@code
 * hardware_interface}).
 *
 * <p>Lifecycle: {@link #configure} once (open buses, load calibration; may throw), {@link
 * #activate} (power servos), then {@code read}/{@code write} every tick, {@link #deactivate} at
 * shutdown. {@link #onError} is called by the loop when a tick failed; it must leave the hardware
 * safe and must not throw.
 *
 * <p>Threading: every method is called from the control thread only. {@code read} and {@code write}
 * are on the hot path: they must not allocate or block beyond the bus transfer itself.
 */
public interface HardwarePort {
  /** Opens and checks the hardware. Throws with a message naming what is wrong. */
  void configure() throws Exception;

  /** Brings outputs up, ready for the first write. */
  void activate() throws Exception;

  /** Takes outputs down (servos limp or held as the hardware defines). Must not throw. */
  void deactivate();

  /**
   * Fills {@code stateToPack} with the current readings.
   *
   * @param nowNanos loop time of this tick, nanoseconds of the loop clock
   * @param periodNanos time since the previous tick, nanoseconds
   */
  void read(long nowNanos, long periodNanos, RobotState stateToPack);

  /**
   * Sends {@code command} to the actuators.
   *
   * @param nowNanos loop time of this tick
   * @param periodNanos time since the previous tick
   */
  void write(long nowNanos, long periodNanos, JointCommand command);

  /** Called after a failed tick: put the outputs in their safe state. Must not throw. */
  void onError(Throwable cause);
}
