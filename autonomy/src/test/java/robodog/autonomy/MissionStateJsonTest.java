package robodog.autonomy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

/** state/mission stays one valid JSON object whatever names the crew and the clients choose. */
class MissionStateJsonTest {
  @Test
  void hostileRouteNamesStayStringsAndCannotRewriteTheState() throws Exception {
    List<String> names = List.of("a\"b", "evil\\", "x\u0001y", "\",\"state\":\"paused");
    JsonNode j =
        new ObjectMapper().readTree(new MissionStateJson().encode(null, 0, "t", null, names));
    assertEquals("idle", j.get("state").asText());
    for (int i = 0; i < names.size(); i++) {
      assertEquals(names.get(i), j.get("routes").get(i).asText(), "round-trips exactly");
    }
  }
}
