package robodog.app.link;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.eclipse.paho.client.mqttv3.MqttException;

/**
 * The operator of {@code ./robodog bench chaos}: holds the lease, walks the robot (velocity every
 * 100 ms from its own thread), presses the E-stop and times how long until telemetry says ESTOP.
 * Telemetry is parsed as JSON on Paho's callback thread; the rest from the bench thread.
 */
final class ChaosOperator implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final String uri;
  private final String robotId;
  private BenchOperator op;
  private long seq = 1;
  private volatile String mode = "";
  private volatile boolean estop;
  private volatile long estopSeenNanos;
  private volatile long telemetryCount;
  private volatile String lastError = "none";
  private volatile boolean driving;
  private final Thread driver;

  ChaosOperator(String uri, String robotId) throws Exception {
    this.uri = uri;
    this.robotId = robotId;
    connect(20_000);
    driver = new Thread(this::drive, "chaos-operator");
    driver.setDaemon(true);
    driver.start();
  }

  /** (Re)connects, subscribes to telemetry and takes the lease; retries up to {@code waitMs}. */
  void connect(long waitMs) throws Exception {
    long end = System.nanoTime() + waitMs * 1_000_000L;
    while (true) {
      try {
        BenchOperator o = new BenchOperator(uri, "tablet", robotId, seq + 1_000);
        o.client
            .subscribe("robodog/" + robotId + "/state/telemetry", 0, (t, m) -> seen(m.getPayload()))
            .waitForCompletion(2000);
        o.client
            .subscribe(
                "robodog/" + robotId + "/state/error",
                0,
                (t, m) ->
                    lastError = new String(m.getPayload(), java.nio.charset.StandardCharsets.UTF_8))
            .waitForCompletion(2000);
        synchronized (this) {
          op = o;
          seq += 1_000;
        }
        // The robot may not be back on the broker yet: a command now would reach nobody.
        long seen = telemetryCount;
        waitFor(() -> telemetryCount > seen, Math.max(0, (end - System.nanoTime()) / 1_000_000));
        send("cmd/lease", BenchOperator.fields().put("action", "take"));
        return;
      } catch (MqttException e) {
        if (System.nanoTime() > end) {
          throw new IllegalStateException("cannot reach the robot's broker at " + uri + ": " + e);
        }
        Thread.sleep(100);
      }
    }
  }

  private void seen(byte[] payload) {
    try {
      JsonNode t = JSON.readTree(payload);
      mode = t.path("mode").asText();
      boolean e = t.path("estop").asBoolean();
      if (e && !estop) {
        estopSeenNanos = System.nanoTime();
      }
      estop = e;
      telemetryCount++;
    } catch (java.io.IOException bad) {
      // not telemetry the bench can read: counted as not seen
    }
  }

  private synchronized void send(String topic, ObjectNode fields) throws MqttException {
    op.send(topic, fields, 1);
  }

  private void drive() {
    while (true) {
      try {
        Thread.sleep(100);
        if (driving) {
          send("cmd/velocity", BenchOperator.fields().put("vx", 0.1).put("ttl_ms", 300));
        }
      } catch (InterruptedException e) {
        return;
      } catch (MqttException | RuntimeException e) {
        // the broker is away: the robot's comms-loss stages stop it
      }
    }
  }

  /** Walks until telemetry says WALKING (up to {@code waitMs}); false if it did not. */
  boolean walk(long waitMs) throws Exception {
    driving = true;
    long end = System.nanoTime() + waitMs * 1_000_000L;
    // Asked again every half second: one request may be lost while the link reconnects.
    while (System.nanoTime() < end) {
      send("cmd/mode", BenchOperator.fields().put("mode", "walk"));
      if (waitFor(() -> mode.equals("WALKING"), 500)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Presses the E-stop and waits for ESTOP in telemetry.
   *
   * @return press to ESTOP-in-telemetry, ns; -1 when it did not show within {@code waitMs}
   */
  long press(long waitMs) throws Exception {
    long t0 = System.nanoTime();
    estopSeenNanos = 0;
    send("cmd/estop", BenchOperator.fields().put("engage", true));
    driving = false;
    if (!waitFor(() -> estopSeenNanos != 0, waitMs)) {
      return -1;
    }
    return estopSeenNanos - t0;
  }

  /** Releases the E-stop (the lease holder's right) and waits until telemetry shows it off. */
  boolean release(long waitMs) throws Exception {
    send("cmd/estop", BenchOperator.fields().put("engage", false));
    return waitFor(() -> !estop, waitMs);
  }

  /** The last {@code state/error} seen (any client's), for the bench's account of a lost press. */
  String lastError() {
    return lastError;
  }

  long telemetryCount() {
    return telemetryCount;
  }

  /** The connection is gone (the broker was restarted): drop it. */
  void drop() {
    try {
      op.vanish();
    } catch (MqttException e) {
      // already gone
    }
  }

  private static boolean waitFor(java.util.function.BooleanSupplier c, long waitMs)
      throws InterruptedException {
    long end = System.nanoTime() + waitMs * 1_000_000L;
    while (System.nanoTime() < end) {
      if (c.getAsBoolean()) {
        return true;
      }
      Thread.sleep(1);
    }
    return c.getAsBoolean();
  }

  @Override
  public void close() {
    driver.interrupt();
    try {
      op.close();
    } catch (MqttException e) {
      // closing anyway
    }
  }
}
