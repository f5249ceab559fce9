package robodog.app.link;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
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

  private static final ObjectMapper JSON = new ObjectMapper();

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
    op.send("cmd/lease", fields().put("action", "acquire"), 1).waitForCompletion(2000);
    return op;
  }

  /** An empty command body for {@link #send}. */
  static ObjectNode fields() {
    return JSON.createObjectNode();
  }

  /**
   * Publishes {@code {"seq":N,"client":id,<fields>}} on {@code topic}, written by Jackson (the id
   * and any text in {@code fields} are escaped, whatever they hold).
   */
  IMqttDeliveryToken send(String topic, ObjectNode fields, int qos) throws MqttException {
    ObjectNode n = JSON.createObjectNode().put("seq", ++seq).put("client", id);
    n.setAll(fields);
    byte[] json;
    try {
      json = JSON.writeValueAsBytes(n);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a tree of strings and numbers is always writable", e);
    }
    return client.publish(prefix + commandPath + topic, json, qos, false);
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
