package robodog.operatorlink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.junit.jupiter.api.Test;
import robodog.core.Mailbox;
import robodog.core.Mode;
import robodog.core.MotionCommand;
import robodog.operatorlink.mqtt.EmbeddedBroker;
import robodog.operatorlink.mqtt.TelemetryJson;
import robodog.operatorlink.mqtt.auth.BrokerSecurity;
import robodog.operatorlink.mqtt.auth.PublishRateLimit;
import robodog.operatorlink.testing.Tablet;

/** The fuzz figure: ≥ 10,000 hostile messages, zero crashes, zero actuations, one error each. */
class OperatorLinkFuzzTest {
  private final Mailbox<MotionCommand> box =
      new Mailbox<>(MotionCommand::new, (a, b) -> b.copyFrom(a));
  private final List<String> errors = new CopyOnWriteArrayList<>();
  private final OperatorLink link = new OperatorLink(box, errors::add, 5_000_000_000L);

  private void assertSafe() {
    MotionCommand m = box.latest();
    assertEquals(0.0, m.vx, 0.0);
    assertEquals(0.0, m.vy, 0.0);
    assertEquals(0.0, m.yawRate, 0.0);
    assertEquals(Mode.STANDING, m.requestedMode);
    assertFalse(m.estop);
    assertEquals("tablet", link.leaseHolder(), "nobody took the lease");
  }

  @Test
  void tenThousandHostileMessagesFromTheLeaseHolderMoveNothingAndEachGetsAReason() {
    link.onMessage("tablet", "cmd/lease", "{\"seq\":50,\"action\":\"acquire\"}".getBytes(), 0);
    List<FuzzCorpus.Message> corpus = FuzzCorpus.generate(10_000, 1 << 20, 50, 42);
    errors.clear();
    long before = link.refused();
    for (FuzzCorpus.Message m : corpus) {
      link.onMessage("tablet", m.topic(), m.payload(), 1_000_000L); // must never throw
    }
    assertEquals(corpus.size(), link.refused() - before, "each one refused, none acted on");
    assertEquals(corpus.size(), errors.size());
    assertTrue(
        errors.stream().allMatch(e -> e.startsWith("cmd/") && e.length() < 400), errors.get(0));
    assertSafe();
  }

  @Test
  void twoThousandThroughTheEmbeddedBrokerEachAnsweredOnStateError() throws Exception {
    EmbeddedBroker[] ref = new EmbeddedBroker[1];
    List<String> published = new CopyOnWriteArrayList<>();
    OperatorLink wired =
        new OperatorLink(
            box,
            e -> {
              published.add(e);
              ref[0].publish("state/error", TelemetryJson.error(e), false);
            },
            5_000_000_000L);
    // Paced by answers, this runs faster than the standard per-client publish limit allows:
    // here every message must reach the link (the limit has its own test).
    BrokerSecurity unlimited =
        BrokerSecurity.loopback()
            .publishLimit(new PublishRateLimit(1e6, 1e6), new PublishRateLimit(1e6, 1e6));
    try (EmbeddedBroker broker = new EmbeddedBroker("dog1", wired, 0, unlimited);
        Tablet tablet =
            new Tablet("tcp://127.0.0.1:" + broker.port(), "dog1", "tablet", null, null)) {
      ref[0] = broker;
      tablet.client.subscribe(
          "robodog/dog1/state/error", 1, (t, m) -> tablet.received.add(new String(m.getPayload())));
      tablet.sendRaw("cmd/lease", "{\"seq\":50,\"action\":\"acquire\"}", false);
      // Over the wire: payloads up to 6 KB (Moquette closes a connection sending over ~8 KiB) and
      // no NUL in topic names (a protocol violation: the broker drops the connection).
      List<FuzzCorpus.Message> corpus =
          FuzzCorpus.generate(2_000, 6_000, 50, 7).stream()
              .filter(m -> m.topic().indexOf('\0') < 0)
              .toList();
      for (int i = 0; i < corpus.size(); i++) {
        FuzzCorpus.Message m = corpus.get(i);
        // QoS 0: Moquette sends no PUBACK for a publish it refuses (a topic beyond the role's).
        try {
          tablet.client.publish("robodog/dog1/" + m.topic(), m.payload(), 0, false);
        } catch (MqttException e) {
          throw new AssertionError(
              "message "
                  + i
                  + " on "
                  + m.topic()
                  + " ("
                  + m.payload().length
                  + " bytes): "
                  + e
                  + ", connection lost because of "
                  + tablet.lostCause,
              e);
        }
        if (i % 10 == 9) {
          // Paced: a flood beyond Moquette's session queue (1024) gets the flooder disconnected.
          int sent = i + 1;
          assertTrue(
              Tablet.within(10_000, () -> tablet.received.size() >= sent),
              "stalled at " + sent + ", connection lost because of " + tablet.lostCause);
        }
      }
      assertTrue(
          Tablet.within(10_000, () -> tablet.received.size() >= corpus.size()),
          tablet.received.size() + " state/error messages for " + corpus.size());
      assertEquals(corpus.size(), wired.refused() + broker.refusedPublishes());
      assertTrue(
          tablet.received.stream().allMatch(e -> e.startsWith("{\"error\":\"cmd/")),
          tablet.received.get(0));
      assertEquals(0.0, box.latest().vx, 0.0);
      assertFalse(box.latest().estop);
      assertEquals("tablet", wired.leaseHolder());
    }
  }
}
