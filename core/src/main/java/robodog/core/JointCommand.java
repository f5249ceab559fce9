package robodog.core;

/**
 * What the controller asks of the hardware each tick: 18 joint position targets (rad) and whether
 * the servos are powered. Preallocated; {@link #copyFrom} is allocation-free.
 *
 * <p>{@code enabled == false} means outputs off (servos limp): the E-stop and PASSIVE state. The
 * hardware must honour it before anything else in the frame.
 *
 * <p>Not thread-safe: written by the control thread, read by {@code HardwarePort.write}.
 */
public final class JointCommand {
  /** Joint position targets in radians, indexed by {@link Joints#index}. */
  public final double[] position = new double[Joints.COUNT];

  /** Servo power; false = all outputs off. */
  public boolean enabled;

  /** Copies every field from {@code other}; allocation-free. */
  public void copyFrom(JointCommand other) {
    System.arraycopy(other.position, 0, position, 0, Joints.COUNT);
    enabled = other.enabled;
  }
}
