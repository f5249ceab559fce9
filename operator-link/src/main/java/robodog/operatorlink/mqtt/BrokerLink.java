package robodog.operatorlink.mqtt;

/**
 * The robot's side of MQTT, whichever broker carries it: the embedded one ({@link EmbeddedBroker})
 * or an external one ({@link ExternalBrokerLink}). Commands go into the {@link
 * robodog.operatorlink.OperatorLink} given at construction; state goes out through {@link
 * #publish}. Any thread may call {@link #publish}.
 */
public interface BrokerLink extends AutoCloseable {
  /**
   * Publishes from the robot at QoS 0; dropped silently while the broker is unreachable.
   *
   * @param topic topic under {@code robodog/<robot_id>/}, e.g. {@code state/telemetry}
   */
  void publish(String topic, byte[] payload, boolean retained);

  /**
   * Messages refused before they reached the operator link (roles, missing sender), since start.
   */
  long refusedPublishes();

  /** One line for the operator: where to connect, e.g. {@code tcp://127.0.0.1:1883}. */
  String describe();

  /** Publishes {@code state/status} offline (or lets the last will do it) and disconnects. */
  @Override
  void close();
}
