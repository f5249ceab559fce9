package robodog.operatorlink.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The test tablets' strict parser refuses every kind of not-quite-JSON a sloppy encoder makes. */
class StrictJsonTest {
  private static byte[] b(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void refusesWhatAStrictClientWouldRefuse() {
    String[] bad = {
      "{\"x\":NaN}",
      "{\"x\":Infinity}",
      "{\"x\":-Infinity}",
      "{\"a\":1}{\"b\":2}",
      "{\"a\":1} trailing",
      "{/* c */\"a\":1}",
      "{'a':1}",
      "{a:1}",
      "{\"a\":1,\"a\":2}",
      "{\"a\":1,}",
      "{\"a\":01}",
      "{\"a\":\"tab\there\"}",
      "[1,2]",
      "",
    };
    for (String s : bad) {
      IllegalArgumentException e =
          assertThrows(
              IllegalArgumentException.class, () -> StrictJson.parse("state/telemetry", b(s)), s);
      assertTrue(e.getMessage().startsWith("state/telemetry: "), e.getMessage());
    }
  }

  @Test
  void acceptsPlainJsonObjects() {
    assertEquals(
        "a\"b",
        StrictJson.parse("state/error", b("{\"error\":\"a\\\"b\",\"n\":null,\"x\":-1.5e3}"))
            .get("error")
            .asText());
    assertTrue(StrictJson.binary("state/camera"));
  }
}
