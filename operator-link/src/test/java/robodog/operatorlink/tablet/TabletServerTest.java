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
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + s.port() + path)).build(),
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
