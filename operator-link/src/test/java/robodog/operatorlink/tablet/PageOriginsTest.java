package robodog.operatorlink.tablet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;
import robodog.operatorlink.mqtt.ws.OriginPolicy;

/** The origins a browser sends for the robot's page, by bind address. */
class PageOriginsTest {
  @Test
  void loopbackBindIsLocalhostAndItsAddress() {
    assertEquals(
        List.of("http://localhost:8080", "http://127.0.0.1:8080"),
        PageOrigins.of("http", "127.0.0.1", 8080));
    assertEquals(
        List.of("https://localhost", "https://[::1]"), PageOrigins.of("https", "::1", 443));
  }

  @Test
  void wildcardBindAddsEveryInterfaceAndTheHostNames() throws Exception {
    List<String> o = PageOrigins.of("http", "0.0.0.0", 8080);
    for (String must : new String[] {"http://localhost:8080", "http://127.0.0.1:8080"}) {
      assertTrue(o.contains(must), must + " in " + o);
    }
    String host = InetAddress.getLocalHost().getHostName().toLowerCase();
    if (!host.matches("[0-9.]+")) {
      assertTrue(o.contains("http://" + host + ":8080"), host + " in " + o);
    }
    // Each one is what a browser would send, so the broker's policy accepts them as they are.
    OriginPolicy p = OriginPolicy.of(o);
    for (String origin : o) {
      assertTrue(p.allows(origin), origin);
    }
    assertTrue(!p.allows("http://evil.example:8080"));
  }

  @Test
  void ipv6LiteralsAreBracketedAndCompressed() {
    assertEquals("[::1]", PageOrigins.literal("0:0:0:0:0:0:0:1"));
    assertEquals("[fe80::1]", PageOrigins.literal("fe80:0:0:0:0:0:0:1%eth0"));
    assertEquals("192.168.4.1", PageOrigins.literal("192.168.4.1"));
  }
}
