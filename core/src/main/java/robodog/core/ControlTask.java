package robodog.core;

/**
 * One control tick in the order ros2_control uses: {@code hardware.read} → {@code
 * controller.update} → {@code hardware.write}. It keeps a copy of the last command that was
 * computed without error, so when a tick throws the joints are held where they were instead of
 * receiving a half-written command.
 *
 * <p>Threading: the control thread only (it is the {@link Tickable} of a {@link LoopRunner}).
 */
public final class ControlTask implements Tickable {
  private final HardwarePort hardware;
  private final Controller controller;
  private final RobotState state = new RobotState();
  private final JointCommand command = new JointCommand();
  private final JointCommand lastGood = new JointCommand();
  private long lastNow;
  private long lastPeriod;
  private boolean inHardware;

  public ControlTask(HardwarePort hardware, Controller controller) {
    this.hardware = hardware;
    this.controller = controller;
  }

  @Override
  public void tick(long nowNanos, long periodNanos) {
    lastNow = nowNanos;
    lastPeriod = periodNanos;
    inHardware = true;
    hardware.read(nowNanos, periodNanos, state);
    inHardware = false;
    controller.update(nowNanos, periodNanos, state, command);
    lastGood.copyFrom(command);
    inHardware = true;
    hardware.write(nowNanos, periodNanos, command);
    inHardware = false;
  }

  @Override
  public void onTickException(Throwable cause) {
    controller.enterFault(cause);
    if (inHardware) {
      inHardware = false;
      hardware.onError(cause);
      return;
    }
    command.copyFrom(lastGood);
    try {
      hardware.write(lastNow, lastPeriod, command);
    } catch (RuntimeException e) {
      hardware.onError(e);
    }
  }

  /** The latest sensor state (control thread only). */
  public RobotState state() {
    return state;
  }

  /** The latest command sent (control thread only). */
  public JointCommand command() {
    return command;
  }
}
