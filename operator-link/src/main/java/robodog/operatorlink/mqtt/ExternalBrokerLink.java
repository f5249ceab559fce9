package robodog.operatorlink.mqtt;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import javax.net.ssl.SSLSocketFactory;
import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import robodog.operatorlink.OperatorLink;
import robodog.operatorlink.protocol.CommandParser;
import robodog.operatorlink.protocol.ProtocolException;

/**
 * The robot as a Paho client of an external broker (Mosquitto, or a cluster for a fleet), with the
 * same topics and the same {@link OperatorLink} as the embedded broker.
 *
 * <p><b>Who sent a command.</b> A plain broker does not tell subscribers who published, so each
 * operator publishes under its own path, {@code robodog/<robot>/op/<user>/cmd/<name>}, and the
 * broker's ACL lets user {@code <user>} write only there (Mosquitto's {@code %u} pattern; see
 * {@code docs/mosquitto/robodog.acl}). The robot subscribes with {@code op/+/cmd/+} and takes the
 * sender's identity from that topic segment, which a user cannot choose; a {@code client} field in
 * the payload is ignored. {@code robodog/<robot>/cmd/estop} (no user) is also read, for an E-stop
 * engage from anyone the ACL lets write it; anything else there is refused.
 *
 * <p><b>No stale commands.</b> Clean session (the broker queues nothing for the robot while it is
 * away), retained commands are refused, velocity expiry is counted from receipt, and each sender's
 * {@code seq} must still increase after a reconnection.
 *
 * <p><b>Broker loss.</b> The robot publishes {@code state/status} {@code {"online":true}}
 * (retained, QoS 1) at connect and every keep-alive/4 afterwards; if no acknowledgement arrives for
 * one keep-alive, the broker is declared lost: detection within 1.5 × keep-alive, even when TCP
 * says nothing (a frozen broker, a silent Wi-Fi). Loss, detected this way or by Paho, goes to
 * {@link OperatorLink#transportLost} (controlled stop). Paho's own keep-alive can take up to two
 * keep-alives and its automatic reconnect never retries a failed first connect, so a supervisor
 * thread here does both: it reconnects every 0.5 s until it succeeds. The last will {@code
 * {"online":false}} (retained) tells everyone when the robot vanishes.
 *
 * <p>Threads: Paho's callback thread feeds the link; the supervisor thread ({@code
 * broker-supervisor}) connects and probes; {@link #publish} from any thread.
 */
public final class ExternalBrokerLink implements BrokerLink {
  /**
   * @param serverUri {@code tcp://host:port} or {@code ssl://host:port}
   * @param user user name, or null for anonymous
   * @param password password (with a user)
   * @param keepAliveSeconds MQTT keep-alive; broker loss is detected within 1.5 times this
   * @param tls TLS socket factory for ssl:// (null: the JVM's default trust store)
   */
  public record Options(
      String serverUri, String user, char[] password, int keepAliveSeconds, SSLSocketFactory tls) {
    public Options {
      if (serverUri == null || !serverUri.matches("(tcp|ssl)://[^/:\\s]+:[0-9]{1,5}")) {
        throw new IllegalArgumentException(
            "--broker '" + serverUri + "': expected tcp://host:port or ssl://host:port");
      }
      if (keepAliveSeconds < 1 || keepAliveSeconds > 600) {
        throw new IllegalArgumentException("keep-alive must be 1..600 s, got " + keepAliveSeconds);
      }
    }
  }

  /**
   * The command topics under the robot's prefix, as the robot subscribes to them: one path per
   * broker user ({@code op/<user>/cmd/<name>}).
   */
  public static final String OPERATOR_COMMANDS = "op/+/cmd/+";

  /** The command path prefix of user {@code user} under the robot's prefix. */
  public static String commandPath(String user) {
    return "op/" + user + "/";
  }

  private static final byte[] ONLINE = "{\"online\":true}".getBytes(StandardCharsets.UTF_8);
  private static final byte[] OFFLINE = "{\"online\":false}".getBytes(StandardCharsets.UTF_8);

