package robodog.operatorlink.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.SSLHandshakeException;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import robodog.core.Mailbox;
import robodog.core.MotionCommand;
import robodog.operatorlink.OperatorLink;
import robodog.operatorlink.mqtt.auth.BrokerSecurity;
import robodog.operatorlink.mqtt.auth.CredentialStore;
import robodog.operatorlink.mqtt.auth.Role;
import robodog.operatorlink.testing.SelfSignedKeystore;
import robodog.operatorlink.testing.Tablet;

/** MQTT over secure WebSockets (wss://) on the embedded broker, with the TLS listener's key. */
class SecureWebSocketTest {
  @TempDir Path dir;
  private final Mailbox<MotionCommand> box =
      new Mailbox<>(MotionCommand::new, (a, b) -> b.copyFrom(a));
  private final List<String> errors = new CopyOnWriteArrayList<>();
  private final OperatorLink link = new OperatorLink(box, errors::add, 5_000_000_000L);

  @Test
  void aClientTrustingTheRobotsCertificateDrivesOverWssAndOthersAreRefused() throws Exception {
    SelfSignedKeystore ks = new SelfSignedKeystore(dir);
    CredentialStore users =
        CredentialStore.empty().with("op", Role.OPERATOR, "operator-pw".toCharArray());
    BrokerSecurity security =
        new BrokerSecurity(
            "0.0.0.0",
            users,
            new BrokerSecurity.Tls(ks.file, SelfSignedKeystore.PASSWORD.toCharArray(), 0, 0));
    try (EmbeddedBroker broker = new EmbeddedBroker("dog1", link, 0, security, -1)) {
      int wss = broker.secureWebSocketPort();
      assertTrue(wss > 0 && wss != security.tls().port(), "its own port: " + wss);
      String url = "wss://127.0.0.1:" + wss + EmbeddedBroker.WEB_SOCKET_PATH;
      assertTrue(
          broker.describe().contains(":" + wss + EmbeddedBroker.WEB_SOCKET_PATH)
              && broker.describe().contains("wss://"),
          broker.describe());

      // Without the robot's certificate in its trust store (the JVM's default CAs) the
      // handshake fails: nothing connects, nothing is sent.
      MqttClient stranger = new MqttClient(url, "stranger", new MemoryPersistence());
      MqttConnectOptions plain = login();
      MqttException refused = assertThrows(MqttException.class, () -> stranger.connect(plain));
      assertTrue(causedBy(refused, SSLHandshakeException.class), String.valueOf(refused));
      stranger.close();

      // Trusting it: connects, takes the lease and drives.
      MqttClient tablet = new MqttClient(url, "wss-tablet", new MemoryPersistence());
      MqttConnectOptions o = login();
      o.setSocketFactory(ks.trustingContext().getSocketFactory());
      tablet.connect(o);
      tablet.publish(
          "robodog/dog1/cmd/lease", "{\"seq\":1,\"action\":\"acquire\"}".getBytes(), 1, false);
      tablet.publish("robodog/dog1/cmd/velocity", "{\"seq\":2,\"vx\":0.2}".getBytes(), 1, false);
      assertTrue(
          Tablet.within(
              2000,
              () -> {
                MotionCommand c = box.latest();
                return c != null && c.vx == 0.2;
              }),
          "velocity over wss");
      assertEquals("wss-tablet", link.leaseHolder());

      // Trusting it but with a wrong password: TLS is no substitute for the login.
      MqttClient wrong = new MqttClient(url, "wrong", new MemoryPersistence());
      MqttConnectOptions bad = login();
      bad.setPassword("guess".toCharArray());
      bad.setSocketFactory(ks.trustingContext().getSocketFactory());
      assertThrows(MqttException.class, () -> wrong.connect(bad));
      assertFalse(wrong.isConnected());
      wrong.close();
      tablet.disconnect();
      tablet.close();
    }
  }

  private static MqttConnectOptions login() {
    MqttConnectOptions o = new MqttConnectOptions();
    o.setUserName("op");
    o.setPassword("operator-pw".toCharArray());
    o.setConnectionTimeout(5);
    o.setAutomaticReconnect(false);
    return o;
  }

  private static boolean causedBy(Throwable t, Class<? extends Throwable> kind) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (kind.isInstance(c)) {
        return true;
      }
    }
    return false;
  }
}
