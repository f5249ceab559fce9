package robodog.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** A bad --ws-allow-origin stops the start with the reason, before the robot moves. */
class TabletOriginCliTest {
  @Test
  void everyPageWildcardAndBadOriginsAreRefusedByName() {
    String[][] cases = {
      {"*", "every web page"},
      {"null", "sandboxed"},
      {"dog1.local:8080", "expected scheme://host[:port]"},
      {"http://dog1.local:8080/tablet", "no path"},
    };
    for (String[] c : cases) {
      Cli r =
          Cli.run(
              "run",
              "--hardware",
              "sim",
              "--duration",
              "1",
              "--mqtt-port",
              "0",
              "--ws-port",
              "0",
              "--http-port",
              "0",
              "--ws-allow-origin",
              c[0]);
      assertEquals(2, r.status, c[0] + ": " + r.err);
      assertTrue(r.err.contains("--ws-allow-origin"), r.err);
      assertTrue(r.err.contains(c[1]), c[0] + ": " + r.err);
    }
  }
}
