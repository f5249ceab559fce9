package robodog.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import robodog.harness.sim.SimReport;

/** An MQTT operator drives the realtime simulation through the embedded broker. */
class TeleopTest {
  @TempDir Path dir;

  @Test
  void aTabletOverMqttWalksTheSimulatedRobotForward() throws Exception {
    int port = SimMqtt.freePort();
    Path report = dir.resolve("teleop.json");
    Cli[] result = new Cli[1];
    Thread sim =
        new Thread(
            () ->
                result[0] =
                    Cli.run(
                        "sim",
                        "--realtime",
                        "--duration",
                        "5",
                        "--mqtt-port",
                        Integer.toString(port),
                        "--ws-port",
                        "0",
                        "--http-port",
                        "0",
                        "--robot-id",
                        "dog1",
                        "--report",
                        report.toString()));
    sim.start();
    MqttClient tablet = SimMqtt.connect(port, "tablet", 100);
    java.util.List<String> telemetry = new java.util.concurrent.CopyOnWriteArrayList<>();
    java.util.List<String> errors = new java.util.concurrent.CopyOnWriteArrayList<>();
    tablet.subscribe(
        "robodog/dog1/state/#",
        0,
        (topic, msg) -> {
          String body = new String(msg.getPayload(), StandardCharsets.UTF_8);
          if (topic.endsWith("telemetry")) {
            telemetry.add(body);
          } else if (topic.endsWith("error")) {
            errors.add(body);
          }
        });
    long seq = 1;
    send(tablet, "cmd/lease", "{\"seq\":" + seq++ + ",\"action\":\"acquire\"}");
    send(tablet, "cmd/mode", "{\"seq\":" + seq++ + ",\"mode\":\"walk\"}");
    send(tablet, "cmd/velocity", "{\"seq\":" + seq++ + ",\"vx\":\"fast\"}");
    while (sim.isAlive()) {
      try {
        send(tablet, "cmd/velocity", "{\"seq\":" + seq++ + ",\"vx\":0.12,\"ttl_ms\":300}");
      } catch (org.eclipse.paho.client.mqttv3.MqttException e) {
        break; // the run ended and took its broker with it
      }
      Thread.sleep(100);
    }
    sim.join(10_000);
    if (tablet.isConnected()) {
      tablet.disconnectForcibly(100);
    }
    tablet.close();
    assertEquals(0, result[0].status, result[0].err);
    assertTrue(result[0].out.contains("MQTT broker tcp://127.0.0.1:" + port), result[0].out);
    SimReport r = SimReport.read(report);
    assertTrue(r.distanceM() > 0.2, "the operator walked the robot only " + r.distanceM() + " m");
    assertEquals(0, r.falls());
    assertTrue(telemetry.size() >= 10, "10 Hz telemetry expected, got " + telemetry.size());
    assertTrue(
        telemetry.stream()
            .anyMatch(
                t ->
                    t.contains("\"mode\":\"WALKING\"")
                        && t.contains("\"lease_holder\":\"tablet\"")),
        telemetry.isEmpty() ? "" : telemetry.get(telemetry.size() - 1));
    assertTrue(
        errors.stream().anyMatch(e -> e.contains("cmd/velocity: vx: expected a number")),
        errors.toString());
  }

  private static void send(MqttClient c, String topic, String json) throws Exception {
    c.publish("robodog/dog1/" + topic, json.getBytes(StandardCharsets.UTF_8), 1, false);
  }
}