  private final Options options;
  private final String prefix;
  private final OperatorLink link;
  private final Consumer<String> errors;
  private final MqttAsyncClient client;
  private final MqttConnectOptions connect = new MqttConnectOptions();
  private final AtomicLong refused = new AtomicLong();
  private final AtomicLong connections = new AtomicLong();
  private final Thread supervisor;
  private volatile long lastAckNanos;
  private volatile boolean closed;
  private String lastFailure = ""; // supervisor thread only

  /**
   * Starts connecting in the background (the robot starts even when the broker is down).
   *
   * @param errors receives one sentence per refused message and per connection event
   */
  public ExternalBrokerLink(
      String robotId, OperatorLink link, Consumer<String> errors, Options options)
      throws MqttException {
    this.options = options;
    this.prefix = "robodog/" + robotId + "/";
    this.link = link;
    this.errors = errors;
    this.client =
        new MqttAsyncClient(options.serverUri(), "robodog-" + robotId, new MemoryPersistence());
    connect.setCleanSession(true);
    connect.setAutomaticReconnect(false); // the supervisor reconnects (see class comment)
    connect.setKeepAliveInterval(options.keepAliveSeconds());
    connect.setConnectionTimeout(Math.max(1, options.keepAliveSeconds()));
    connect.setMaxInflight(64);
    connect.setWill(prefix + "state/status", OFFLINE, 1, true);
    connect.setSocketFactory(
        options.serverUri().startsWith("ssl:")
            ? new NoDelaySslSocketFactory(
                options.tls() != null
                    ? options.tls()
                    : (SSLSocketFactory) SSLSocketFactory.getDefault())
            : new NoDelaySocketFactory());
    if (options.user() != null) {
      connect.setUserName(options.user());
      connect.setPassword(options.password());
    }
    client.setCallback(
        new MqttCallback() {
          @Override
          public void connectionLost(Throwable cause) {
            lost("connection lost (" + cause.getMessage() + ")");
          }

          @Override
          public void messageArrived(String topic, MqttMessage message) {
            onCommand(topic, message);
          }

          @Override
          public void deliveryComplete(IMqttDeliveryToken token) {}
        });
    supervisor = new Thread(this::supervise, "broker-supervisor");
    supervisor.setDaemon(true);
    supervisor.start();
  }

  /** Characters a user segment of the command path may have (Mosquitto user names). */
  private static final java.util.regex.Pattern USER_PATH =
      java.util.regex.Pattern.compile("op/([A-Za-z0-9_.-]{1,64})/(cmd/[^/]+)");

  private void onCommand(String topic, MqttMessage message) {
    long now = System.nanoTime();
    String suffix = topic.substring(prefix.length());
    byte[] payload = message.getPayload();
    try {
      if (message.isRetained()) {
        throw new ProtocolException(
            suffix + ": retained command refused: commands count only when sent live");
      }
      if (suffix.equals("cmd/estop")) {
        if (!CommandParser.engages(payload)) {
          throw new ProtocolException(
              "cmd/estop: only an engage is taken here; a release goes under op/<user>/cmd/estop");
        }
        link.onMessage("", suffix, payload, now);
        return;
      }
      java.util.regex.Matcher m = USER_PATH.matcher(suffix);
      if (!m.matches()) {
        throw new ProtocolException(
            suffix + ": refused: commands go to robodog/<robot>/op/<user>/cmd/<name>");
      }
      if (robodog.operatorlink.mqtt.auth.ClientIdBinding.RESERVED.contains(
          m.group(1).toLowerCase(java.util.Locale.ROOT))) {
        throw new ProtocolException(
            suffix + ": refused: user '" + m.group(1) + "' is a name reserved for the robot");
      }
      link.onMessage(m.group(1), m.group(2), payload, now);
    } catch (ProtocolException e) {
      refused.incrementAndGet();
      errors.accept(e.getMessage());
    } catch (RuntimeException e) {
      // Paho would drop the connection on an exception from this callback; keep it and say why.
      refused.incrementAndGet();
      errors.accept(suffix + ": refused: " + e);
    }
  }

