package robodog.core;

/**
 * A body with perfect servos and no physics: each joint reaches its commanded position at once,
 * feet report contact unless the controller lifts them, the IMU reads level. It is the workload of
 * the tick benchmark and the {@code gait} trace export, where only the controller's own output
 * matters. The physics simulator ({@code sim}) is the realistic stand-in.
 *
 * <p>Control thread only; allocation-free.
 */
public final class IdealServoHardware implements HardwarePort {
  private final double[] position = new double[Joints.COUNT];
  private final double[] velocity = new double[Joints.COUNT];
  private boolean enabled;
  private volatile boolean estopPressed;

  /** Starts with every joint at {@code initial} (rad, 18 values). */
  public IdealServoHardware(double[] initial) {
    System.arraycopy(initial, 0, position, 0, Joints.COUNT);
  }

  /** Presses or releases the E-stop button (any thread); the next read reports it. */
  public void pressEstop(boolean pressed) {
    estopPressed = pressed;
  }

  @Override
  public void configure() {}

  @Override
  public void activate() {}

  @Override
  public void deactivate() {
    enabled = false;
  }

  @Override
  public void read(long nowNanos, long periodNanos, RobotState out) {
    out.stampNanos = nowNanos;
    System.arraycopy(position, 0, out.jointPosition, 0, Joints.COUNT);
    System.arraycopy(velocity, 0, out.jointVelocity, 0, Joints.COUNT);
    for (int i = 0; i < LegId.COUNT; i++) {
      out.footContact[i] = enabled;
    }
    out.imuOrientation[0] = 1;
    out.imuOrientation[1] = 0;
    out.imuOrientation[2] = 0;
    out.imuOrientation[3] = 0;
    out.imuLinearAcceleration[2] = 9.81;
    out.estopPressed = estopPressed;
  }

  @Override
  public void write(long nowNanos, long periodNanos, JointCommand command) {
    enabled = command.enabled;
    if (!command.enabled) {
      return;
    }
    double dt = periodNanos * 1e-9;
    for (int i = 0; i < Joints.COUNT; i++) {
      velocity[i] = dt > 0 ? (command.position[i] - position[i]) / dt : 0;
      position[i] = command.position[i];
    }
  }

  @Override
  public void onError(Throwable cause) {}
}
