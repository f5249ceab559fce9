package robodog.operatorlink.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import robodog.core.Mailbox;
import robodog.core.MotionCommand;
import robodog.operatorlink.OperatorLink;
import robodog.operatorlink.testing.Mosquitto;
import robodog.operatorlink.testing.Tablet;

/**
 * Who may be whom through a real Mosquitto with the shipped ACL ({@code docs/mosquitto/}): the
 * robot takes the sender from the per-user command path, so for each role, client id (the holder's,
 * {@code ros2}) and topic, only the allowed effect happens.
 */
class MosquittoIdentityMatrixTest {
  @TempDir Path dir;
  private final Mailbox<MotionCommand> box =
      new Mailbox<>(MotionCommand::new, (a, b) -> b.copyFrom(a));
  private final List<String> errors = new CopyOnWriteArrayList<>();
  private final OperatorLink link = new OperatorLink(box, errors::add, 5_000_000_000L);

  private double vx() {
    MotionCommand c = box.latest();
    return c == null ? 0 : c.vx;
  }

  private boolean estop() {
    MotionCommand c = box.latest();
    return c != null && c.estop;
  }

  /** QoS 1: Mosquitto acknowledges a denied publish too, so this returns for both. */
  private static void publish(Tablet t, String topic, String json) throws MqttException {
    t.client.publish("robodog/dog1/" + topic, json.getBytes(StandardCharsets.UTF_8), 1, false);
  }

  private long refusedFrom(String who) {
    return errors.stream().filter(e -> e.contains("refused from " + who)).count();
  }

  @Test
  void theShippedAclBindsEachCommandToItsUser() throws Exception {
    // The shipped file plus a second operator written exactly like tablet1's block.
    String acl =
        Files.readString(Path.of("..", "docs", "mosquitto", "robodog.acl"))
            + "\nuser tablet2\ntopic write robodog/+/op/tablet2/cmd/+\ntopic read robodog/+/state/#\n";
    Map<String, String> users =
        Map.of(
            "tablet1", "op-secret-1",
            "tablet2", "op-secret-2",
            "director", "obs-secret-1",
            "dog1", "robot-secret");
    try (Mosquitto broker = new Mosquitto(dir, users, acl).start();
        ExternalBrokerLink robot =
            new ExternalBrokerLink(
                "dog1",
                link,
                errors::add,
                new ExternalBrokerLink.Options(
                    broker.uri(), "dog1", "robot-secret".toCharArray(), 2, null));
        Tablet holder =
            new Tablet(broker.uri(), "dog1", "t1", "tablet1", "op-secret-1").under("op/tablet1/");
        // The observer connects with the client id "ros2": it changes nothing, the path counts.
        Tablet director = new Tablet(broker.uri(), "dog1", "ros2", "director", "obs-secret-1");
        Tablet other = new Tablet(broker.uri(), "dog1", "t2", "tablet2", "op-secret-2")) {
      assertTrue(Tablet.within(3000, robot::isConnected), broker.log());
      holder.send("cmd/lease", "{%s,\"action\":\"acquire\"}");
      holder.send("cmd/velocity", "{%s,\"vx\":0.1,\"ttl_ms\":1000}");
      assertTrue(Tablet.within(2000, () -> vx() == 0.1), broker.log() + errors);
      assertEquals("tablet1", link.leaseHolder(), "the path names the sender");

      // The observer claims the holder's name, ros2's, or its own path for a lease: all denied by
      // Mosquitto before the robot, or refused by the robot.
      publish(director, "op/tablet1/cmd/lease", "{\"seq\":1,\"action\":\"take\"}");
      publish(director, "op/ros2/cmd/lease", "{\"seq\":2,\"action\":\"take\"}");
      publish(director, "op/director/cmd/lease", "{\"seq\":3,\"action\":\"take\"}");
      publish(
          director, "op/director/cmd/velocity", "{\"seq\":4,\"client\":\"tablet1\",\"vx\":-0.3}");
      publish(director, "cmd/velocity", "{\"seq\":5,\"client\":\"tablet1\",\"vx\":-0.3}");
      // An operator without the lease naming the holder in its payload.
      publish(other, "op/tablet2/cmd/velocity", "{\"seq\":1,\"client\":\"tablet1\",\"vx\":-0.5}");
      publish(other, "op/tablet1/cmd/velocity", "{\"seq\":99,\"vx\":-0.5,\"ttl_ms\":1000}");
      assertTrue(Tablet.within(2000, () -> refusedFrom("tablet2") == 1), errors.toString());
      Thread.sleep(300);
      assertEquals("tablet1", link.leaseHolder(), "nobody took the lease");
      assertEquals(0.1, vx(), 0.0, "nobody else moved the robot");
      assertEquals(0, refusedFrom("director"), "Mosquitto denied every observer command");

      // The observer's engage, without seq or client and with an unknown field: obeyed.
      publish(director, "op/director/cmd/estop", "{\"engage\":true,\"why\":\"cable\"}");
      assertTrue(Tablet.within(2000, this::estop), errors.toString());
      // Its release, even naming the holder, is refused; so is one under the holder's path.
      publish(
          director, "op/director/cmd/estop", "{\"seq\":6,\"engage\":false,\"client\":\"tablet1\"}");
      publish(director, "op/tablet1/cmd/estop", "{\"seq\":7,\"engage\":false}");
      publish(other, "op/tablet1/cmd/estop", "{\"seq\":8,\"engage\":false}");
      publish(other, "op/tablet2/cmd/estop", "{\"seq\":9,\"engage\":false}");
      assertTrue(
          Tablet.within(2000, () -> refusedFrom("director") == 1 && refusedFrom("tablet2") == 2),
          errors.toString());
      Thread.sleep(300);
      assertTrue(estop(), "only the holder releases");
      holder.send("cmd/estop", "{%s,\"engage\":false}");
      assertTrue(Tablet.within(2000, () -> !estop()), errors.toString());

      // The user-less E-stop topic: an engage from anyone is obeyed, nothing else.
      publish(other, "cmd/estop", "{\"engage\":true}");
      assertTrue(Tablet.within(2000, this::estop), errors.toString());
      publish(director, "cmd/estop", "{\"engage\":false}");
      assertTrue(
          Tablet.within(2000, () -> errors.stream().anyMatch(e -> e.contains("only an engage"))),
          errors.toString());
      assertTrue(estop());
    }
  }

  @Test
  void pathsNamingTheRobotsOwnIdentitiesOrOddCharactersAreRefused() throws Exception {
    // No ACL at all (a broker configured carelessly): the robot still refuses what no user can be.
    try (Mosquitto broker = new Mosquitto(dir, Map.of(), null).start();
        ExternalBrokerLink robot =
            new ExternalBrokerLink(
                "dog1",
                link,
                errors::add,
                new ExternalBrokerLink.Options(broker.uri(), null, null, 2, null));
        Tablet t = new Tablet(broker.uri(), "dog1", "t", null, null)) {
      assertTrue(Tablet.within(3000, robot::isConnected));
      for (String user :
          List.of("ros2", "autonomy", "ROS2", "evil\\", "a\"b", "tab let", "x".repeat(8000))) {
        publish(t, "op/" + user + "/cmd/lease", "{\"seq\":1,\"action\":\"take\"}");
      }
      assertTrue(
          Tablet.within(
              2000, () -> errors.stream().filter(e -> e.contains("refused")).count() == 7),
          errors.toString());
      assertEquals(null, link.leaseHolder());
    }
  }
}
