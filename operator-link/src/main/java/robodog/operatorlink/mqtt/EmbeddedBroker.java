package robodog.operatorlink.mqtt;

import io.moquette.broker.Server;
import io.moquette.broker.config.MemoryConfig;
import io.moquette.interception.AbstractInterceptHandler;
import io.moquette.interception.messages.InterceptPublishMessage;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.mqtt.MqttMessageBuilders;
import io.netty.handler.codec.mqtt.MqttPublishMessage;
import io.netty.handler.codec.mqtt.MqttQoS;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.List;
import java.util.Properties;
import robodog.operatorlink.OperatorLink;

/**
 * The MQTT broker inside the robot process (Moquette 0.17, MQTT 3.1.1): the robot is the hotspot
 * the tablet joins, so no other infrastructure is needed. Commands are taken from the broker's
 * publish interceptor, which knows the sender's client id (clients cannot spoof each other's
 * lease), and handed to the {@link OperatorLink}.
 *
 * <p>Loopback only for now, so anonymous clients are allowed (Mosquitto 2's rule); listening on
 * other addresses with credentials and TLS is issue 4's remaining work.
 */
public final class EmbeddedBroker implements AutoCloseable {
  private final Server server = new Server();
  private final int port;
  private final String prefix;

  /** Receives {@code cmd/...} messages (topic without the robot prefix) with the sender's id. */
  @FunctionalInterface
  public interface CommandSink {
    void onMessage(String client, String topic, byte[] payload, long nowNanos);
  }

  /**
   * @param robotId the {@code <robot_id>} of the topic prefix
   * @param port TCP port, or 0 for a free one
   */
  public EmbeddedBroker(String robotId, OperatorLink link, int port) throws IOException {
    this(robotId, (CommandSink) link::onMessage, port);
  }

  /**
   * With a router in front of the link (e.g. {@code cmd/mission} to autonomy, the rest to the
   * operator link).
   */
  public EmbeddedBroker(String robotId, CommandSink link, int port) throws IOException {
    this.port = port != 0 ? port : freePort();
    Properties p = new Properties();
    p.setProperty("host", "127.0.0.1");
    p.setProperty("port", Integer.toString(this.port));
    p.setProperty("allow_anonymous", "true");
    p.setProperty("allow_zero_byte_client_id", "true");
    p.setProperty("telemetry_enabled", "false");
    p.setProperty("persistence_enabled", "false");
    this.prefix = "robodog/" + robotId + "/";
    String prefix = this.prefix;
    server.startServer(
        new MemoryConfig(p),
        List.of(
            new AbstractInterceptHandler() {
              @Override
              public String getID() {
                return "robodog-operator-link";
              }

              @Override
              public void onPublish(InterceptPublishMessage msg) {
                ByteBuf payload = msg.getPayload();
                try {
                  String topic = msg.getTopicName();
                  if (topic.startsWith(prefix + "cmd/")) {
                    byte[] bytes = new byte[payload.readableBytes()];
                    payload.getBytes(payload.readerIndex(), bytes);
                    link.onMessage(
                        msg.getClientID(),
                        topic.substring(prefix.length()),
                        bytes,
                        System.nanoTime());
                  }
                } finally {
                  payload.release();
                }
              }

              @Override
              public void onSessionLoopError(Throwable error) {
                // Logged by Moquette; the watchdog handles what it means for the robot.
              }
            }));
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  /**
   * Publishes from the robot (QoS 0): {@code state/status} (retained), {@code state/telemetry},
   * {@code state/error}. Any thread.
   *
   * @param topic topic under {@code robodog/<robot_id>/}
   */
  public void publish(String topic, byte[] payload, boolean retained) {
    MqttPublishMessage msg =
        MqttMessageBuilders.publish()
            .topicName(prefix + topic)
            .retained(retained)
            .qos(MqttQoS.AT_MOST_ONCE)
            .payload(Unpooled.wrappedBuffer(payload))
            .build();
    server.internalPublish(msg, "robodog");
  }

  /** The MQTT TCP port on 127.0.0.1. */
  public int port() {
    return port;
  }

  @Override
  public void close() {
    publish(
        "state/status",
        "{\"online\":false}".getBytes(java.nio.charset.StandardCharsets.UTF_8),
        true);
    server.stopServer();
  }
}
