package robodog.operatorlink.testing;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import robodog.operatorlink.mqtt.NoDelaySocketFactory;

/**
 * A tablet-like MQTT client for tests: Paho with TCP_NODELAY, clean session, no offline buffer (a
 * command typed while disconnected is lost, never sent late), a counter for its {@code seq}, and a
 * record of what it received on {@code state/#}.
 */
public final class Tablet implements AutoCloseable {
  public final MqttClient client;
  public final List<String> received = new CopyOnWriteArrayList<>();

  /**
   * Every {@code state/*} message that was not strict JSON ({@link StrictJson}), with why; any
   * entry fails {@link #got}, {@link #assertValid} and {@link #close}.
   */
  public final List<String> invalid = new CopyOnWriteArrayList<>();

  /** Why the connection dropped, if it did: failure messages name it instead of "lost". */
  public volatile Throwable lostCause;

  private final String prefix;
  private final String name;
  private String commandPath = "";
  private long seq;

  /**
   * @param uri tcp://host:port
   * @param name client id, also written in the {@code client} field
   * @param user user name or null
   */
  public Tablet(String uri, String robotId, String name, String user, String password)
      throws MqttException {
    this.prefix = "robodog/" + robotId + "/";
    this.name = name;
    client = new MqttClient(uri, name, new MemoryPersistence());
    client.setTimeToWait(2000);
    MqttConnectOptions o = new MqttConnectOptions();
    o.setSocketFactory(new NoDelaySocketFactory());
    o.setCleanSession(true);
    o.setConnectionTimeout(3);
    if (user != null) {
      o.setUserName(user);
      o.setPassword(password.toCharArray());
    }
    client.connect(o);
    client.setCallback(
        new MqttCallback() {
          @Override
          public void connectionLost(Throwable cause) {
            lostCause = cause;
          }

          @Override
          public void messageArrived(String topic, MqttMessage message) {}

          @Override
          public void deliveryComplete(IMqttDeliveryToken token) {}
        });
  }

  /**
   * Subscribes to the robot's {@code state/#}; messages land in {@link #received} as topic + body,
   * each JSON one parsed strictly first ({@link StrictJson}; a failure is kept in {@link
   * #invalid}).
   */
  public Tablet listen() throws MqttException {
    client.subscribe(
        prefix + "state/#",
        1,
        (t, m) -> {
          String topic = t.substring(prefix.length());
          if (!StrictJson.binary(topic)) {
            try {
              StrictJson.parse(topic, m.getPayload());
            } catch (IllegalArgumentException e) {
              invalid.add(e.getMessage());
            }
          }
          received.add(topic + " " + new String(m.getPayload(), StandardCharsets.UTF_8));
        });
    return this;
  }

  /**
   * Publishes commands under {@code path} (e.g. {@code op/tablet1/}, the per-user command path of
   * an external broker) instead of straight under the prefix.
   */
  public Tablet under(String path) {
    commandPath = path;
    return this;
  }

  /** Fails naming every state message that was not strict JSON. */
  public void assertValid() {
    if (!invalid.isEmpty()) {
      throw new AssertionError("the robot published invalid JSON: " + invalid);
    }
  }

  /** Next {@code seq} of this client. */
  public long seq() {
    return ++seq;
  }

  /**
   * Publishes JSON at QoS 1 to {@code cmd/...}; {@code %s} in json is replaced by seq and a {@code
   * client} field with this tablet's name (which the robot ignores: it shows a payload name does
   * not count).
   */
  public void send(String topic, String json) throws MqttException {
    sendRaw(topic, json.replace("%s", "\"seq\":" + seq() + ",\"client\":\"" + name + "\""), false);
  }

  /** Publishes bytes exactly as given. */
  public void sendRaw(String topic, String body, boolean retained) throws MqttException {
    client.publish(
        prefix + commandPath + topic, body.getBytes(StandardCharsets.UTF_8), 1, retained);
  }

  /** Whether something containing {@code text} was received. */
  public boolean got(String text) {
    assertValid();
    return received.stream().anyMatch(r -> r.contains(text));
  }

  /** Polls {@code condition} every 5 ms for up to {@code timeoutMs}. */
  public static boolean within(long timeoutMs, BooleanSupplier condition)
      throws InterruptedException {
    long end = System.nanoTime() + timeoutMs * 1_000_000L;
    while (System.nanoTime() < end) {
      if (condition.getAsBoolean()) {
        return true;
      }
      Thread.sleep(5);
    }
    return condition.getAsBoolean();
  }

  @Override
  public void close() throws MqttException {
    if (client.isConnected()) {
      client.disconnectForcibly(100, 100);
    }
    client.close(true);
    assertValid();
  }
}
