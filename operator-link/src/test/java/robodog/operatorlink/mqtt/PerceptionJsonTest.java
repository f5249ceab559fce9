package robodog.operatorlink.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import robodog.core.perception.HeightGrid;
import robodog.core.perception.Landmarks;
import robodog.core.perception.PeopleZones;
import robodog.core.perception.PerceptionHealth;
import robodog.core.perception.TerrainEstimate;

/** The telemetry {@code perception} object parses as JSON, with nulls where nothing arrived. */
class PerceptionJsonTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void nothingPublishedYetGivesNulls() throws Exception {
    JsonNode p = JSON.readTree(PerceptionJson.encode(null, null, null, null, null, 1.0, 0));
    assertEquals(0, p.path("landmarks").size());
    assertTrue(p.path("nearest_person_m").isNull());
    assertTrue(p.path("terrain").isNull());
    assertTrue(p.path("obstacle_ahead").isNull());
    assertTrue(p.path("health").isNull());
    assertEquals(1.0, p.path("speed_scale").asDouble());
  }

  @Test
  void detectionsTerrainAndAnAwkwardReasonRoundTrip() throws Exception {
    Landmarks l = new Landmarks();
    l.add(7, 1.7, 0.36, 0.1, Math.PI, 1.63, 0.9);
    PeopleZones people = new PeopleZones();
    people.add(3.9, -0.1, 3.86, 1, PeopleZones.SOURCE_DEPTH);
    HeightGrid g = new HeightGrid(10, 0.05);
    g.traversableAhead = false;
    TerrainEstimate t = new TerrainEstimate();
    t.classCount = 2;
    t.classNames[0] = "grass";
    t.classNames[1] = "sand";
    t.probability[1] = 0.8f;
    t.best = 1;
    PerceptionHealth h = new PerceptionHealth();
    h.degrade(PerceptionHealth.Input.TERRAIN_MODEL, "model not found in \"C:\\x\"\n(train one)");
    h.framesProcessed = 12;
    h.stampNanos = 1_000_000_000L;
    JsonNode p = JSON.readTree(PerceptionJson.encode(l, people, g, t, h, 0.42, 1_500_000_000L));
    assertEquals(7, p.path("landmarks").get(0).path("id").asInt());
    assertEquals(1.63, p.path("landmarks").get(0).path("distance").asDouble(), 1e-9);
    assertEquals(3.86, p.path("nearest_person_m").asDouble(), 1e-9);
    assertEquals(0.42, p.path("speed_scale").asDouble(), 1e-9);
    assertEquals("sand", p.path("terrain").asText());
    assertEquals(0.8, p.path("terrain_p").asDouble(), 1e-3);
    assertTrue(p.path("obstacle_ahead").asBoolean());
    assertEquals(false, p.path("health").path("ok").asBoolean());
    assertEquals(
        "model not found in \"C:\\x\"\n(train one)",
        p.path("health").path("degraded").path("terrain_model").asText());
    assertEquals(0.5, p.path("age_s").asDouble(), 1e-9);
  }
}
