package robodog.operatorlink.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.Test;
import robodog.core.Mailbox;
import robodog.core.MotionCommand;
import robodog.operatorlink.OperatorLink;

/** A real MQTT client (Paho) through the embedded broker (Moquette) to the controller's mailbox. */
class EmbeddedBrokerTest {
  private static MqttClient client(int port, String id) throws Exception {
    MqttClient c = new MqttClient("tcp://127.0.0.1:" + port, id, new MemoryPersistence());
    MqttConnectOptions o = new MqttConnectOptions();
    o.setSocketFactory(new NoDelaySocketFactory());
    o.setCleanSession(true);
    c.connect(o);
    return c;
  }

  private static void pub(MqttClient c, String topic, String json) throws Exception {
    c.publish("robodog/dog1/" + topic, json.getBytes(StandardCharsets.UTF_8), 1, false);
  }

  private static double vxWithin(Mailbox<MotionCommand> box, double expected, long timeoutMs)
      throws InterruptedException {
    long end = System.currentTimeMillis() + timeoutMs;
    double vx = Double.NaN;
    while (System.currentTimeMillis() < end) {
      MotionCommand m = box.latest();
      if (m != null) {
        vx = m.vx;
        if (vx == expected) {
          return vx;
        }
      }
      Thread.sleep(5);
    }
    return vx;
  }

  @Test
  void aTabletDrivesThroughTheBrokerAnObserverDoesNotAndSilenceStops() throws Exception {
    Mailbox<MotionCommand> box = new Mailbox<>(MotionCommand::new, (a, b) -> b.copyFrom(a));
    List<String> errors = new CopyOnWriteArrayList<>();
    OperatorLink link = new OperatorLink(box, errors::add, 5_000_000_000L);
    try (EmbeddedBroker broker = new EmbeddedBroker("dog1", link, 0)) {
      MqttClient tablet = client(broker.port(), "tablet");
      MqttClient observer = client(broker.port(), "observer");
      pub(tablet, "cmd/lease", "{\"seq\":1,\"action\":\"acquire\"}");
      pub(tablet, "cmd/velocity", "{\"seq\":2,\"vx\":0.1,\"ttl_ms\":1000}");
      assertEquals(0.1, vxWithin(box, 0.1, 3000), 0.0, "the lease holder's velocity arrives");
      pub(observer, "cmd/velocity", "{\"seq\":1,\"vx\":-0.3,\"ttl_ms\":1000}");
      Thread.sleep(300);
      assertEquals(0.1, box.latest().vx, 0.0, "a client without the lease moves nothing");
      assertTrue(
          errors.stream().anyMatch(e -> e.contains("refused from observer")), errors.toString());
      assertEquals("tablet", link.leaseHolder());
      // The tablet goes silent: the watchdog (ticked by the link's timer) stops the robot.
      tablet.disconnect();
      long cut = System.nanoTime();
      double vx = 0.1;
      while (System.nanoTime() - cut < 2_000_000_000L && vx != 0) {
        link.tick(System.nanoTime());
        vx = box.latest().vx;
        Thread.sleep(2);
      }
      assertEquals(0.0, vx, 0.0, "silence must stop the robot");
      observer.disconnect();
    }
  }
}
