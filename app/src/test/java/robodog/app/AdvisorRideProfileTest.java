package robodog.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import robodog.autonomy.RouteFile;
import robodog.autonomy.store.RunDatabase;

/**
 * A dispatched equipment run with the learned advisor on, in the realtime simulation over the
 * embedded broker: the run's ride profile (a 1.5 kg case: smooth, ripple, 0.08 m/s) is walked as
 * the tablet shows it, whatever the advisor would rather do, and telemetry says the advisor
 * yielded.
 */
class AdvisorRideProfileTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int RIPPLE = 2;
  private static final double SMOOTH_MAX_MPS = 0.08;

  @TempDir Path dir;

  private final List<JsonNode> telemetry = new CopyOnWriteArrayList<>();
  private final List<String> missions = new CopyOnWriteArrayList<>();
  private long seq;

  @Test
  void aDispatchedRunKeepsItsRideProfileWithTheAdvisorOn() throws Exception {
    Path db = dir.resolve("runs.db");
    try (RunDatabase d = RunDatabase.open(db)) {
      d.saveRoute(RouteFile.load(Path.of("../routes/equipment-run.yaml")), "shipped", false);
    }
    int port = SimMqtt.freePort();
    Cli[] result = new Cli[1];
    Thread sim =
        new Thread(
            () ->
                result[0] =
                    Cli.run(
                        "sim",
                        "--realtime",
                        "--duration",
                        "18",
                        "--mqtt-port",
                        Integer.toString(port),
                        "--ws-port",
                        "0",
                        "--http-port",
                        "0",
                        "--robot-id",
                        "dog1",
                        "--db",
                        db.toString(),
                        "--plots",
                        dir.resolve("reports").toString(),
                        "--policy",
                        "../models/terrain-policy/policy.txt"));
    sim.start();
    MqttClient tablet = SimMqtt.connect(port, "tablet", 100);
    try {
      tablet.subscribe(
          "robodog/dog1/state/#",
          0,
          (topic, msg) -> {
            String body = new String(msg.getPayload(), StandardCharsets.UTF_8);
            if (topic.endsWith("telemetry")) {
              telemetry.add(JSON.readTree(body));
            } else if (topic.endsWith("mission")) {
              missions.add(body);
            }
          });
      send(tablet, "cmd/lease", "{\"seq\":SEQ,\"action\":\"acquire\"}");
      send(
          tablet,
          "cmd/mission",
          "{\"seq\":SEQ,\"op\":\"dispatch\",\"route\":\"equipment-run\","
              + "\"payload\":{\"mass_kg\":1.5,\"com_height_m\":0.1,\"fragility\":0.5}}");
      int walking = 0;
      for (int i = 0; i < 60 && sim.isAlive(); i++) {
        send(tablet, "cmd/mission", "{\"seq\":SEQ,\"op\":\"heartbeat\"}");
        Thread.sleep(200);
      }
      assertTrue(
          missions.stream().anyMatch(m -> m.contains("smooth")),
          "the run's profile is smooth: " + (missions.isEmpty() ? "no state/mission" : missions));
      boolean advisorOn = false;
      for (JsonNode t : telemetry) {
        if (!"WALKING".equals(t.get("mode").asText()) || !t.has("advisor")) {
          continue;
        }
        walking++;
        assertEquals(RIPPLE, t.get("gait").asInt(), "the ride profile's ripple: " + t);
        assertTrue(t.get("vx").asDouble() <= SMOOTH_MAX_MPS + 1e-6, "over 0.08 m/s: " + t);
        JsonNode a = t.get("advisor");
        if ("on".equals(a.get("state").asText())) {
          advisorOn = true;
          assertTrue(!a.get("active").asBoolean() && a.get("clamped").asBoolean(), t.toString());
        }
      }
      assertTrue(walking >= 20, "walked the run for a while: " + walking + " messages");
      assertTrue(advisorOn, "the advisor was on while the run walked");
    } finally {
      sim.join(30_000);
      if (tablet.isConnected()) {
        tablet.disconnectForcibly(100);
      }
      tablet.close();
    }
    assertEquals(0, result[0].status, result[0].out + result[0].err);
  }

  private void send(MqttClient c, String topic, String json) throws Exception {
    c.publish(
        "robodog/dog1/" + topic,
        json.replace("SEQ", Long.toString(++seq)).getBytes(StandardCharsets.UTF_8),
        1,
        false);
  }
}
