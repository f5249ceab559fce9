package robodog.operatorlink.tablet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.Test;
import robodog.core.Mailbox;
import robodog.core.MotionCommand;
import robodog.operatorlink.OperatorLink;
import robodog.operatorlink.mqtt.EmbeddedBroker;
import robodog.operatorlink.mqtt.auth.BrokerSecurity;
import robodog.operatorlink.mqtt.auth.CredentialStore;
import robodog.operatorlink.mqtt.auth.Role;
import robodog.operatorlink.testing.Tablet;

/**
 * The robot's page server over real HTTP, and the broker's WebSocket listener with the URL that
 * {@code /config.json} hands out, used by a real MQTT-over-WebSocket client (Paho).
 */
class TabletServerTest {
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private static TabletConfig config(int wsPort) {
    return new TabletConfig(
        "dog1",
        wsPort,
        EmbeddedBroker.WEB_SOCKET_PATH,
        List.of("tripod", "wave"),
        0.05,
        0.18,
        0.12);
  }

  private static HttpResponse<String> get(TabletServer s, String path) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + s.port() + path))
            .timeout(java.time.Duration.ofSeconds(5)) // a stalled server fails, not hangs
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void servesTheBundledPageAndNothingElse() throws Exception {
    try (TabletServer s = new TabletServer(new InetSocketAddress("127.0.0.1", 0), config(9001))) {
      HttpResponse<String> page = get(s, "/");
      assertEquals(200, page.statusCode());
      assertEquals("text/html; charset=utf-8", page.headers().firstValue("content-type").get());
      assertTrue(page.body().contains("id=\"estop\""), "the page has its E-STOP");
      HttpResponse<String> js = get(s, "/app.js");
      assertEquals(200, js.statusCode());
      assertTrue(js.body().length() > 50_000, "app.js bundles the mqtt package");
      assertEquals(200, get(s, "/app.css").statusCode());
      for (String bad : new String[] {"/../pom.xml", "/%2e%2e/pom.xml", "/web/app.js", "/x.js"}) {
        assertEquals(404, get(s, bad).statusCode(), bad);
      }
      HttpResponse<String> post =
          HTTP.send(
              HttpRequest.newBuilder(URI.create(s.url()))
                  .POST(HttpRequest.BodyPublishers.ofString("x"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertEquals(405, post.statusCode());
    }
  }

  @Test
  void configPointsTheTabletAtTheBrokerByTheNameItUsed() throws Exception {
    try (TabletServer s = new TabletServer(new InetSocketAddress("127.0.0.1", 0), config(9001))) {
      JsonNode c = new ObjectMapper().readTree(get(s, "/config.json").body());
      assertEquals("dog1", c.get("robot_id").asText());
      assertEquals("ws://127.0.0.1:9001/mqtt", c.get("ws_url").asText());
      assertEquals("wave", c.get("gaits").get(1).asText());
      assertEquals(0.12, c.get("body_height_m").get("neutral").asDouble());
      // A tablet that reached the robot as dog1.local gets a WebSocket URL with that name.
      String raw = rawGet(s.port(), "/config.json", "dog1.local:8080");
      assertTrue(raw.contains("\"ws_url\":\"ws://dog1.local:9001/mqtt\""), raw);
      // A Host header that is not a host name falls back to the bound address.
      String odd = rawGet(s.port(), "/config.json", "\"><script>");
      assertTrue(odd.contains("\"ws_url\":\"ws://127.0.0.1:9001/mqtt\""), odd);
    }
  }

  @Test
  void behindAnExternalBrokerThePageIsToldItsPerUserCommandPath() throws Exception {
    TabletConfig external =
        new TabletConfig(
            "dog1",
            "ws://broker.local:9001/mqtt",
            1,
            "/mqtt",
            List.of("tripod"),
            0.05,
            0.18,
            0.12,
            -1);
    try (TabletServer s = new TabletServer(new InetSocketAddress("127.0.0.1", 0), external)) {
      String raw = rawGet(s.port(), "/config.json", "dog1.local:8080");
      assertTrue(raw.contains("\"command_path\":\"op/{user}/cmd/\""), raw);
    }
    TabletConfig embedded =
        new TabletConfig("dog1", 9001, "/mqtt", List.of("tripod"), 0.05, 0.18, 0.12);
    try (TabletServer s = new TabletServer(new InetSocketAddress("127.0.0.1", 0), embedded)) {
      String raw = rawGet(s.port(), "/config.json", "dog1.local:8080");
      assertTrue(raw.contains("\"command_path\":\"cmd/\""), raw);
    }
  }

  @Test
  void aSecureWebSocketListenerIsOfferedBesideThePlainOne() throws Exception {
    TabletConfig tls =
        new TabletConfig(
            "dog1",
            null,
            9001,
            EmbeddedBroker.WEB_SOCKET_PATH,
            List.of("tripod"),
            0.05,
            0.18,
            0.12,
            9443);
    try (TabletServer s = new TabletServer(new InetSocketAddress("127.0.0.1", 0), tls)) {
      String raw = rawGet(s.port(), "/config.json", "dog1.local:8080");
      assertTrue(raw.contains("\"ws_url\":\"ws://dog1.local:9001/mqtt\""), raw);
      assertTrue(raw.contains("\"wss_url\":\"wss://dog1.local:9443/mqtt\""), raw);
    }
    JsonNode plain = new ObjectMapper().readTree(config(9001).json("h"));
    assertTrue(plain.get("wss_url") == null, "no wss listener, no wss_url: " + plain);
    assertThrows(
        IllegalArgumentException.class,
        () -> new TabletConfig("d", null, 9001, "/mqtt", List.of(), 0.05, 0.18, 0.12, 0));
  }

  @Test
  void badSettingsAreRefusedAtStartUp() {
    assertThrows(
        IllegalArgumentException.class,
        () -> new TabletConfig("dog1", 0, "/mqtt", List.of(), 0.05, 0.18, 0.12));
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> new TabletConfig("dog1", 9001, "/mqtt", List.of(), 0.05, 0.18, 0.30));
    assertTrue(e.getMessage().contains("body height"), e.getMessage());
  }

  @Test
  void aWebSocketClientAtTheAdvertisedUrlLogsInTakesTheLeaseAndDrives() throws Exception {
    Mailbox<MotionCommand> box = new Mailbox<>(MotionCommand::new, (a, b) -> b.copyFrom(a));
    List<String> errors = new CopyOnWriteArrayList<>();
    OperatorLink link = new OperatorLink(box, errors::add, 5_000_000_000L);
    CredentialStore users =
        CredentialStore.empty().with("crew", Role.OPERATOR, "correct horse".toCharArray());
    BrokerSecurity security = new BrokerSecurity("127.0.0.1", users, null);
    try (EmbeddedBroker broker = new EmbeddedBroker("dog1", link, 0, security, 0);
        TabletServer s =
            new TabletServer(
                new InetSocketAddress("127.0.0.1", 0), config(broker.webSocketPort()))) {
      String url =
          new ObjectMapper().readTree(get(s, "/config.json").body()).get("ws_url").asText();
      MqttClient tablet = new MqttClient(url, "tablet-ws", new MemoryPersistence());
      MqttConnectOptions login = new MqttConnectOptions();
      login.setUserName("crew");
      login.setPassword("wrong password".toCharArray());
      // Refused at CONNECT (Paho's WebSocket transport reports it as a failed connect).
      assertThrows(MqttException.class, () -> tablet.connect(login));
      assertTrue(!tablet.isConnected());
      login.setPassword("correct horse".toCharArray());
      tablet.connect(login);
      byte[] lease = "{\"seq\":1,\"action\":\"acquire\"}".getBytes(StandardCharsets.UTF_8);
      tablet.publish("robodog/dog1/cmd/lease", lease, 1, false);
      byte[] drive = "{\"seq\":2,\"vx\":0.25,\"ttl_ms\":1000}".getBytes(StandardCharsets.UTF_8);
      tablet.publish("robodog/dog1/cmd/velocity", drive, 1, false);
      long end = System.currentTimeMillis() + 3000;
      while (System.currentTimeMillis() < end
          && (box.latest() == null || box.latest().vx != 0.25)) {
        Thread.sleep(5);
      }
      assertEquals("tablet-ws", link.leaseHolder(), errors.toString());
      assertEquals(0.25, box.latest().vx, 0.0, "the WebSocket client's velocity arrives");
      tablet.disconnect();
      tablet.close();
    }
  }

  @Test
  void everyResponseCarriesTheSecurityHeaders() throws Exception {
    try (TabletServer s = new TabletServer(new InetSocketAddress("127.0.0.1", 0), config(9001))) {
      List<HttpResponse<String>> all = new java.util.ArrayList<>();
      for (String path : new String[] {"/", "/app.js", "/config.json", "/nothing-here"}) {
        all.add(get(s, path));
      }
      all.add(
          HTTP.send(
              HttpRequest.newBuilder(URI.create(s.url()))
                  .POST(HttpRequest.BodyPublishers.ofString("x"))
                  .build(),
              HttpResponse.BodyHandlers.ofString()));
      for (HttpResponse<String> r : all) {
        String what = r.request().method() + " " + r.uri() + " " + r.statusCode();
        String csp = r.headers().firstValue("content-security-policy").orElse("");
        for (String part :
            new String[] {
              "default-src 'none'",
              "script-src 'self';",
              "connect-src 'self' ws://127.0.0.1:9001;",
              "frame-ancestors 'none'",
              "base-uri 'none'"
            }) {
          assertTrue(csp.contains(part), what + ": CSP without " + part + ": " + csp);
        }
        assertEquals("DENY", r.headers().firstValue("x-frame-options").orElse(""), what);
        assertEquals("nosniff", r.headers().firstValue("x-content-type-options").orElse(""), what);
        assertEquals("no-referrer", r.headers().firstValue("referrer-policy").orElse(""), what);
      }
      // The broker's address in connect-src follows the name the tablet used, like config.json.
      String raw = rawGet(s.port(), "/", "dog1.local:8080");
      assertTrue(raw.contains("connect-src 'self' ws://dog1.local:9001;"), raw);
      assertTrue(s.origins().contains("http://127.0.0.1:" + s.port()), s.origins().toString());
      assertTrue(s.origins().contains("http://localhost:" + s.port()), s.origins().toString());
    }
  }

  /**
   * Ten clients that connect and send nothing and ten slowloris clients that trickle a request head
   * byte by byte do not stall the page; the server drops each of them once its request deadline
   * passes.
   */
  @Test
  void twentySlowClientsDoNotStallThePageAndAreDropped() throws Exception {
    try (TabletServer s = new TabletServer(new InetSocketAddress("127.0.0.1", 0), config(9001))) {
      List<Socket> silent = new java.util.ArrayList<>();
      List<Thread> trickles = new java.util.ArrayList<>();
      List<Long> droppedAfterMs = new CopyOnWriteArrayList<>();
      long opened = System.nanoTime();
      for (int i = 0; i < 10; i++) {
        silent.add(new Socket("127.0.0.1", s.port()));
        Socket slow = new Socket("127.0.0.1", s.port());
        Thread t =
            new Thread(
                () -> {
                  byte[] head = "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ".getBytes();
                  try {
                    for (int b = 0; ; b++) {
                      slow.getOutputStream().write(head[Math.min(b, head.length - 1)]);
                      slow.getOutputStream().flush();
                      Thread.sleep(200);
                    }
                  } catch (Exception closed) {
                    droppedAfterMs.add((System.nanoTime() - opened) / 1_000_000);
                  }
                },
                "slowloris-" + i);
        t.setDaemon(true);
        t.start();
        trickles.add(t);
      }
      Tablet.within(2000, () -> s.openConnections() >= 20);
      assertTrue(s.openConnections() >= 20, "slow clients open: " + s.openConnections());
      long start = System.nanoTime();
      for (String path : new String[] {"/", "/app.js", "/app.css", "/config.json"}) {
        assertEquals(200, get(s, path).statusCode(), path);
      }
      long loadMs = (System.nanoTime() - start) / 1_000_000;
      System.out.printf("tablet page (4 requests) with 20 slow clients open: %d ms%n", loadMs);
      assertTrue(loadMs < 3000, "page load took " + loadMs + " ms with slow clients open");
      for (Socket q : silent) {
        q.setSoTimeout(TabletServer.REQUEST_TIMEOUT_MS + 3000);
        assertEquals(-1, q.getInputStream().read(), "a silent client is dropped");
        q.close();
      }
      for (Thread t : trickles) {
        t.join(TabletServer.REQUEST_TIMEOUT_MS + 5000);
      }
      assertEquals(10, droppedAfterMs.size(), "slowloris clients dropped: " + droppedAfterMs);
      for (long ms : droppedAfterMs) {
        assertTrue(ms < TabletServer.REQUEST_TIMEOUT_MS + 3000, "dropped after " + ms + " ms");
      }
      assertTrue(Tablet.within(2000, () -> s.openConnections() == 0), "" + s.openConnections());
    }
  }

  @Test
  void servesHttpsWithTheRobotsKeystore(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
      throws Exception {
    robodog.operatorlink.testing.SelfSignedKeystore ks =
        new robodog.operatorlink.testing.SelfSignedKeystore(dir);
    try (TabletServer s =
        new TabletServer(
            new InetSocketAddress("127.0.0.1", 0),
            config(9001),
            robodog.operatorlink.mqtt.ws.KeystoreTls.netty(
                ks.file, robodog.operatorlink.testing.SelfSignedKeystore.PASSWORD.toCharArray()))) {
      assertTrue(s.url().startsWith("https://127.0.0.1:"), s.url());
      assertTrue(s.origins().contains("https://localhost:" + s.port()), s.origins().toString());
      HttpClient trusting = HttpClient.newBuilder().sslContext(ks.trustingContext()).build();
      HttpResponse<String> page =
          trusting.send(
              HttpRequest.newBuilder(URI.create(s.url())).build(),
              HttpResponse.BodyHandlers.ofString());
      assertEquals(200, page.statusCode());
      assertTrue(page.body().contains("id=\"estop\""));
      assertEquals("DENY", page.headers().firstValue("x-frame-options").orElse(""));
      // A client that does not trust the robot's certificate gets no page.
      assertThrows(
          java.io.IOException.class,
          () ->
              HTTP.send(
                  HttpRequest.newBuilder(URI.create(s.url())).build(),
                  HttpResponse.BodyHandlers.ofString()));
    }
  }

  /** A GET with a chosen Host header (java.net.http will not send an arbitrary one). */
  private static String rawGet(int port, String path, String host) throws Exception {
    try (Socket sock = new Socket("127.0.0.1", port)) {
      sock.getOutputStream()
          .write(
              ("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
                  .getBytes(StandardCharsets.ISO_8859_1));
      return new String(sock.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
