package robodog.operatorlink.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import robodog.core.RobotState;
import robodog.core.Telemetry;

/** The battery in {@code state/telemetry}: volts and percent, both null when unknown. */
class TelemetryJsonTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void aHostileClientIdStaysOneValidStringInTelemetry() throws Exception {
    for (String id : new String[] {"evil\\", "a\"b", "x\u0001y", "\\\",\"mode\":\"ESTOP"}) {
      JsonNode j = JSON.readTree(TelemetryJson.encode(new Telemetry(), id, 0, null, null));
      assertEquals(id, j.get("lease_holder").asText(), "the id round-trips exactly");
      assertEquals("PASSIVE", j.get("mode").asText(), "and cannot rewrite another field");
    }
  }

  @Test
  void aDetectedLegFailureNamesLegJointEvidenceAndTime() throws Exception {
    Telemetry t = new Telemetry();
    JsonNode none = JSON.readTree(TelemetryJson.encode(t, null, 0)).get("leg_failure");
    assertTrue(none.get("leg").isNull(), none.toString());
    assertEquals("none", none.get("evidence").asText());

    t.detectedFailedLegMask = 1 << robodog.core.LegId.RIGHT_MIDDLE.ordinal();
    t.failedLegMask = t.detectedFailedLegMask;
    t.legFailureEvidence = robodog.core.LegFailureEvidence.JOINT_LIMP;
    t.legFailureJoint =
        robodog.core.Joints.index(robodog.core.LegId.RIGHT_MIDDLE, robodog.core.JointKind.FEMUR);
    t.legFailureDetectedNanos = 8_250_000_000L;
    JsonNode j = JSON.readTree(TelemetryJson.encode(t, null, 0)).get("leg_failure");
    assertEquals("rm", j.get("leg").asText());
    assertEquals("femur", j.get("joint").asText());
    assertEquals("joint_limp", j.get("evidence").asText());
    assertEquals(robodog.core.LegFailureEvidence.JOINT_LIMP.text(), j.get("reason").asText());
    assertEquals(8.25, j.get("detected_s").asDouble(), 1e-9);
  }

  @Test
  void batteryVoltsAndPercentTravelTogether() throws Exception {
    RobotState s = new RobotState();
    s.batteryVolts = 2 * 3.84;
    Telemetry t = new Telemetry();
    t.copyMeasured(s);
    JsonNode j = JSON.readTree(TelemetryJson.encode(t, null, 0));
    assertEquals(7.68, j.get("battery_v").asDouble(), 1e-9);
    assertEquals(50.0, j.get("battery_pct").asDouble(), 1e-9);

    s.batteryVolts = Double.NaN;
    t.copyMeasured(s);
    j = JSON.readTree(TelemetryJson.encode(t, "tablet", 3));
    assertTrue(j.get("battery_v").isNull(), j.toString());
    assertTrue(j.get("battery_pct").isNull(), j.toString());
  }

  @Test
  void nonFiniteStateIsNullAndTheMessageStaysStrictJson() throws Exception {
    ObjectMapper strict =
        com.fasterxml.jackson.databind.json.JsonMapper.builder()
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    Telemetry t = new Telemetry();
    t.odomX = Double.NaN;
    t.vx = Double.POSITIVE_INFINITY;
    t.advisorSpeedScale = Double.NaN;
    byte[] j = TelemetryJson.encode(t, "tablet", 1, "a \"quoted\" reason", null);
    j = TelemetryJson.withField(j, "comms", TelemetryJson.comms(12.345, "sitting"));
    JsonNode n = strict.readTree(j);
    assertTrue(n.get("pose").get("x").isNull(), n.toString());
    assertTrue(n.get("vx").isNull(), n.toString());
    assertTrue(n.get("advisor").get("speed_scale").isNull(), n.toString());
    assertEquals("a \"quoted\" reason", n.get("advisor").get("reason").asText());
    assertEquals(12.3, n.get("comms").get("holder_silent_s").asDouble(), 1e-9);
    assertEquals("sitting", n.get("comms").get("stage").asText());
    assertTrue(
        strict.readTree(TelemetryJson.comms(Double.NaN, "ok")).get("holder_silent_s").isNull());
  }
}
