package robodog.operatorlink.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.SSLContext;
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

/** The embedded broker listening beyond loopback: credentials, roles, TLS. */
class EmbeddedBrokerSecurityTest {
  @TempDir Path dir;
  private final Mailbox<MotionCommand> box =
      new Mailbox<>(MotionCommand::new, (a, b) -> b.copyFrom(a));
  private final List<String> errors = new CopyOnWriteArrayList<>();
  private final OperatorLink link = new OperatorLink(box, errors::add, 5_000_000_000L);

  private static CredentialStore users() {
    return CredentialStore.empty()
        .with("op", Role.OPERATOR, "operator-pw".toCharArray())
        .with("obs", Role.OBSERVER, "observer-pw".toCharArray());
  }

  @Test
  void loopbackMeansAllOf127Slash8AndNothingElse() {
    assertTrue(BrokerSecurity.isLoopback("127.0.0.1"));
    assertTrue(BrokerSecurity.isLoopback("127.0.0.2"));
    assertTrue(BrokerSecurity.isLoopback("::1"));
    assertFalse(BrokerSecurity.isLoopback("0.0.0.0"));
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> new BrokerSecurity("0.0.0.0", null, null));
    assertTrue(e.getMessage().contains("needs a credentials file"), e.getMessage());
  }

  @Test
  void beyondLoopbackStrangersAreRefusedAndObserversMoveNothing() throws Exception {
    BrokerSecurity security = new BrokerSecurity("0.0.0.0", users(), null);
    try (EmbeddedBroker broker = new EmbeddedBroker("dog1", link, 0, security)) {
      String uri = "tcp://127.0.0.1:" + broker.port();
      MqttException anon =
          assertThrows(MqttException.class, () -> new Tablet(uri, "dog1", "anon", null, null));
      // Moquette answers "bad user name or password" (4) to a CONNECT without credentials.
      assertEquals(MqttException.REASON_CODE_FAILED_AUTHENTICATION, anon.getReasonCode());
      MqttException wrong =
          assertThrows(
              MqttException.class, () -> new Tablet(uri, "dog1", "guess", "op", "password1"));
      assertEquals(MqttException.REASON_CODE_FAILED_AUTHENTICATION, wrong.getReasonCode());

      try (Tablet op = new Tablet(uri, "dog1", "tablet", "op", "operator-pw");
          Tablet obs = new Tablet(uri, "dog1", "director", "obs", "observer-pw")) {
        op.send("cmd/lease", "{%s,\"action\":\"acquire\"}");
        op.send("cmd/velocity", "{%s,\"vx\":0.1,\"ttl_ms\":1000}");
        assertTrue(Tablet.within(2000, () -> box.latest() != null && box.latest().vx == 0.1));
        // QoS 0: Moquette sends no PUBACK for a refused QoS 1 publish, the sender would wait.
        obs.client.publish(
            "robodog/dog1/cmd/lease", "{\"seq\":1,\"action\":\"take\"}".getBytes(), 0, false);
        obs.client.publish(
            "robodog/dog1/cmd/velocity", "{\"seq\":2,\"vx\":-0.3}".getBytes(), 0, false);
        obs.client.publish("robodog/other/cmd/velocity", "{\"seq\":3}".getBytes(), 0, false);
        assertTrue(Tablet.within(2000, () -> broker.refusedPublishes() == 3), "refused count");
        assertEquals("tablet", link.leaseHolder());
        assertEquals(0.1, box.latest().vx, 0.0, "an observer moves nothing");
        assertTrue(errors.isEmpty(), "refused at the broker, never seen by the link: " + errors);
        // An observer may not even listen to commands, but may read state and stop the robot.
        assertThrows(MqttException.class, () -> obs.client.subscribe("robodog/dog1/cmd/#", 1));
        obs.send("cmd/estop", "{%s,\"engage\":true}");
        assertTrue(Tablet.within(2000, () -> box.latest().estop), "an observer's E-stop works");
      }
    }
  }

  @Test
  void tlsWithASelfSignedPkcs12Keystore() throws Exception {
    SelfSignedKeystore ks = new SelfSignedKeystore(dir);
    BrokerSecurity security =
        new BrokerSecurity(
            "0.0.0.0",
            users(),
            new BrokerSecurity.Tls(ks.file, SelfSignedKeystore.PASSWORD.toCharArray(), 0));
    try (EmbeddedBroker broker = new EmbeddedBroker("dog1", link, 0, security)) {
      SSLContext ctx = ks.trustingContext();
      MqttClient c =
          new MqttClient(
              "ssl://127.0.0.1:" + security.tls().port(), "tls-tablet", new MemoryPersistence());
      MqttConnectOptions o = new MqttConnectOptions();
      o.setSocketFactory(new NoDelaySslSocketFactory(ctx.getSocketFactory()));
      o.setUserName("op");
      o.setPassword("operator-pw".toCharArray());
      c.connect(o);
      c.publish(
          "robodog/dog1/cmd/lease", "{\"seq\":1,\"action\":\"acquire\"}".getBytes(), 1, false);
      assertTrue(Tablet.within(2000, () -> "tls-tablet".equals(link.leaseHolder())));
      c.disconnect();
      c.close();
      assertTrue(broker.describe().contains("ssl://"), broker.describe());
    }
  }
}
