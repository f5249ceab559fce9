package robodog.operatorlink.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import robodog.core.Mailbox;
import robodog.core.MotionCommand;
import robodog.operatorlink.OperatorLink;
import robodog.operatorlink.testing.Tablet;

/** The documented mosquitto_pub / mosquitto_sub lines (Debian mosquitto-clients) work as shown. */
class MosquittoClientsInteropTest {
  private static String run(String... cmd) throws Exception {
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    assertTrue(p.waitFor(10, TimeUnit.SECONDS), String.join(" ", cmd) + " hung");
    String out = new String(p.getInputStream().readAllBytes());
    assertEquals(0, p.exitValue(), String.join(" ", cmd) + ": " + out);
    return out;
  }

  @Test
  void mosquittoPubDrivesAndMosquittoSubReadsState() throws Exception {
    Mailbox<MotionCommand> box = new Mailbox<>(MotionCommand::new, (a, b) -> b.copyFrom(a));
    EmbeddedBroker[] ref = new EmbeddedBroker[1];
    List<String> errors = new CopyOnWriteArrayList<>();
    OperatorLink link =
        new OperatorLink(
            box,
            e -> {
              errors.add(e);
              ref[0].publish("state/error", TelemetryJson.error(e), false);
            },
            5_000_000_000L);
    try (EmbeddedBroker broker = new EmbeddedBroker("dog1", link, 0)) {
      ref[0] = broker;
      String port = Integer.toString(broker.port());
      broker.publish("state/status", "{\"online\":true}".getBytes(), true);
      String status =
          run(
              "mosquitto_sub",
              "-h",
              "127.0.0.1",
              "-p",
              port,
              "-t",
              "robodog/dog1/state/status",
              "-C",
              "1",
              "-W",
              "5");
      assertEquals("{\"online\":true}", status.trim());
      Process sub =
          new ProcessBuilder(
                  "mosquitto_sub",
                  "-h",
                  "127.0.0.1",
                  "-p",
                  port,
                  "-t",
                  "robodog/dog1/state/error",
                  "-C",
                  "1",
                  "-W",
                  "10")
              .redirectErrorStream(true)
              .start();
      Thread.sleep(300); // let it subscribe
      run(
          "mosquitto_pub",
          "-h",
          "127.0.0.1",
          "-p",
          port,
          "-i",
          "tablet",
          "-q",
          "1",
          "-t",
          "robodog/dog1/cmd/lease",
          "-m",
          "{\"seq\":1,\"action\":\"acquire\"}");
      run(
          "mosquitto_pub",
          "-h",
          "127.0.0.1",
          "-p",
          port,
          "-i",
          "tablet",
          "-q",
          "1",
          "-t",
          "robodog/dog1/cmd/velocity",
          "-m",
          "{\"seq\":3,\"vx\":0.1,\"ttl_ms\":1000}");
      assertTrue(Tablet.within(2000, () -> box.latest() != null && box.latest().vx == 0.1));
      assertEquals("tablet", link.leaseHolder());
      run(
          "mosquitto_pub",
          "-h",
          "127.0.0.1",
          "-p",
          port,
          "-i",
          "tablet",
          "-q",
          "1",
          "-t",
          "robodog/dog1/cmd/velocity",
          "-m",
          "{\"seq\":2,\"vx\":0.5}");
      assertTrue(sub.waitFor(10, TimeUnit.SECONDS));
      String err = new String(sub.getInputStream().readAllBytes());
      assertTrue(err.contains("seq 2 is not newer than 3"), err);
      assertEquals(0.1, box.latest().vx, 0.0);
    }
  }
}
