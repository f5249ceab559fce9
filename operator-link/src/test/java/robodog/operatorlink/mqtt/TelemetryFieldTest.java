package robodog.operatorlink.mqtt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import robodog.core.Payload;
import robodog.core.Telemetry;

/** Fields added to {@code state/telemetry} after encoding: payload, comms. */
class TelemetryFieldTest {
  private static final ObjectMapper STRICT =
      JsonMapper.builder()
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .build();

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void theAddedFieldKeepsEveryByteOfTheMessageAndOfTheValue() {
    // What the string splice wrote: the message up to its brace, the field, the brace.
    String before = "{\"a\":1.0E-4,\"b\":[true,null,\"x\\\"y\"],\"c\":{\"d\":-0}}";
    String value = "{\"mass_kg\":2.500,\"fragility\":0.13}";
    byte[] out = TelemetryJson.withField(utf8(before), "payload", value);
    assertEquals(
        "{\"a\":1.0E-4,\"b\":[true,null,\"x\\\"y\"],\"c\":{\"d\":-0},\"payload\":" + value + "}",
        new String(out, StandardCharsets.UTF_8));
    assertArrayEquals(utf8("{\"k\":null}"), TelemetryJson.withField(utf8("{}"), "k", "null"));
  }

  @Test
  void anAwkwardKeyRoundTripsAndCannotRewriteAnotherField() throws Exception {
    String key = PerceptionJsonTest.AWKWARD + "\",\"mode\":\"ESTOP";
    byte[] t = TelemetryJson.encode(new Telemetry(), "tablet", 0, null, null);
    JsonNode n = STRICT.readTree(TelemetryJson.withField(t, key, "\"v\""));
    assertEquals("v", n.get(key).asText());
    assertEquals("PASSIVE", n.get("mode").asText());
  }

  @Test
  void aValueThatIsNotOneJsonValueIsRefusedNamingTheField() {
    for (String bad : new String[] {"", "{\"a\":", "1 2", "{\"a\":1}}", "NaN", "'x'"}) {
      IllegalArgumentException e =
          assertThrows(
              IllegalArgumentException.class,
              () -> TelemetryJson.withField(utf8("{\"a\":1}"), "comms", bad),
              bad);
      assertTrue(e.getMessage().contains("telemetry field 'comms'"), e.getMessage());
    }
    assertThrows(
        IllegalArgumentException.class, () -> TelemetryJson.withField(utf8("[1]"), "k", "1"));
    assertThrows(
        IllegalArgumentException.class, () -> TelemetryJson.withField(utf8("{\"a\":1"), "k", "1"));
  }

  @Test
  void thePayloadKeepsItsDecimals() throws Exception {
    // What the String.format encoder wrote.
    assertEquals(
        "{\"mass_kg\":2.500,\"com_height_m\":0.300,\"fragility\":0.50}",
        TelemetryJson.payload(new Payload(2.5, 0.3, 0.5)));
    assertEquals(
        "{\"mass_kg\":0.333,\"com_height_m\":0.256,\"fragility\":0.13}",
        TelemetryJson.payload(new Payload(1.0 / 3, 0.2555, 0.125)));
    JsonNode n =
        STRICT.readTree(
            TelemetryJson.withField(
                TelemetryJson.encode(new Telemetry(), null, 0, null, null),
                "payload",
                TelemetryJson.payload(new Payload(2.5, 0.3, 0.5))));
    assertEquals(2.5, n.get("payload").get("mass_kg").asDouble());
  }
}
