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

  private LiveRobot(String body, double seconds, Path dir) throws Exception {
    port = SimMqtt.freePort();
    List<String> args = new ArrayList<>();
    args.addAll(List.of("run", "--hardware", body, "--duration", Double.toString(seconds)));
    args.addAll(List.of("--mqtt-port", Integer.toString(port), "--ws-port", "0"));
    args.addAll(List.of("--http-port", "0", "--robot-id", "dog1"));
    args.addAll(List.of("--db", dir.resolve("runs.db").toString()));
    args.addAll(List.of("--plots", dir.resolve("reports").toString()));
    thread = new Thread(() -> result[0] = Cli.run(args.toArray(new String[0])), "robot");
  }

  /** Starts the robot; its run database is {@code dir/runs.db}. */
  static LiveRobot start(String body, double seconds, Path dir) throws Exception {
    LiveRobot r = new LiveRobot(body, seconds, dir);
    r.thread.start();
    return r;
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

  /** Publishes {@code json} on {@code robodog/dog1/topic} (QoS 1), SEQ replaced by a new seq. */
  void send(MqttClient c, String topic, String json) throws Exception {
    c.publish(
        "robodog/dog1/" + topic,
        json.replace("SEQ", Long.toString(++seq)).getBytes(StandardCharsets.UTF_8),
        1,
        false);
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
