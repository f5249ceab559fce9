package robodog.operatorlink.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.junit.jupiter.api.Test;
import robodog.core.Mailbox;
import robodog.core.MotionCommand;
import robodog.operatorlink.OperatorLink;
import robodog.operatorlink.mqtt.auth.BrokerSecurity;
import robodog.operatorlink.mqtt.auth.CredentialStore;
import robodog.operatorlink.mqtt.auth.Role;
import robodog.operatorlink.testing.Tablet;

/**
 * Who may be whom on the embedded broker: for each role (operator, observer, robot, anonymous on
 * loopback) and each client id (another user's, the lease holder's, the robot's own names, ids with
 * a backslash, a quote, a control character, an 8 KB id), the allowed effect and nothing else.
 */
class EmbeddedIdentityMatrixTest {
  private final Mailbox<MotionCommand> box =
      new Mailbox<>(MotionCommand::new, (a, b) -> b.copyFrom(a));
  private final List<String> errors = new CopyOnWriteArrayList<>();
  private final OperatorLink link = new OperatorLink(box, errors::add, 5_000_000_000L);

  /** Client ids nobody may use: the robot's own identities and ids outside the allowed syntax. */
  static final List<String> FORBIDDEN_IDS =
      List.of(
          "ros2",
          "autonomy",
          "ROS2",
          "robodog",
          "evil\\",
          "a\"b",
          "tab\u0001let",
          "x".repeat(8192));

  private static CredentialStore users() {
    return CredentialStore.empty()
        .with("op1", Role.OPERATOR, "operator-pw-1".toCharArray())
        .with("op2", Role.OPERATOR, "operator-pw-2".toCharArray())
        .with("obs", Role.OBSERVER, "observer-pw".toCharArray())
        .with("bot", Role.ROBOT, "robot-pw-123".toCharArray());
  }

  private double vx() {
    MotionCommand c = box.latest();
    return c == null ? 0 : c.vx;
  }

  private static void publish(Tablet t, String topic, String json) throws MqttException {
    t.client.publish("robodog/dog1/" + topic, json.getBytes(StandardCharsets.UTF_8), 0, false);
  }

