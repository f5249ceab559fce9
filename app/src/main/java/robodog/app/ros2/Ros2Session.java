package robodog.app.ros2;

import robodog.core.Mailbox;
import robodog.core.Telemetry;
import robodog.operatorlink.ros2.Ros2Bridge;

/**
 * A running ROS 2 bridge, or nothing when {@code --ros2} was not given. Main thread only.
 *
 * <p>The controller must publish into {@link #controllerTelemetry()}: with ROS 2 on, the bridge
 * reads that mailbox and passes each snapshot on to the app's own, so both keep one reader each.
 */
public final class Ros2Session implements AutoCloseable {
  private final Ros2Bridge bridge;
  private final Mailbox<Telemetry> controllerTelemetry;

  Ros2Session(Ros2Bridge bridge, Mailbox<Telemetry> controllerTelemetry) {
    this.bridge = bridge;
    this.controllerTelemetry = controllerTelemetry;
  }

  /** The mailbox to give the controller. */
  public Mailbox<Telemetry> controllerTelemetry() {
    return controllerTelemetry;
  }

  @Override
  public void close() {
    if (bridge != null) {
      bridge.close();
    }
  }
}
