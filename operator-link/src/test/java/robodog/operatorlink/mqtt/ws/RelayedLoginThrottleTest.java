package robodog.operatorlink.mqtt.ws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import robodog.core.Mailbox;
import robodog.core.MotionCommand;
import robodog.operatorlink.OperatorLink;
import robodog.operatorlink.mqtt.EmbeddedBroker;
import robodog.operatorlink.mqtt.auth.BrokerSecurity;
import robodog.operatorlink.mqtt.auth.CredentialStore;
import robodog.operatorlink.mqtt.auth.LoginThrottle;
import robodog.operatorlink.mqtt.auth.Role;

/**
 * Browsers reach the broker through the robot's WebSocket relay, so the broker sees the relay's
 * loopback address for every one of them. The login throttle must still count each browser's own
 * address: one page guessing passwords must not lock the crew's tablets out. The guesser connects
 * from 127.0.0.2, the tablet from 127.0.0.1 (both loopback, so this runs on any machine).
 */
class RelayedLoginThrottleTest {
  private static final String PAGE = "http://127.0.0.1:8080";
  private final Mailbox<MotionCommand> box =
      new Mailbox<>(MotionCommand::new, (a, b) -> b.copyFrom(a));
  private final List<String> errors = new CopyOnWriteArrayList<>();
  private final OperatorLink link = new OperatorLink(box, errors::add, 5_000_000_000L);

  @Test
  void aGuessingPageIsThrottledByItsOwnAddressNotTheRelays() throws Exception {
    CredentialStore users =
        CredentialStore.empty()
            .with("op", Role.OPERATOR, "operator-pw".toCharArray())
            .with("grip", Role.OPERATOR, "grip-password".toCharArray());
    BrokerSecurity security = new BrokerSecurity("127.0.0.1", users, null);
    try (EmbeddedBroker broker = new EmbeddedBroker("dog1", link, 0, security, 0)) {
      broker.allowWebSocketOrigins(OriginPolicy.of(List.of(PAGE)));
      int port = broker.webSocketPort();
      // Wrong passwords for several user names, so the per-user throttle alone cannot explain it.
      for (int i = 0; i <= LoginThrottle.FREE_FAILURES; i++) {
        try (RawMqttWebSocket ws = from("127.0.0.2", port)) {
          ws.sendFrame(RawMqttWebSocket.connect("guess" + i, "grip", "guess-" + i));
          assertTrue(ws.readConnackCode() != 0, "a wrong password was accepted");
        }
      }
      long now = System.nanoTime();
      assertTrue(
          security.logins().throttle().lockedFor("address:127.0.0.2", now) > 0,
          "the guessing page's own address is throttled");
      assertEquals(
          0,
          security.logins().throttle().lockedFor("address:127.0.0.1", now),
          "the relay's address is not");
      try (RawMqttWebSocket ws = from("127.0.0.1", port)) {
        ws.sendFrame(RawMqttWebSocket.connect("tablet1", "op", "operator-pw"));
        assertEquals(0, ws.readConnackCode(), "the crew's tablet still logs in");
      }
    }
  }

  private static RawMqttWebSocket from(String local, int port) throws Exception {
    Socket s =
        new Socket(InetAddress.getByName("127.0.0.1"), port, InetAddress.getByName(local), 0);
    return new RawMqttWebSocket(s, "127.0.0.1:" + port, EmbeddedBroker.WEB_SOCKET_PATH, PAGE);
  }
}
