package robodog.operatorlink.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import robodog.core.Mailbox;
import robodog.core.MotionCommand;
import robodog.operatorlink.OperatorLink;
import robodog.operatorlink.mqtt.auth.BrokerSecurity;
import robodog.operatorlink.mqtt.auth.CredentialStore;
import robodog.operatorlink.mqtt.auth.LoginThrottle;
import robodog.operatorlink.mqtt.auth.Role;
import robodog.operatorlink.testing.Tablet;

/** Failed logins on the embedded broker: throttled, and never in the way of an E-stop. */
class LoginFloodTest {
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
  void afterAFewWrongPasswordsEvenTheRightOneWaitsForTheBackOff() throws Exception {
    BrokerSecurity security = new BrokerSecurity("0.0.0.0", users(), null);
    try (EmbeddedBroker broker = new EmbeddedBroker("dog1", link, 0, security)) {
      String uri = "tcp://127.0.0.1:" + broker.port();
      for (int i = 0; i < LoginThrottle.FREE_FAILURES; i++) {
        MqttException e =
            assertThrows(MqttException.class, () -> new Tablet(uri, "dog1", "t", "op", "wrong-pw"));
        assertEquals(MqttException.REASON_CODE_FAILED_AUTHENTICATION, e.getReasonCode());
      }
      MqttException locked =
          assertThrows(
              MqttException.class, () -> new Tablet(uri, "dog1", "t", "op", "operator-pw"));
      assertEquals(MqttException.REASON_CODE_FAILED_AUTHENTICATION, locked.getReasonCode());
      assertTrue(
          Tablet.within(
              (long) (LoginThrottle.FIRST_BACKOFF_NANOS / 1e6) + 1000,
              () -> security.logins().throttle().lockedFor("user:op", System.nanoTime()) == 0));
      new Tablet(uri, "dog1", "t", "op", "operator-pw").close();
    }
  }

  @Test
  void anUnknownUserIsThrottledLikeAKnownOne() {
    LoginThrottle t = new LoginThrottle();
    long now = 0;
    for (int i = 0; i < LoginThrottle.FREE_FAILURES - 1; i++) {
      t.failed("user:nobody", now);
      assertEquals(0, t.lockedFor("user:nobody", now));
    }
    t.failed("user:nobody", now);
    assertEquals(LoginThrottle.FIRST_BACKOFF_NANOS, t.lockedFor("user:nobody", now));
    t.failed("user:nobody", now);
    assertEquals(
        2 * LoginThrottle.FIRST_BACKOFF_NANOS, t.lockedFor("user:nobody", now), "it doubles");
    for (int i = 0; i < 20; i++) {
      t.failed("user:nobody", now);
    }
    assertEquals(LoginThrottle.MAX_BACKOFF_NANOS, t.lockedFor("user:nobody", now));
    t.succeeded("user:nobody");
    assertEquals(0, t.lockedFor("user:nobody", now));
    for (int i = 0; i < LoginThrottle.MAX_KEYS + 100; i++) {
      t.failed("address:10.0." + i, now);
    }
    assertEquals(LoginThrottle.MAX_KEYS, t.size(), "bounded");
  }

  @Test
  void anEstopGetsThroughAConnectFloodWithWrongPasswords() throws Exception {
    BrokerSecurity security = new BrokerSecurity("0.0.0.0", users(), null);
    try (EmbeddedBroker broker = new EmbeddedBroker("dog1", link, 0, security);
        Tablet director =
            new Tablet(
                "tcp://127.0.0.1:" + broker.port(), "dog1", "director", "obs", "observer-pw")) {
      String uri = "tcp://127.0.0.1:" + broker.port();
      AtomicBoolean stop = new AtomicBoolean();
      AtomicLong attempts = new AtomicLong();
      List<Thread> attackers = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        int n = i;
        Thread a =
            new Thread(
                () -> {
                  while (!stop.get()) {
                    try {
                      new Tablet(uri, "dog1", "x" + n, "user" + n, "wrong-pw").close();
                    } catch (MqttException e) {
                      attempts.incrementAndGet();
                    }
                  }
                });
        a.start();
        attackers.add(a);
      }
      try {
        assertTrue(Tablet.within(5000, () -> attempts.get() > 50), "the flood runs");
        director.send("cmd/estop", "{%s,\"engage\":true}");
        assertTrue(Tablet.within(5000, () -> box.latest() != null && box.latest().estop));
      } finally {
        stop.set(true);
        for (Thread a : attackers) {
          a.join(5000);
        }
      }
      assertTrue(director.client.isConnected());
    }
  }

  @Test
  void aUserRemovedFromTheFileIsDroppedWithoutARestart() throws Exception {
    Path file = dir.resolve("credentials.yaml");
    users().save(file);
    BrokerSecurity security = new BrokerSecurity("0.0.0.0", CredentialStore.load(file), null);
    try (EmbeddedBroker broker =
            new EmbeddedBroker("dog1", link, 0, security).reloadCredentials(file);
        Tablet obs =
            new Tablet(
                "tcp://127.0.0.1:" + broker.port(), "dog1", "director", "obs", "observer-pw")) {
      Thread.sleep(1100); // a modification time in another second than the first version's
      CredentialStore.load(file).without("obs").save(file);
      assertTrue(Tablet.within(5000, () -> !obs.client.isConnected()), "dropped");
      assertThrows(
          MqttException.class,
          () ->
              new Tablet(
                  "tcp://127.0.0.1:" + broker.port(), "dog1", "director2", "obs", "observer-pw"));
      assertFalse(errors.stream().anyMatch(e -> e.contains("not reloaded")), errors.toString());
    }
  }
}
