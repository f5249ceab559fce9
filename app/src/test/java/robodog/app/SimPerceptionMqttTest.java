package robodog.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.imageio.ImageIO;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.junit.jupiter.api.Test;

/**
 * {@code ./robodog sim --realtime --script} on the crew-on-set scenario with perception on (the
 * default there): an operator's MQTT client on the embedded broker sees the markers and the crew
 * member the simulated camera looks at in {@code state/telemetry}'s {@code perception} object, and
 * receives {@code state/camera} JPEGs that an independent decoder (ImageIO) reads.
 */
class SimPerceptionMqttTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void crewOnSetTelemetryCarriesDetectionsAndTheCameraTopicCarriesAJpeg() throws Exception {
    int port = SimMqtt.freePort();
    Cli[] result = new Cli[1];
    Thread sim =
        new Thread(
            () ->
                result[0] =
                    Cli.run(
                        "sim",
                        "--scenario",
                        "crew-on-set",
                        "--realtime",
                        "--script",
                        "--duration",
                        "4",
                        "--mqtt-port",
                        Integer.toString(port),
                        "--ws-port",
                        "0",
                        "--http-port",
                        "0",
                        "--robot-id",
                        "dog1"));
    sim.start();
    MqttClient tablet = SimMqtt.connect(port, "tablet", 300);
    List<JsonNode> perception = new CopyOnWriteArrayList<>();
    List<byte[]> jpegs = new CopyOnWriteArrayList<>();
    tablet.subscribe(
        "robodog/dog1/state/#",
        0,
        (topic, msg) -> {
          if (topic.endsWith("/telemetry")) {
            JsonNode p = JSON.readTree(msg.getPayload()).path("perception");
            if (!p.isMissingNode()) {
              perception.add(p);
            }
          } else if (topic.endsWith("/camera")) {
            jpegs.add(msg.getPayload());
          }
        });
    sim.join(120_000);
    if (tablet.isConnected()) {
      tablet.disconnectForcibly(100);
    }
    tablet.close();
    assertEquals(0, result[0].status, result[0].err);
    assertTrue(result[0].out.contains("perception: on, "), result[0].out);

    assertTrue(perception.size() >= 10, "telemetry with perception: " + perception.size());
    JsonNode last = perception.get(perception.size() - 1);
    // Marker 7 stands 2 m ahead, 0.35 m left; the grip stands 4.2 m ahead.
    JsonNode seen = null;
    for (JsonNode p : perception) {
      for (JsonNode l : p.path("landmarks")) {
        if (l.path("id").asInt() == 7) {
          seen = l;
        }
      }
    }
    assertNotNull(seen, "marker 7 never in telemetry; last: " + last);
    assertEquals(2.0, seen.path("x").asDouble(), 0.5, seen.toString());
    assertEquals(0.35, seen.path("y").asDouble(), 0.15, seen.toString());
    assertTrue(
        perception.stream()
            .anyMatch(
                p ->
                    p.path("nearest_person_m").isNumber()
                        && p.path("nearest_person_m").asDouble() < 5),
        "no person within 5 m in telemetry; last: " + last);
    assertTrue(last.path("health").path("frames").asLong() > 5, last.toString());
    assertTrue(last.path("speed_scale").isNumber(), last.toString());
    assertTrue(last.path("obstacle_ahead").isBoolean(), last.toString());
    assertTrue(
        perception.stream().anyMatch(p -> p.path("terrain").isTextual()),
        "terrain never classified; last: " + last);

    assertTrue(!jpegs.isEmpty(), "no state/camera message");
    BufferedImage img = ImageIO.read(new ByteArrayInputStream(jpegs.get(jpegs.size() - 1)));
    assertNotNull(img, "state/camera payload is not a decodable image");
    assertEquals(320, img.getWidth());
    assertEquals(240, img.getHeight());
  }
}
