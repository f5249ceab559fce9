package robodog.operatorlink.mqtt.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import robodog.operatorlink.mqtt.EmbeddedBroker;
import robodog.operatorlink.testing.Tablet;

class PublishRateLimitTest {
  private static final long S = 1_000_000_000L;

  @Test
  void aBucketAllowsItsBurstThenItsRateAndReportsRefusalsOnceASecond() {
    PublishRateLimit l = new PublishRateLimit(10, 5);
    long t = 7 * S;
    for (int i = 0; i < 5; i++) {
      assertEquals(0, l.take("a", t), "burst message " + i);
    }
    assertEquals(1, l.take("a", t), "the first refusal is reported at once");
    assertEquals(-1, l.take("a", t), "then silence until a second has passed");
    assertEquals(0, l.take("b", t), "another client has its own bucket");
    assertEquals(0, l.take("a", t + S / 10), "one token back after 0.1 s at 10/s");
    assertEquals(-1, l.take("a", t + S / 10));
    PublishRateLimit slow = new PublishRateLimit(0.001, 1);
    assertEquals(0, slow.take("c", t));
    assertEquals(1, slow.take("c", t));
    assertEquals(-1, slow.take("c", t + S / 2));
    assertEquals(-1, slow.take("c", t + S / 2));
    assertEquals(3, slow.take("c", t + S), "a second later: the refusals since the last notice");
    assertThrows(IllegalArgumentException.class, () -> new PublishRateLimit(0, 5));
    assertThrows(IllegalArgumentException.class, () -> new PublishRateLimit(10, 0.5));
  }

  @Test
  void aFloodingClientIsThrottledAtTheBrokerWhileTheOperatorStillGetsThrough() throws Exception {
    List<String> flooderSeen = new CopyOnWriteArrayList<>();
    AtomicLong operatorSeenAt = new AtomicLong();
    BrokerSecurity security = BrokerSecurity.loopback().publishLimit(new PublishRateLimit(50, 50));
    try (EmbeddedBroker broker =
            new EmbeddedBroker(
                "dog1",
                (client, topic, payload, now) -> {
                  if (client.equals("flooder")) {
                    flooderSeen.add(topic);
                  } else if (client.equals("tablet")) {
                    operatorSeenAt.set(System.nanoTime());
                  }
                },
                0,
                security,
                -1);
        Tablet flooder =
            new Tablet("tcp://127.0.0.1:" + broker.port(), "dog1", "flooder", null, null);
        Tablet tablet =
            new Tablet("tcp://127.0.0.1:" + broker.port(), "dog1", "tablet", null, null)) {
      tablet.listen();
      byte[] hb = "{\"seq\":1}".getBytes(StandardCharsets.UTF_8);
      long start = System.nanoTime();
      for (int i = 0; i < 2_000; i++) {
        flooder.client.publish("robodog/dog1/cmd/heartbeat", hb, 0, false);
      }
      long sent = System.nanoTime();
      tablet.sendRaw("cmd/heartbeat", "{\"seq\":2}", false);
      assertTrue(Tablet.within(2_000, () -> operatorSeenAt.get() != 0), "operator got through");
      assertTrue(
          operatorSeenAt.get() - sent < 500_000_000L,
          "operator's message behind the flood: " + (operatorSeenAt.get() - sent) / 1e6 + " ms");
      double seconds = (sent - start) / 1e9;
      assertTrue(
          flooderSeen.size() <= 50 + 50 * (seconds + 0.5) + 5,
          flooderSeen.size() + " flooder messages passed in " + seconds + " s");
      assertTrue(
          Tablet.within(2_000, () -> broker.refusedPublishes() >= 2_000 - flooderSeen.size()));
      assertTrue(
          Tablet.within(2_000, () -> tablet.got("over its 50 messages/s publish limit")),
          "the flood is named on state/error: " + tablet.received);
      long notices = tablet.received.stream().filter(r -> r.contains("publish limit")).count();
      assertTrue(notices <= 1 + seconds + 1, notices + " notices: at most one a second");
    }
  }
}
