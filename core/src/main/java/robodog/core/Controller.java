package robodog.core;

/**
 * The control law behind the hardware port: reads a {@link RobotState}, fills a {@link
 * JointCommand}. Implemented by locomotion; composed with a {@link HardwarePort} by {@link
 * ControlTask}.
 *
 * <p>Threading: the control thread only. {@link #update} must not allocate or block.
 */
public interface Controller {
  /**
   * One control step.
   *
   * @param nowNanos loop time of this tick
   * @param periodNanos time since the previous tick, nanoseconds
   * @param state fresh sensor readings
   * @param commandToPack joint targets to fill
   */
  void update(long nowNanos, long periodNanos, RobotState state, JointCommand commandToPack);

  /**
   * A tick failed (here or in the hardware): latch the fault state so later ticks hold still. Must
   * not throw.
   */
  void enterFault(Throwable cause);
}
