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
import robodog.operatorlink.PortInUseException;
import robodog.operatorlink.mqtt.auth.BrokerSecurity;
import robodog.operatorlink.mqtt.ws.BrokerWebSockets;
import robodog.operatorlink.mqtt.ws.OriginPolicy;
import robodog.operatorlink.protocol.CommandParser;

/**
 * The MQTT broker inside the robot process (Moquette 0.17, MQTT 3.1.1): the robot is the hotspot
 * the tablet joins, so no other infrastructure is needed. Commands are taken from the broker's
 * publish interceptor, which knows the sender's client id (clients cannot spoof each other's
 * lease), and handed to the {@link OperatorLink}.
 *
 * <p>Who may connect and publish where is {@link BrokerSecurity}'s business: anonymous clients on a
 * loopback bind, user name and password with roles on any other, optional TLS.
 */
public final class EmbeddedBroker implements BrokerLink {
  /** HTTP path of the MQTT-over-WebSocket endpoint. */
  public static final String WEB_SOCKET_PATH = "/mqtt";

  private final Server server = new Server();
  private final int port;
  private final int webSocketPort;
  private final String prefix;
  private final BrokerSecurity security;
  private final BrokerWebSockets webSockets;

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
    this(robotId, link, port, BrokerSecurity.loopback());
  }

  /**
   * @param robotId the {@code <robot_id>} of the topic prefix
   * @param port TCP port, or 0 for a free one
   * @param security bind address, users and roles, TLS
   */
  public EmbeddedBroker(String robotId, OperatorLink link, int port, BrokerSecurity security)
      throws IOException {
    this(robotId, link, port, security, -1);
  }

  /**
   * @param robotId the {@code <robot_id>} of the topic prefix
   * @param port TCP port, or 0 for a free one
   * @param security bind address, users and roles, TLS
   * @param webSocketPort MQTT over WebSockets (path {@value #WEB_SOCKET_PATH}, for the tablet page)
   *     on the same host and with the same users as TCP, without TLS: a port, 0 for a free one, or
   *     -1 for none (the secure WebSocket listener is part of {@code security}'s TLS)
   */
  public EmbeddedBroker(
      String robotId, OperatorLink link, int port, BrokerSecurity security, int webSocketPort)
      throws IOException {
    this(robotId, (CommandSink) link::onMessage, port, security, webSocketPort);
  }

  /**
   * With a router in front of the link (e.g. {@code cmd/mission} to autonomy, the rest to the
   * operator link), on loopback without WebSockets.
   */
  public EmbeddedBroker(String robotId, CommandSink link, int port) throws IOException {
    this(robotId, link, port, BrokerSecurity.loopback(), -1);
  }

  /**
   * The full form: {@code link} receives every authorised {@code cmd/...} message.
   *
   * @param webSocketPort a port, 0 for a free one, or -1 for none
   */
  public EmbeddedBroker(
      String robotId, CommandSink link, int port, BrokerSecurity security, int webSocketPort)
      throws IOException {
    this.port = port != 0 ? port : freePort();
    this.webSocketPort = webSocketPort != 0 ? webSocketPort : freePort();
    this.security = security;
    Properties p = new Properties();
    security.configure(p);
    // Moquette's own WebSocket listeners have no Origin check and no hook for one: the ws:// and
    // wss:// listeners are BrokerWebSockets, relaying to the TCP port below.
    p.remove("secure_websocket_port");
    p.setProperty("port", Integer.toString(this.port));
    p.setProperty("allow_zero_byte_client_id", "true");
    p.setProperty("telemetry_enabled", "false");
    p.setProperty("persistence_enabled", "false");
    this.prefix = "robodog/" + robotId + "/";
    String prefix = this.prefix;
    String estopTopic = prefix + "cmd/estop";
    checkPortsFree(security);
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
                    if (topic.equals(estopTopic) && engagesAlreadyTaken(payload)) {
                      return; // the gate delivered it on the I/O thread already
                    }
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
            }),
        null,
        security.authenticator(),
        security.authorizer(prefix));
    security.onRefused(
        why -> publish("state/error", TelemetryJson.error(why), false)); // the sender sees why
    try {
      security.installGate(
          server,
          estopTopic,
          (client, bytes, now) -> {
            if (CommandParser.engages(bytes)) {
              link.onMessage(client, "cmd/estop", bytes, now);
            }
          });
      webSockets =
          new BrokerWebSockets(
              security.bindHost(), this.port, this.webSocketPort, security.tls(), WEB_SOCKET_PATH);
    } catch (IOException | RuntimeException e) {
      server.stopServer();
      throw e;
    }
  }

  /**
   * The web pages whose browsers may open the WebSocket listeners (the tablet page's own origins
   * and any configured ones); until set, none may (clients without an {@code Origin} header, which
   * no browser omits, still may). Any thread.
   */
  public void allowWebSocketOrigins(OriginPolicy origins) {
    webSockets.allow(origins);
  }

  /** The page origins the WebSocket listeners accept. */
  public OriginPolicy webSocketOrigins() {
    return webSockets.origins();
  }

  /** The TLS listeners' keystore and ports, or null without TLS. */
  public BrokerSecurity.Tls tls() {
    return security.tls();
  }

  private static boolean engagesAlreadyTaken(ByteBuf payload) {
    byte[] bytes = new byte[payload.readableBytes()];
    payload.getBytes(payload.readerIndex(), bytes);
    return CommandParser.engages(bytes);
  }

  /**
   * Drops every connection of a user removed from {@code file} while the robot runs (the file is
   * re-read every second). Start-up thread.
   */
  public EmbeddedBroker reloadCredentials(java.nio.file.Path file) {
    security.reloadFrom(file, server::disconnectClient);
    return this;
  }

  /** Every listener's port, before Moquette starts any of them. */
  private void checkPortsFree(BrokerSecurity security) throws IOException {
    String host = security.bindHost();
    PortInUseException.checkFree(PortInUseException.Listener.MQTT, host, port);
    PortInUseException.checkFree(PortInUseException.Listener.MQTT_WEBSOCKET, host, webSocketPort);
    BrokerSecurity.Tls tls = security.tls();
    if (tls != null) {
      PortInUseException.checkFree(PortInUseException.Listener.MQTT_TLS, host, tls.port());
      PortInUseException.checkFree(
          PortInUseException.Listener.MQTT_SECURE_WEBSOCKET, host, tls.webSocketPort());
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  /**
   * Publishes from the robot (QoS 0; retained ones at QoS 1): {@code state/status} (retained),
   * {@code state/telemetry}, {@code state/error}. Any thread.
   *
   * @param topic topic under {@code robodog/<robot_id>/}
   */
  @Override
  public void publish(String topic, byte[] payload, boolean retained) {
    MqttPublishMessage msg =
        MqttMessageBuilders.publish()
            .topicName(prefix + topic)
            .retained(retained)
            // Moquette drops a retained QoS 0 message instead of storing it (MQTT 3.1.1 allows
            // that), so state/status would never be retained: retained ones go at QoS 1.
            .qos(retained ? MqttQoS.AT_LEAST_ONCE : MqttQoS.AT_MOST_ONCE)
            .payload(Unpooled.wrappedBuffer(payload))
            .build();
    server.internalPublish(msg, "robodog");
  }

  /** The MQTT TCP port. */
  public int port() {
    return port;
  }

  /** The address the listeners bind to (e.g. 127.0.0.1, or 0.0.0.0 for every interface). */
  public String host() {
    return security.bindHost();
  }

  /** The MQTT-over-WebSocket port on the broker's host, or -1 when there is none. */
  public int webSocketPort() {
    return webSocketPort;
  }

  /**
   * The MQTT-over-secure-WebSocket port ({@code wss://}, path {@value #WEB_SOCKET_PATH}, the TLS
   * keystore's certificate), or -1 when there is none.
   */
  public int secureWebSocketPort() {
    return security.tls() != null ? security.tls().webSocketPort() : -1;
  }

  @Override
  public long refusedPublishes() {
    return security.refusedPublishes();
  }

  @Override
  public String describe() {
    String host = security.bindHost().equals("0.0.0.0") ? "<this host>" : security.bindHost();
    return "tcp://"
        + host
        + ":"
        + port
        + (security.tls() != null ? " and ssl://" + host + ":" + security.tls().port() : "")
        + (webSocketPort > 0 ? " and ws://" + host + ":" + webSocketPort + WEB_SOCKET_PATH : "")
        + (secureWebSocketPort() > 0
            ? " and wss://" + host + ":" + secureWebSocketPort() + WEB_SOCKET_PATH
            : "")
        + (security.anonymousAllowed() ? " (anonymous, loopback)" : " (user name and password)");
  }

  @Override
  public void close() {
    publish(
        "state/status",
        "{\"online\":false}".getBytes(java.nio.charset.StandardCharsets.UTF_8),
        true);
    webSockets.close();
    server.stopServer();
    security.close();
  }
}
