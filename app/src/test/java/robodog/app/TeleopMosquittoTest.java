package robodog.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import robodog.harness.sim.SimReport;
import robodog.operatorlink.testing.Mosquitto;
import robodog.operatorlink.testing.Tablet;

/** {@code sim --realtime --broker}: a tablet walks the simulated robot through a real Mosquitto. */
class TeleopMosquittoTest {
  @TempDir Path dir;

  @Test
  void aTabletWalksTheRobotThroughMosquitto() throws Exception {
    try (Mosquitto broker = new Mosquitto(dir, Map.of(), null).start()) {
      Path report = dir.resolve("teleop.json");
      Cli[] result = new Cli[1];
      Thread sim =
          new Thread(
              () ->
                  result[0] =
                      Cli.run(
                          "run",
                          "--hardware",
                          "hil",
                          "--duration",
                          "5",
                          "--robot-id",
                          "dog1",
                          "--broker",
                          broker.uri(),
                          "--mqtt-keepalive",
                          "1",
                          "--report",
                          report.toString()));
      sim.start();
      try (Tablet tablet =
          new Tablet(broker.uri(), "dog1", "tablet", null, null).listen().under("op/tablet/")) {
        assertTrue(Tablet.within(20_000, () -> tablet.got("state/status {\"online\":true}")));
        tablet.send("cmd/lease", "{%s,\"action\":\"acquire\"}");
        tablet.send("cmd/mode", "{%s,\"mode\":\"walk\"}");
        while (sim.isAlive()) {
          tablet.send("cmd/velocity", "{%s,\"vx\":0.12,\"ttl_ms\":300}");
          Thread.sleep(100);
        }
        sim.join(10_000);
        assertEquals(0, result[0].status, result[0].err);
        assertTrue(result[0].out.contains("MQTT broker " + broker.uri()), result[0].out);
        SimReport r = SimReport.read(report);
        assertTrue(r.distanceM() > 0.2, "walked only " + r.distanceM() + " m");
        assertEquals(0, r.falls());
        assertTrue(tablet.got("\"lease_holder\":\"tablet\""), "telemetry through Mosquitto");
        assertTrue(
            Tablet.within(2000, () -> tablet.got("state/status {\"online\":false}")),
            "offline on shutdown");
      }
    }
  }
}
