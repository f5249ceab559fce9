package robodog.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The learned policy in the realtime simulation, seen by an operator over the embedded MQTT broker:
 * loaded with {@code --policy}, telemetry reports it, it never drives faster than the operator
 * asked nor over the operator's gait, {@code cmd/policy} switches it off, and a policy whose answer
 * is garbage is rejected while the last safe setting holds.
 */
class PolicyTeleopTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  private final List<JsonNode> telemetry = new CopyOnWriteArrayList<>();
  private final List<String> errors = new CopyOnWriteArrayList<>();
  private final Cli[] result = new Cli[1];
  private Thread sim;
  private MqttClient tablet;
  private long seq = 1;
  private int port;

  @AfterEach
  void stop() throws Exception {
    if (tablet != null) {
      if (tablet.isConnected()) {
        tablet.disconnectForcibly(100);
      }
      tablet.close();
    }
    if (sim != null) {
      sim.join(20_000);
    }
  }

  @Test
  void switchingThePolicyOffOverMqttReturnsToThePresetAndTelemetrySaysSo() throws Exception {
    start("--duration", "20", "--policy", "../models/terrain-policy/policy.txt");
    send("cmd/lease", "\"action\":\"acquire\"");
    send("cmd/mode", "\"mode\":\"walk\"");
    JsonNode on = walkUntil(t -> advisor(t, "on") && t.get("advisor").get("active").asBoolean());
    int advised = on.get("advisor").get("gait").asInt();
    assertEquals("OK", on.get("advisor").get("status").asText());
    assertTrue(on.get("advisor").get("step_height").isNumber(), on.toString());
    // The policy keeps tetrapod (docs/learning.md), as fast as the selector's ripple at 0.1 m/s:
    // inside smooth ground's safe set.
    assertEquals(1, advised, "the shipped policy was expected to pick tetrapod: " + on);
    int from = telemetry.size();
    walkUntil(t -> t.get("gait").asInt() == advised);
    walkUntil(t -> t.get("advisor").get("clamped").asBoolean()); // it asks for up to 1.5x
    for (int k = from; k < telemetry.size(); k++) {
      JsonNode t = telemetry.get(k);
      assertTrue(t.get("vx").asDouble() <= 0.1 + 1e-6, "faster than the operator's 0.1: " + t);
      assertTrue(t.get("advisor").get("speed_scale").asDouble() <= 1.0, t.toString());
    }

    // The operator picks a gait: the explicit choice wins and the advisor steps back.
    send("cmd/gait", "\"gait\":\"ripple\"");
    walkUntil(t -> advisor(t, "off") && !t.get("advisor").get("active").asBoolean() && gait(t, 2));
    // Switched on again, it still lays nothing over the explicit gait, and says so.
    send("cmd/policy", "\"enabled\":true");
    JsonNode yielded =
        walkUntil(
            t ->
                advisor(t, "on")
                    && t.get("advisor").get("clamped").asBoolean()
                    && !t.get("advisor").get("active").asBoolean());
    assertTrue(gait(yielded, 2), "the operator's ripple: " + yielded);
    for (int i = 0; i < 20; i++) {
      JsonNode t = walkUntil(x -> true);
      assertTrue(gait(t, 2), "the advisor overrode the operator's ripple: " + t);
    }

    send("cmd/policy", "\"enabled\":false");
    JsonNode off =
        walkUntil(
            t -> advisor(t, "off") && !t.get("advisor").get("active").asBoolean() && gait(t, 2));
    assertTrue(off.get("advisor").get("gait").isNull(), off.toString());
    assertTrue(off.get("advisor").get("step_height").isNull(), off.toString());
    assertEquals(1.0, off.get("advisor").get("speed_scale").asDouble(), 1e-9);
    assertTrue(off.get("advisor").get("reason").asText().contains("switched off"), off.toString());

    // Only the lease holder may switch it; the refusal is named on state/error.
    MqttClient other = connect("observer");
    other.publish(
        "robodog/dog1/cmd/policy",
        "{\"seq\":1,\"enabled\":true}".getBytes(StandardCharsets.UTF_8),
        1,
        false);
    other.disconnect();
    other.close();
    waitFor(() -> errors.stream().anyMatch(e -> e.contains("cmd/policy: refused from observer")));
    send("cmd/policy", "\"enabled\":\"yes\"");
    waitFor(() -> errors.stream().anyMatch(e -> e.contains("enabled: expected true or false")));
    walkUntil(t -> advisor(t, "off") && gait(t, 2));
    finish();
    assertTrue(
        result[0].out.contains("policy: ") && result[0].out.contains("loaded"), result[0].out);
  }

  @Test
  void aGarbageAnswerIsRejectedAndTheLastSafeSettingIsKept() throws Exception {
    // Inputs whitened as usual except commanded vx (input 9), scaled so that any walking speed
    // saturates it; the speed-scale output (row 4) multiplies it by 1e308. Standing (vx = 0) the
    // answer is the bias: tetrapod, speed ×1.0, step 35 mm; walking it is infinite.
    StringBuilder std = new StringBuilder("std");
    StringBuilder w = new StringBuilder("w0");
    for (int i = 0; i < 18; i++) {
      std.append(i == 9 ? " 1e-9" : " 1");
    }
    for (int k = 0; k < 7 * 18; k++) {
      w.append(k == 4 * 18 + 9 ? " 1e308" : " 0");
    }
    Path policy = dir.resolve("garbage.txt");
    Files.writeString(
        policy,
        String.join(
            "\n",
            "robodog-terrain-policy 1",
            "algorithm test",
            "sizes 18 7",
            "mean" + " 0".repeat(18),
            std,
            w,
            "b0 -1 1 -1 -1 0 -0.5 0",
            ""));
    start("--duration", "12", "--policy", policy.toString());
    send("cmd/lease", "\"action\":\"acquire\"");
    JsonNode safe = standUntil(t -> advisor(t, "on") && t.get("advisor").get("active").asBoolean());
    assertEquals(1, safe.get("advisor").get("gait").asInt(), safe.toString());
    assertEquals(1.0, safe.get("advisor").get("speed_scale").asDouble(), 1e-9);
    assertEquals(0.035, safe.get("advisor").get("step_height").asDouble(), 1e-4);

    send("cmd/mode", "\"mode\":\"walk\"");
    JsonNode rejected = walkUntil(t -> advisor(t, "rejected"));
    JsonNode a = rejected.get("advisor");
    assertEquals("BAD_OUTPUT", a.get("status").asText());
    assertTrue(a.get("active").asBoolean(), "the last safe setting must stay in force: " + a);
    assertEquals(1, a.get("gait").asInt(), a.toString());
    assertEquals(1.0, a.get("speed_scale").asDouble(), 1e-9);
    assertEquals(0.035, a.get("step_height").asDouble(), 1e-4);
    assertTrue(a.get("reason").asText().contains("keeping the last safe setting"), a.toString());
    // The controller walks on that setting: tetrapod, not the scenario's tripod.
    walkUntil(t -> gait(t, 1) && advisor(t, "rejected") && t.get("vx").asDouble() > 0.02);
    finish();
  }

  private static boolean advisor(JsonNode t, String state) {
    return t.has("advisor") && state.equals(t.get("advisor").get("state").asText());
  }

  private static boolean gait(JsonNode t, int row) {
    return t.get("gait").asInt() == row;
  }

  private void start(String... extra) throws Exception {
    port = SimMqtt.freePort();
    String[] args = {
      "sim",
      "--realtime",
      "--mqtt-port",
      Integer.toString(port),
      "--ws-port",
      "0",
      "--http-port",
      "0",
      "--robot-id",
      "dog1"
    };
    String[] all = new String[args.length + extra.length];
    System.arraycopy(args, 0, all, 0, args.length);
    System.arraycopy(extra, 0, all, args.length, extra.length);
    sim = new Thread(() -> result[0] = Cli.run(all));
    sim.start();
    tablet = connect("tablet");
    tablet.subscribe(
        "robodog/dog1/state/#",
        0,
        (topic, msg) -> {
          String body = new String(msg.getPayload(), StandardCharsets.UTF_8);
          if (topic.endsWith("telemetry")) {
            telemetry.add(JSON.readTree(body));
          } else if (topic.endsWith("error")) {
            errors.add(body);
          }
        });
  }

  private MqttClient connect(String id) throws Exception {
    return SimMqtt.connect(port, id, 100);
  }

  private void send(String topic, String fields) throws Exception {
    tablet.publish(
        "robodog/dog1/" + topic,
        ("{\"seq\":" + seq++ + (fields == null ? "" : "," + fields) + "}")
            .getBytes(StandardCharsets.UTF_8),
        1,
        false);
  }

  /** Keeps the lease alive (walking forward at 0.1 m/s) until a telemetry message matches. */
  private JsonNode walkUntil(Predicate<JsonNode> p) throws Exception {
    return until(p, "\"vx\":0.1,\"ttl_ms\":300", "cmd/velocity");
  }

  private JsonNode standUntil(Predicate<JsonNode> p) throws Exception {
    return until(p, null, "cmd/heartbeat");
  }

  private JsonNode until(Predicate<JsonNode> p, String fields, String topic) throws Exception {
    int from = telemetry.size();
    for (int i = 0; i < 80 && sim.isAlive(); i++) {
      send(topic, fields);
      for (int k = from; k < telemetry.size(); k++) {
        if (p.test(telemetry.get(k))) {
          return telemetry.get(k);
        }
      }
      Thread.sleep(100);
    }
    throw new AssertionError(
        "no matching telemetry within 8 s; last: "
            + (telemetry.isEmpty() ? "none" : telemetry.get(telemetry.size() - 1))
            + "; errors: "
            + errors
            + (result[0] == null ? "" : "; out: " + result[0].out + result[0].err));
  }

  private void waitFor(java.util.function.BooleanSupplier c) throws Exception {
    for (int i = 0; i < 50 && !c.getAsBoolean(); i++) {
      send("cmd/velocity", "\"vx\":0.1,\"ttl_ms\":300");
      Thread.sleep(100);
    }
    assertTrue(c.getAsBoolean(), errors.toString());
  }

  private void finish() throws Exception {
    sim.join(30_000);
    assertEquals(0, result[0].status, result[0].out + result[0].err);
  }
}
