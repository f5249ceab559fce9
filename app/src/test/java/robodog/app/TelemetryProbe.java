package robodog.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import robodog.operatorlink.mqtt.NoDelaySocketFactory;

/**
 * An independent observer of the robot: a Paho client on the broker's TCP port recording every
 * {@code state/telemetry} with its arrival time, so a test judges the robot by what the robot says,
 * not by what the page shows. Paho's callback thread records; the test thread reads.
 */
public final class TelemetryProbe implements AutoCloseable {
  /** One telemetry message: odom pose (m, rad), mode, commanded speed (m/s). */
  public record Sample(
      long nanos, double x, double y, double vx, String mode, int gait, String leaseHolder) {}

  private static final ObjectMapper JSON = new ObjectMapper();
  private final MqttClient client;
  private final List<Sample> samples = new CopyOnWriteArrayList<>();

  /** Connects (retrying while the robot starts, up to {@code timeoutMs}) and subscribes. */
  public TelemetryProbe(int port, String robotId, long timeoutMs) throws Exception {
    this(port, robotId, timeoutMs, null, null);
  }

  /** As above, logged in as {@code user} (null: anonymous), for a broker that requires it. */
  public TelemetryProbe(int port, String robotId, long timeoutMs, String user, String password)
      throws Exception {
    client = new MqttClient("tcp://127.0.0.1:" + port, "probe", new MemoryPersistence());
    MqttConnectOptions o = new MqttConnectOptions();
    if (user != null) {
      o.setUserName(user);
      o.setPassword(password.toCharArray());
    }
    o.setSocketFactory(new NoDelaySocketFactory());
    o.setConnectionTimeout(3);
    long end = System.currentTimeMillis() + timeoutMs;
    while (!client.isConnected()) {
      try {
        client.connect(o);
      } catch (Exception e) {
        if (System.currentTimeMillis() > end) {
          throw e;
        }
        Thread.sleep(100);
      }
    }
    client.subscribe(
        "robodog/" + robotId + "/state/telemetry",
        0,
        (topic, msg) -> {
          JsonNode t = JSON.readTree(msg.getPayload());
          samples.add(
              new Sample(
                  System.nanoTime(),
                  t.path("pose").path("x").asDouble(),
                  t.path("pose").path("y").asDouble(),
                  t.path("vx").asDouble(),
                  t.path("mode").asText(),
                  t.path("gait").asInt(-1),
                  t.path("lease_holder").isNull() ? null : t.path("lease_holder").asText()));
        });
  }

  /** The newest sample, or null. */
  public Sample latest() {
    return samples.isEmpty() ? null : samples.get(samples.size() - 1);
  }

  /** Samples that arrived at or after {@code sinceNanos}. */
  public List<Sample> since(long sinceNanos) {
    List<Sample> r = new ArrayList<>();
    for (Sample s : samples) {
      if (s.nanos() >= sinceNanos) {
        r.add(s);
      }
    }
    return r;
  }

  /**
   * Waits until the newest sample satisfies {@code p}; returns it or throws naming {@code what}.
   */
  public Sample await(String what, long timeoutMs, Predicate<Sample> p)
      throws InterruptedException {
    long end = System.nanoTime() + timeoutMs * 1_000_000L;
    while (System.nanoTime() < end) {
      Sample s = latest();
      if (s != null && p.test(s)) {
        return s;
      }
      Thread.sleep(50);
    }
    throw new AssertionError(
        "timed out after "
            + timeoutMs
            + " ms waiting for "
            + what
            + "; last telemetry "
            + latest());
  }

  @Override
  public void close() throws org.eclipse.paho.client.mqttv3.MqttException {
    if (client.isConnected()) {
      client.disconnectForcibly(100);
    }
    client.close();
  }
}
