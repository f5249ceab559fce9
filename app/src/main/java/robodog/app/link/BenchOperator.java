package robodog.app.link;

import java.nio.charset.StandardCharsets;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import robodog.operatorlink.mqtt.NoDelaySocketFactory;

/**
 * A Paho client playing the operator's tablet in {@code ./robodog bench link}: TCP_NODELAY, clean
 * session, its own increasing {@code seq} and {@code client} label (for an external broker). One
 * thread at a time.
 */
final class BenchOperator implements AutoCloseable {
  /**
   * Broker URIs whose robot reads commands under each user's path {@code op/<id>/cmd/...} (the
   * external broker, Mosquitto); on any other the commands go straight under {@code cmd/}.
   */
  static final java.util.Set<String> PER_USER_PATH =
      java.util.concurrent.ConcurrentHashMap.newKeySet();

  final MqttAsyncClient client;
  private final String commandPath;
  private final String id;
  private final String prefix;
  private final MqttConnectOptions options = new MqttConnectOptions();
  private long seq;

  /** Connects as {@code id} to {@code uri}; commands go under {@code robodog/<robotId>/}. */
  BenchOperator(String uri, String id, String robotId, long firstSeq) throws MqttException {
    this.id = id;
    this.prefix = "robodog/" + robotId + "/";
    this.seq = firstSeq;
    this.commandPath = PER_USER_PATH.contains(uri) ? "op/" + id + "/" : "";
    client = new MqttAsyncClient(uri, id, new MemoryPersistence());
    options.setSocketFactory(new NoDelaySocketFactory());
    options.setCleanSession(true);
    options.setMaxInflight(1000);
    client.connect(options).waitForCompletion(5000);
  }

  /** Connects again after the broker dropped the connection. */
  void reconnect() throws MqttException {
    client.connect(options).waitForCompletion(5000);
  }

  /** Connects and acquires the control lease. */
  static BenchOperator holder(String uri, String robotId, long firstSeq) throws MqttException {
    BenchOperator op = new BenchOperator(uri, "tablet", robotId, firstSeq);
    op.send("cmd/lease", "\"action\":\"acquire\"", 1).waitForCompletion(2000);
    return op;
  }

  /** Publishes {@code {"seq":N,"client":id,<fields>}} on {@code topic}. */
  IMqttDeliveryToken send(String topic, String fields, int qos) throws MqttException {
    String json = "{\"seq\":" + ++seq + ",\"client\":\"" + id + "\"," + fields + "}";
    return client.publish(
        prefix + commandPath + topic, json.getBytes(StandardCharsets.UTF_8), qos, false);
  }

  /** Publishes raw bytes (QoS 0) on {@code topic} under the prefix. */
  IMqttDeliveryToken sendRaw(String topic, byte[] payload) throws MqttException {
    return client.publish(prefix + commandPath + topic, payload, 0, false);
  }

  /** The tablet vanishes: no DISCONNECT packet. */
  void vanish() throws MqttException {
    client.disconnectForcibly(0, 0, false);
    client.close();
  }

  @Override
  public void close() throws MqttException {
    if (client.isConnected()) {
      client.disconnect().waitForCompletion(1000);
    }
    client.close();
  }
}
