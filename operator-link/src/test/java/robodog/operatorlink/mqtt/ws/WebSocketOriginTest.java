package robodog.operatorlink.mqtt.ws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.Socket;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import robodog.core.Mailbox;
import robodog.core.MotionCommand;
import robodog.operatorlink.OperatorLink;
import robodog.operatorlink.mqtt.EmbeddedBroker;
import robodog.operatorlink.mqtt.auth.BrokerSecurity;
import robodog.operatorlink.testing.SelfSignedKeystore;
import robodog.operatorlink.testing.Tablet;

/**
 * The broker's WebSocket listeners check the browser's {@code Origin} before any MQTT byte reaches
 * the broker: a page from another origin gets 403 and cannot take the lease even when it pushes
 * MQTT bytes after the refusal; the robot's own page origin and clients without an Origin (no
 * browser omits it) get through and drive. Real Moquette, real sockets, plain and TLS.
 */
class WebSocketOriginTest {
  private static final String TAKE = "{\"seq\":1,\"action\":\"take\"}";
  private static final String PAGE = "http://127.0.0.1:8080";

  @TempDir Path dir;
  private final Mailbox<MotionCommand> box =
      new Mailbox<>(MotionCommand::new, (a, b) -> b.copyFrom(a));
  private final List<String> errors = new CopyOnWriteArrayList<>();
  private final OperatorLink link = new OperatorLink(box, errors::add, 5_000_000_000L);

  @Test
  void otherOriginsAreRefusedBeforeTheBrokerAndThePagesOwnOriginDrives() throws Exception {
    try (EmbeddedBroker broker =
        new EmbeddedBroker("dog1", link, 0, BrokerSecurity.loopback(), 0)) {
      int port = broker.webSocketPort();
      // Before the page is served no browser page at all is let in.
      assertEquals("HTTP/1.1 403 Forbidden", upgrade(plain(port), port, PAGE).statusLine);
      broker.allowWebSocketOrigins(OriginPolicy.of(List.of(PAGE, "http://localhost:8080")));
      for (String evil :
          new String[] {
            "http://evil.example:8000",
            "null",
            "http://127.0.0.1:8080.evil.example",
            "http://127.0.0.1:8081",
            "https://127.0.0.1:8080",
            "http://127.0.0.1:8080/",
            "http://127.0.0.1",
          }) {
        try (RawMqttWebSocket ws = upgrade(plain(port), port, evil)) {
          assertEquals("HTTP/1.1 403 Forbidden", ws.statusLine, evil);
          hostileAfterRefusal(ws);
        }
      }
      Thread.sleep(300); // anything that slipped through would have reached the link by now
      assertNull(link.leaseHolder(), "a refused page took the lease");

      // Two Origin headers are refused too (which one would the browser mean?).
      Socket two = plain(port);
      two.getOutputStream()
          .write(
              ("GET /mqtt HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                      + "Sec-WebSocket-Key: MDEyMzQ1Njc4OWFiY2RlZg==\r\nSec-WebSocket-Version:"
                      + " 13\r\nOrigin: http://evil.example\r\nOrigin: "
                      + PAGE
                      + "\r\n\r\n")
                  .getBytes());
      String reply = new String(two.getInputStream().readAllBytes());
      assertTrue(reply.startsWith("HTTP/1.1 403"), reply);
      two.close();

      // The page's own origin, in whatever case the header spells it: upgraded, then it drives.
      try (RawMqttWebSocket ws = upgrade(plain(port), port, "HTTP://127.0.0.1:8080")) {
        assertEquals("HTTP/1.1 101 Switching Protocols", ws.statusLine);
        ws.sendFrame(RawMqttWebSocket.connect("page"));
        assertEquals(0x20, ws.readPacketType(), "CONNACK through the relay");
        ws.sendFrame(RawMqttWebSocket.publish("robodog/dog1/cmd/lease", TAKE));
        assertTrue(Tablet.within(3000, () -> "page".equals(link.leaseHolder())), errors.toString());
      }
      // No Origin: not a browser; the broker's own rules decide (anonymous on loopback).
      try (RawMqttWebSocket ws = upgrade(plain(port), port, null)) {
        assertEquals("HTTP/1.1 101 Switching Protocols", ws.statusLine);
        ws.sendFrame(RawMqttWebSocket.connect("script"));
        assertEquals(0x20, ws.readPacketType());
      }
      // Anything but an upgrade on /mqtt is answered and closed.
      assertTrue(upgradeAt(plain(port), port, "/other", PAGE).statusLine.contains(" 404 "));
    }
  }

  @Test
  void theSecureListenerChecksOriginsToo() throws Exception {
    SelfSignedKeystore ks = new SelfSignedKeystore(dir);
    BrokerSecurity security =
        new BrokerSecurity(
            "127.0.0.1",
            null,
            new BrokerSecurity.Tls(ks.file, SelfSignedKeystore.PASSWORD.toCharArray(), 0, 0));
    try (EmbeddedBroker broker = new EmbeddedBroker("dog1", link, 0, security, -1)) {
      int wss = broker.secureWebSocketPort();
      broker.allowWebSocketOrigins(OriginPolicy.of(List.of("https://127.0.0.1:8443")));
      try (RawMqttWebSocket ws = upgrade(tls(ks, wss), wss, "https://evil.example")) {
        assertEquals("HTTP/1.1 403 Forbidden", ws.statusLine);
        hostileAfterRefusal(ws);
      }
      assertNull(link.leaseHolder());
      try (RawMqttWebSocket ws = upgrade(tls(ks, wss), wss, "https://127.0.0.1:8443")) {
        assertEquals("HTTP/1.1 101 Switching Protocols", ws.statusLine);
        ws.sendFrame(RawMqttWebSocket.connect("secure-page"));
        assertEquals(0x20, ws.readPacketType());
        ws.sendFrame(RawMqttWebSocket.publish("robodog/dog1/cmd/lease", TAKE));
        assertTrue(Tablet.within(3000, () -> "secure-page".equals(link.leaseHolder())));
      }
    }
  }

  /** A hostile client ignores the 403 and sends MQTT anyway: the connection is already closed. */
  private static void hostileAfterRefusal(RawMqttWebSocket ws) {
    try {
      ws.sendFrame(RawMqttWebSocket.connect("evil"));
      ws.sendFrame(RawMqttWebSocket.publish("robodog/dog1/cmd/lease", TAKE));
      ws.socket.getInputStream().readAllBytes(); // the 403 body, then the end
    } catch (IOException closed) {
      // reset by the robot: what we want
    }
  }

  private static Socket plain(int port) throws IOException {
    return new Socket("127.0.0.1", port);
  }

  private static Socket tls(SelfSignedKeystore ks, int port) throws Exception {
    return ks.trustingContext().getSocketFactory().createSocket("127.0.0.1", port);
  }

  private static RawMqttWebSocket upgrade(Socket s, int port, String origin) throws IOException {
    return upgradeAt(s, port, EmbeddedBroker.WEB_SOCKET_PATH, origin);
  }

  private static RawMqttWebSocket upgradeAt(Socket s, int port, String path, String origin)
      throws IOException {
    return new RawMqttWebSocket(s, "127.0.0.1:" + port, path, origin);
  }
}