  private void lost(String why) {
    if (closed) {
      return;
    }
    link.transportLost(System.nanoTime());
    errors.accept("broker " + options.serverUri() + ": " + why + "; robot stopped, reconnecting");
  }

  private void supervise() {
    long probeNanos = options.keepAliveSeconds() * 250_000_000L;
    long lossNanos = options.keepAliveSeconds() * 1_000_000_000L;
    long lastProbe = 0;
    while (!closed) {
      try {
        long now = System.nanoTime();
        if (!client.isConnected()) {
          tryConnect();
        } else if (now - lastAckNanos > lossNanos) {
          lost("no answer for " + options.keepAliveSeconds() + " s");
          client.disconnectForcibly(0, 100, false);
        } else if (now - lastProbe >= probeNanos) {
          lastProbe = now;
          probe();
        }
        Thread.sleep(client.isConnected() ? 20 : 500);
      } catch (InterruptedException e) {
        return;
      } catch (MqttException | RuntimeException e) {
        // Expected while the broker is down; the loop retries. Say so once per kind of failure
        // (a refused password should not go unnoticed).
        String why = e.getMessage() != null ? e.getMessage() : e.toString();
        if (!why.equals(lastFailure)) {
          lastFailure = why;
          errors.accept("broker " + options.serverUri() + ": cannot connect (" + why + ")");
        }
        try {
          Thread.sleep(500);
        } catch (InterruptedException ie) {
          return;
        }
      }
    }
  }

  private void tryConnect() throws MqttException {
    client.connect(connect).waitForCompletion(options.keepAliveSeconds() * 2000L);
    lastAckNanos = System.nanoTime();
    client
        .subscribe(
            new String[] {prefix + OPERATOR_COMMANDS, prefix + "cmd/estop"}, new int[] {1, 1})
        .waitForCompletion(2000);
    probe();
    lastFailure = "";
    if (connections.incrementAndGet() > 1) {
      errors.accept("broker " + options.serverUri() + ": reconnected");
    }
  }

  private void probe() throws MqttException {
    client.publish(
        prefix + "state/status",
        ONLINE,
        1,
        true,
        null,
        new IMqttActionListener() {
          @Override
          public void onSuccess(IMqttToken token) {
            lastAckNanos = System.nanoTime();
          }

          @Override
          public void onFailure(IMqttToken token, Throwable e) {}
        });
  }

  /** Whether the robot is connected to the broker now. */
  public boolean isConnected() {
    return client.isConnected();
  }

  /** Successful connections since start (1 after the first, +1 per reconnection). */
  public long connections() {
    return connections.get();
  }

  @Override
  public void publish(String topic, byte[] payload, boolean retained) {
    if (!client.isConnected()) {
      return;
    }
    try {
      client.publish(prefix + topic, payload, 0, retained);
    } catch (MqttException e) {
      // Disconnected between the check and the send, or the outbound queue is full: telemetry
      // is refreshed at 10 Hz and errors are also logged, so dropping one is fine.
    }
  }

  @Override
  public long refusedPublishes() {
    return refused.get();
  }

  @Override
  public String describe() {
    return options.serverUri() + " (external broker)";
  }

  @Override
  public void close() {
    closed = true;
    supervisor.interrupt();
    try {
      supervisor.join(2000);
      if (client.isConnected()) {
        client.publish(prefix + "state/status", OFFLINE, 1, true).waitForCompletion(1000);
        client.disconnect(500).waitForCompletion(1000);
      }
    } catch (MqttException | InterruptedException e) {
      // Closing anyway; the last will covers an unclean end.
    } finally {
      try {
        client.close(true);
      } catch (MqttException e) {
        // nothing left to do
      }
    }
  }
}