  @Test
  void anIdBelongsToTheUserThatFirstUsedItAndPayloadNamesCountForNothing() throws Exception {
    BrokerSecurity security = new BrokerSecurity("0.0.0.0", users(), null);
    try (EmbeddedBroker broker = new EmbeddedBroker("dog1", link, 0, security);
        Tablet holder =
            new Tablet(
                "tcp://127.0.0.1:" + broker.port(), "dog1", "tablet1", "op1", "operator-pw-1")) {
      String uri = "tcp://127.0.0.1:" + broker.port();
      holder.send("cmd/lease", "{%s,\"action\":\"acquire\"}");
      holder.send("cmd/velocity", "{%s,\"vx\":0.1,\"ttl_ms\":1000}");
      assertTrue(Tablet.within(2000, () -> vx() == 0.1));

      // The holder's id (shown in telemetry) from every other user: refused at CONNECT, the
      // holder's session is not taken over.
      for (String[] u :
          new String[][] {
            {"obs", "observer-pw"}, {"op2", "operator-pw-2"}, {"bot", "robot-pw-123"}
          }) {
        MqttException e =
            assertThrows(
                MqttException.class,
                () -> new Tablet(uri, "dog1", "tablet1", u[0], u[1]).close(),
                u[0] + " connected as the holder");
        assertEquals(MqttException.REASON_CODE_INVALID_CLIENT_ID, e.getReasonCode(), u[0]);
      }
      assertTrue(holder.client.isConnected(), "the holder's connection survives");
      holder.send("cmd/velocity", "{%s,\"vx\":0.2,\"ttl_ms\":1000}");
      assertTrue(Tablet.within(2000, () -> vx() == 0.2), "the holder still drives");

      // Reserved and malformed ids, for every user.
      for (String id : FORBIDDEN_IDS) {
        for (String[] u : new String[][] {{"op2", "operator-pw-2"}, {"obs", "observer-pw"}}) {
          assertThrows(
              MqttException.class,
              () -> new Tablet(uri, "dog1", id, u[0], u[1]).close(),
              u[0] + " connected as " + id.substring(0, Math.min(12, id.length())));
        }
      }

      try (Tablet director = new Tablet(uri, "dog1", "director", "obs", "observer-pw");
          Tablet other = new Tablet(uri, "dog1", "tablet2", "op2", "operator-pw-2");
          Tablet bot = new Tablet(uri, "dog1", "bot1", "bot", "robot-pw-123")) {
        // An operator without the lease, naming the holder in the payload: moves nothing.
        publish(other, "cmd/velocity", "{\"seq\":1,\"client\":\"tablet1\",\"vx\":-0.5}");
        publish(other, "cmd/mode", "{\"seq\":2,\"client\":\"tablet1\",\"mode\":\"sit\"}");
        assertTrue(
            Tablet.within(
                2000, () -> errors.stream().anyMatch(e -> e.contains("refused from tablet2"))),
            errors.toString());
        assertEquals(0.2, vx(), 0.0, "no drive without the lease");
        assertEquals("tablet1", link.leaseHolder());

        // An observer engages (extra and unknown fields, no seq): obeyed.
        publish(
            director, "cmd/estop", "{\"engage\":true,\"client\":\"tablet1\",\"why\":\"cable\"}");
        assertTrue(Tablet.within(2000, () -> box.latest().estop), "an observer's engage");
        // ... but never releases, whatever it writes.
        publish(director, "cmd/estop", "{\"seq\":5,\"engage\":false,\"client\":\"tablet1\"}");
        publish(other, "cmd/estop", "{\"seq\":6,\"engage\":false,\"client\":\"tablet1\"}");
        assertTrue(
            Tablet.within(
                2000,
                () ->
                    errors.stream().filter(e -> e.startsWith("cmd/estop: refused from")).count()
                        == 2),
            errors.toString());
        assertTrue(box.latest().estop, "only the holder releases");
        holder.send("cmd/estop", "{%s,\"engage\":false}");
        assertTrue(Tablet.within(2000, () -> !box.latest().estop), "the holder releases");

        // A robot-role user may publish no command, but its E-stop engage is obeyed.
        publish(bot, "cmd/estop", "{\"engage\":true}");
        assertTrue(Tablet.within(2000, () -> box.latest().estop), "a robot-role engage");
      }
    }
  }

  @Test
  void onLoopbackAnonymousClientsCannotUseReservedOrMalformedIds() throws Exception {
    try (EmbeddedBroker broker = new EmbeddedBroker("dog1", link, 0)) {
      String uri = "tcp://127.0.0.1:" + broker.port();
      for (String id : FORBIDDEN_IDS) {
        assertThrows(
            MqttException.class,
            () -> new Tablet(uri, "dog1", id, null, null).close(),
            id.substring(0, Math.min(12, id.length())));
      }
      try (Tablet tablet = new Tablet(uri, "dog1", "tablet", null, null)) {
        tablet.send("cmd/lease", "{%s,\"action\":\"acquire\"}");
        assertTrue(Tablet.within(2000, () -> "tablet".equals(link.leaseHolder())));
      }
    }
  }

  @Test
  void onLoopbackAUserMayTakeAnAnonymousIdButNobodyAUsersId() throws Exception {
    BrokerSecurity security = new BrokerSecurity("127.0.0.1", users(), null);
    try (EmbeddedBroker broker = new EmbeddedBroker("dog1", link, 0, security)) {
      String uri = "tcp://127.0.0.1:" + broker.port();
      new Tablet(uri, "dog1", "tablet-1", null, null).close(); // the page before its login
      try (Tablet op = new Tablet(uri, "dog1", "tablet-1", "op1", "operator-pw-1")) {
        assertThrows(
            MqttException.class,
            () -> new Tablet(uri, "dog1", "tablet-1", null, null).close(),
            "an anonymous client took a user's id");
        assertThrows(
            MqttException.class,
            () -> new Tablet(uri, "dog1", "tablet-1", "obs", "observer-pw").close(),
            "another user took a user's id");
        assertTrue(op.client.isConnected());
      }
    }
  }
}
