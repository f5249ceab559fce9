package robodog.app;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.eclipse.paho.client.mqttv3.MqttClient;
import robodog.operatorlink.testing.StrictJson;

/**
 * For tests of the robot's own path: {@code run --hardware BODY} in this JVM on a thread, with its
 * embedded broker on a free loopback port, robot id {@code dog1}, a run database and report
 * directory under {@code dir}; and what a tablet subscribed to {@code state/#} has seen, by topic.
 */
final class LiveRobot {
  final int port;

  /** The tablet page server's port (loopback). */
  final int httpPort;

  final List<String> errors = new CopyOnWriteArrayList<>();
  final List<String> telemetry = new CopyOnWriteArrayList<>();
  final List<String> missions = new CopyOnWriteArrayList<>();

  /**
   * Every state message that was not strict JSON, with why; fails {@link #await}, {@link #join}.
   */
  final List<String> invalid = new CopyOnWriteArrayList<>();

  private final Cli[] result = new Cli[1];
  private final Thread thread;
  private long seq;

  private volatile Thread driver;
  private final boolean external;

  private LiveRobot(String body, double seconds, Path dir, int brokerPort, String... extra)
      throws Exception {
    port = brokerPort > 0 ? brokerPort : SimMqtt.freePort();
    external = brokerPort > 0;
    List<String> args = new ArrayList<>();
    args.addAll(List.of("run", "--hardware", body, "--duration", Double.toString(seconds)));
    if (brokerPort > 0) {
      args.addAll(List.of("--broker", "tcp://127.0.0.1:" + brokerPort, "--mqtt-keepalive", "1"));
    } else {
      args.addAll(List.of("--mqtt-port", Integer.toString(port), "--ws-port", "0"));
    }
    httpPort = SimMqtt.freePort();
    args.addAll(List.of("--http-port", Integer.toString(httpPort), "--robot-id", "dog1"));
    args.addAll(List.of("--db", dir.resolve("runs.db").toString()));
    args.addAll(List.of("--plots", dir.resolve("reports").toString()));
    args.addAll(List.of(extra));
    thread = new Thread(() -> result[0] = Cli.run(args.toArray(new String[0])), "robot");
  }

  /** Starts the robot; its run database is {@code dir/runs.db}. */
  static LiveRobot start(String body, double seconds, Path dir) throws Exception {
    return start(body, seconds, dir, new String[0]);
  }

  /** As {@link #start(String, double, Path)}, with more {@code run} options. */
  static LiveRobot start(String body, double seconds, Path dir, String... extra) throws Exception {
    LiveRobot r = new LiveRobot(body, seconds, dir, 0, extra);
    r.thread.start();
    return r;
  }

  /**
   * As {@link #start}, through the external broker listening on loopback {@code brokerPort} (e.g. a
   * test's Mosquitto) instead of an embedded one; {@link #client} connects there.
   */
  static LiveRobot startWithBroker(String body, double seconds, Path dir, int brokerPort)
      throws Exception {
    LiveRobot r = new LiveRobot(body, seconds, dir, brokerPort);
    r.thread.start();
    return r;
  }

  /**
   * Walks the robot from {@code c}, which must hold the lease: {@code cmd/mode walk}, then {@code
   * cmd/velocity} vx 0.1 m/s every 100 ms on a thread until {@link #stopDriving}. A publish that
   * fails (the broker is away) is skipped.
   */
  void startDriving(MqttClient c) throws Exception {
    stopDriving();
    send(c, "cmd/mode", "{\"seq\":SEQ,\"mode\":\"walk\"}");
    Thread t =
        new Thread(
            () -> {
              while (!Thread.currentThread().isInterrupted()) {
                try {
                  if (c.isConnected()) {
                    send(c, "cmd/velocity", "{\"seq\":SEQ,\"vx\":0.1,\"ttl_ms\":300}");
                  }
                  Thread.sleep(100);
                } catch (InterruptedException e) {
                  return;
                } catch (Exception e) {
                  // the broker is away: the robot's watchdog stops it; keep trying
                }
              }
            },
            "test-driver");
    t.setDaemon(true);
    driver = t;
    t.start();
  }

  /** Stops {@link #startDriving}'s thread. */
  void stopDriving() throws InterruptedException {
    Thread t = driver;
    driver = null;
    if (t != null) {
      t.interrupt();
      t.join(2000);
    }
  }

  /** A client connected to the robot's broker; with {@code listen}, it records state/#. */
  MqttClient client(String id, boolean listen) throws Exception {
    MqttClient c = SimMqtt.connect(port, id, 100);
    if (listen) {
      c.subscribe(
          "robodog/dog1/state/#",
          0,
          (topic, msg) -> {
            String body = new String(msg.getPayload(), StandardCharsets.UTF_8);
            if (!StrictJson.binary(topic)) {
              try {
                StrictJson.parse(topic, msg.getPayload());
              } catch (IllegalArgumentException e) {
                invalid.add(e.getMessage());
              }
            }
            if (topic.endsWith("error")) {
              errors.add(body);
            } else if (topic.endsWith("telemetry")) {
              telemetry.add(body);
            } else if (topic.endsWith("mission")) {
              missions.add(body);
            }
          });
    }
    return c;
  }

  /**
   * Publishes {@code json} on {@code robodog/dog1/topic} (QoS 1), SEQ replaced by a new seq;
   * through an external broker under the sender's own command path ({@code op/<client id>/cmd/...}:
   * the test's broker lets anyone in, the shipped ACL would hold each user to its own path).
   */
  synchronized void send(MqttClient c, String topic, String json) throws Exception {
    String body = json.replace("SEQ", Long.toString(++seq));
    String path = external ? "robodog/dog1/op/" + c.getClientId() + "/" : "robodog/dog1/";
    c.publish(path + topic, body.getBytes(StandardCharsets.UTF_8), 1, false);
  }

  /** Waits up to 10 s for a message in {@code l} matching {@code p}; fails naming {@code what}. */
  void await(List<String> l, Predicate<String> p, String what) throws InterruptedException {
    for (int i = 0; i < 200; i++) {
      assertValid();
      if (l.stream().anyMatch(p)) {
        return;
      }
      Thread.sleep(50);
    }
    throw new AssertionError(
        "timed out waiting for "
            + what
            + "; errors "
            + errors
            + "; last: "
            + (l.isEmpty() ? "nothing" : l.get(l.size() - 1)));
  }

  /** Fails naming every state message that was not strict JSON. */
  void assertValid() {
    if (!invalid.isEmpty()) {
      throw new AssertionError("the robot published invalid JSON: " + invalid);
    }
  }

  /** Waits for the run to end (its duration) and returns what the command returned. */
  Cli join(long timeoutMs) throws InterruptedException {
    thread.join(timeoutMs);
    assertValid();
    return result[0];
  }
}
