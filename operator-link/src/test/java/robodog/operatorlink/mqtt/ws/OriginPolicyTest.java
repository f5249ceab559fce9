package robodog.operatorlink.mqtt.ws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Origins as browsers send them: compared literally, after case and default ports. */
class OriginPolicyTest {
  @Test
  void normalisesCaseAndDefaultPortsOnly() {
    assertEquals("http://dog1.local", OriginPolicy.normalize("HTTP://Dog1.LOCAL:80"));
    assertEquals("https://dog1.local", OriginPolicy.normalize("https://dog1.local:443"));
    assertEquals("https://dog1.local:80", OriginPolicy.normalize("https://dog1.local:80"));
    assertEquals("http://[::1]:8080", OriginPolicy.normalize("http://[::1]:8080"));
    OriginPolicy p = OriginPolicy.of(List.of("http://127.0.0.1:8080"));
    assertTrue(p.allows("http://127.0.0.1:8080"));
    assertTrue(p.allows(null), "no Origin header: not a browser");
    for (String no :
        new String[] {
          "http://localhost:8080", "null", "", "http://127.0.0.1:8080/x", "ws://127.0.0.1:8080"
        }) {
      assertFalse(p.allows(no), no);
    }
  }

  @Test
  void badConfiguredOriginsAreRefusedWithTheReason() {
    assertTrue(message("*").contains("every web page"), message("*"));
    assertTrue(message("null").contains("sandboxed"), message("null"));
    assertTrue(message("dog1.local:8080").contains("expected scheme://host[:port]"));
    assertTrue(message("http://dog1.local:8080/").contains("no path"));
    assertTrue(message("http://dog1.local:70000").contains("1..65535"));
    assertTrue(message("ftp://dog1.local").contains("http or https"));
  }

  private static String message(String origin) {
    return assertThrows(IllegalArgumentException.class, () -> OriginPolicy.of(List.of(origin)))
        .getMessage();
  }
}
