package robodog.app.perception;

import java.util.Arrays;
import robodog.core.perception.CameraSnapshot;
import robodog.operatorlink.mqtt.BrokerLink;
import robodog.operatorlink.mqtt.PerceptionJson;
import robodog.perception.PerceptionOutputs;

/**
 * Perception's part of the operator link: the {@code perception} object of {@code state/telemetry}
 * and the annotated JPEG on {@code state/camera}. It is the one consumer of the landmark, people,
 * grid, terrain, health and snapshot mailboxes (the controller consumes the safety one).
 *
 * <p>The operator-link thread only (never the control loop): it builds strings.
 */
public final class PerceptionTelemetry {
  private final PerceptionOutputs out;

  public PerceptionTelemetry(PerceptionOutputs out) {
    this.out = out;
  }

  /**
   * The {@code perception} JSON object; {@code speedScale} is the controller's applied scale from
   * its telemetry, {@code nowNanos} on the clock the pipeline stamps with.
   */
  public String json(double speedScale, long nowNanos) {
    return PerceptionJson.encode(
        out.landmarks().latest(),
        out.people().latest(),
        out.grid().latest(),
        out.terrain().latest(),
        out.health().latest(),
        speedScale,
        nowNanos);
  }

  /**
   * Publishes a new annotated snapshot (binary JPEG, not retained) on {@code state/camera} if one
   * arrived since the last call; returns true when it did.
   */
  public boolean publishSnapshot(BrokerLink broker) {
    CameraSnapshot s = out.snapshot().poll();
    if (s == null || s.length == 0) {
      return false;
    }
    broker.publish("state/camera", Arrays.copyOf(s.jpeg, s.length), false);
    return true;
  }
}
