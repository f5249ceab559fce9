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

  /** Refuses trailing tokens and duplicate keys: what a strict client would. */
  private static final ObjectMapper STRICT =
      com.fasterxml.jackson.databind.json.JsonMapper.builder()
          .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .build();

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

  /** A name with quotes, a backslash, a newline, a tab, a control character and non-ASCII. */
  static final String AWKWARD = "gr\"a\\ss\n\tt\u0001erra\u00efn \u8349 \ud83c\udf3f";

  @Test
  void anAwkwardClassNameAndReasonRoundTrip() throws Exception {
    TerrainEstimate t = new TerrainEstimate();
    t.classCount = 1;
    t.classNames[0] = AWKWARD;
    t.probability[0] = 1f;
    t.best = 0;
    PerceptionHealth h = new PerceptionHealth();
    h.degrade(PerceptionHealth.Input.CAMERA, AWKWARD);
    String text = PerceptionJson.encode(null, null, null, t, h, 1.0, 0);
    JsonNode p = STRICT.readTree(text);
    assertEquals(AWKWARD, p.path("terrain").asText());
    assertEquals(AWKWARD, p.path("health").path("degraded").path("camera").asText());
  }

  @Test
  void theTextIsUnchangedForWhatTheTabletAlreadyReads() throws Exception {
    Landmarks l = new Landmarks();
    l.add(7, 1.7, 0.36, 0.1, Math.PI, 1.63, 0.9);
    l.add(12, -0.25, Double.NaN, 0.1, 0, 2.0004, 0.5);
    PeopleZones people = new PeopleZones();
    people.add(3.9, -0.1, 3.86, 1, PeopleZones.SOURCE_DEPTH);
    HeightGrid g = new HeightGrid(10, 0.05);
    g.traversableAhead = true;
    TerrainEstimate t = new TerrainEstimate();
    t.classCount = 2;
    t.classNames[0] = "grass";
    t.classNames[1] = "sand";
    t.probability[1] = 0.8f;
    t.best = 1;
    PerceptionHealth h = new PerceptionHealth();
    h.degrade(PerceptionHealth.Input.TERRAIN_MODEL, "model not found");
    h.degrade(PerceptionHealth.Input.CAMERA, "camera gone");
    h.fps = 14.96;
    h.framesProcessed = 12;
    h.stampNanos = 1_000_000_000L;
    // Fixed decimals as before (1.700, 0.43, 15.0), NaN as null, inputs in their fixed order.
    assertEquals(OLD_FULL, PerceptionJson.encode(l, people, g, t, h, 0.425, 1_512_000_000L));
    assertEquals(OLD_EMPTY, PerceptionJson.encode(null, null, null, null, null, 1.0, 0));
    PerceptionHealth ok = new PerceptionHealth();
    ok.fps = 30;
    assertEquals(
        OLD_HEALTHY,
        PerceptionJson.encode(
            new Landmarks(), new PeopleZones(), g, new TerrainEstimate(), ok, Double.NaN, 5));
  }

  /** What the string-built encoder wrote for these inputs. */
  private static final String OLD_FULL =
      "{\"landmarks\":[{\"id\":7,\"x\":1.700,\"y\":0.360,\"distance\":1.630},{\"id\":12,\"x\":-0.250,\"y\":null,\"distance\":2.000}],\"people\":1,\"nearest_person_m\":3.86,\"speed_scale\":0.43,\"terrain\":\"sand\",\"terrain_p\":0.800,\"obstacle_ahead\":false,\"health\":{\"ok\":false,\"fps\":15.0,\"frames\":12,\"degraded\":{\"camera\":\"camera gone\",\"terrain_model\":\"model not found\"}},\"age_s\":0.51}";

  private static final String OLD_EMPTY =
      "{\"landmarks\":[],\"people\":0,\"nearest_person_m\":null,\"speed_scale\":1.00,\"terrain\":null,\"terrain_p\":null,\"obstacle_ahead\":null,\"health\":null,\"age_s\":null}";

  private static final String OLD_HEALTHY =
      "{\"landmarks\":[],\"people\":0,\"nearest_person_m\":null,\"speed_scale\":null,\"terrain\":null,\"terrain_p\":null,\"obstacle_ahead\":false,\"health\":{\"ok\":true,\"fps\":30.0,\"frames\":0,\"degraded\":{}},\"age_s\":0.00}";
}
