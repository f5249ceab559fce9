package robodog.operatorlink.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import robodog.core.Mailbox;
import robodog.core.MotionCommand;
import robodog.operatorlink.OperatorLink;
import robodog.operatorlink.testing.Mosquitto;
import robodog.operatorlink.testing.Tablet;
import robodog.operatorlink.testing.TcpRelay;

/** The robot as a client of a real Mosquitto 2, driven by a tablet-like Paho client. */
class ExternalBrokerLinkTest {
  @TempDir Path dir;
  private final Mailbox<MotionCommand> box =
      new Mailbox<>(MotionCommand::new, (a, b) -> b.copyFrom(a));
  private final List<String> errors = new CopyOnWriteArrayList<>();
  private final OperatorLink link = new OperatorLink(box, errors::add, 5_000_000_000L);
  private Thread ticker;

  @BeforeEach
  void tickTheWatchdog() {
    // As in the app: the link's own thread ticks the watchdog at 50 Hz.
    ticker =
        new Thread(
            () -> {
              while (!Thread.currentThread().isInterrupted()) {
                link.tick(System.nanoTime());
                try {
                  Thread.sleep(20);
                } catch (InterruptedException e) {
                  return;
                }
              }
            });
    ticker.start();
  }

  @AfterEach
  void stop() {
    ticker.interrupt();
  }

  private double vx() {
    MotionCommand m = box.latest();
    return m == null ? Double.NaN : m.vx;
  }

  private static ExternalBrokerLink.Options options(String uri, int keepAlive) {
    return new ExternalBrokerLink.Options(uri, null, null, keepAlive, null);
  }

  @Test
  void aTabletDrivesThroughMosquittoAndACutRobotLeavesItsLastWill() throws Exception {
    try (Mosquitto broker = new Mosquitto(dir, Map.of(), null).start();
        TcpRelay wifi = new TcpRelay(broker.port());
        ExternalBrokerLink robot =
            new ExternalBrokerLink(
                "dog1", link, errors::add, options("tcp://127.0.0.1:" + wifi.port(), 1));
        Tablet watcher = new Tablet(broker.uri(), "dog1", "watcher", null, null).listen();
        Tablet tablet =
            new Tablet(broker.uri(), "dog1", "tablet", null, null).under("op/tablet/")) {
      assertTrue(Tablet.within(3000, () -> watcher.got("state/status {\"online\":true}")));
      tablet.send("cmd/lease", "{%s,\"action\":\"acquire\"}");
      tablet.send("cmd/velocity", "{%s,\"vx\":0.1,\"ttl_ms\":1000}");
      assertTrue(Tablet.within(2000, () -> vx() == 0.1), "velocity through Mosquitto: " + vx());
      assertEquals("tablet", link.leaseHolder(), "the command path names the sender");
      tablet.client.publish(
          "robodog/dog1/cmd/velocity",
          "{\"seq\":99,\"client\":\"tablet\",\"vx\":0.2}".getBytes(),
          1,
          false);
      tablet.client.publish(
          "robodog/dog1/cmd/estop", "{\"seq\":100,\"engage\":false}".getBytes(), 1, false);
      assertTrue(
          Tablet.within(2000, () -> errors.stream().anyMatch(e -> e.contains("only an engage"))),
          errors.toString());
      assertEquals(0.1, vx(), 0.0, "a command outside a user's path moves nothing");
      assertEquals(1, robot.refusedPublishes());

      watcher.received.clear();
      wifi.cut(); // the robot's radio link dies without a goodbye
      assertTrue(
          Tablet.within(3000, () -> watcher.got("state/status {\"online\":false}")),
          "last will expected, got " + watcher.received);
      assertTrue(Tablet.within(1000, () -> vx() == 0.0), "link loss must stop the robot");
      assertTrue(Tablet.within(5000, () -> robot.connections() == 2), "reconnects");
      assertTrue(Tablet.within(2000, () -> watcher.got("state/status {\"online\":true}")));
    }
  }

  @Test
  void killingMosquittoMidWalkStopsTheRobotAndARestartReplaysNothing() throws Exception {
    Mosquitto broker = new Mosquitto(dir, Map.of(), null).start();
    try (broker;
        TcpRelay wifi = new TcpRelay(broker.port());
        ExternalBrokerLink robot =
            new ExternalBrokerLink(
                "dog1", link, errors::add, options("tcp://127.0.0.1:" + wifi.port(), 1))) {
      assertTrue(Tablet.within(3000, robot::isConnected));
      long stopNanos;
      try (Tablet tablet =
          new Tablet(broker.uri(), "dog1", "tablet", null, null).under("op/tablet/")) {
        tablet.send("cmd/lease", "{%s,\"action\":\"acquire\"}");
        for (int i = 0; i < 10; i++) { // walking: refreshed every 50 ms, each valid for 1 s
          tablet.send("cmd/velocity", "{%s,\"vx\":0.1,\"ttl_ms\":1000}");
          Thread.sleep(50);
        }
        assertEquals(0.1, vx(), 0.0);
        long cut = System.nanoTime();
        wifi.block(true); // keeps the robot away until the stale command below is in place
        broker.kill();
        assertTrue(Tablet.within(3000, () -> vx() == 0.0), "the robot kept walking");
        stopNanos = System.nanoTime() - cut;
      }
      // Bound: loss detection (1.5 x keep-alive) or the watchdog (0.5 s), whichever is first.
      assertTrue(stopNanos < 1_500_000_000L, "stopped after " + stopNanos / 1e6 + " ms");

      broker.start(); // same port
      try (Tablet tablet =
          new Tablet(broker.uri(), "dog1", "tablet2", null, null).under("op/tablet/")) {
        // Sent before the robot is back: a retained command would be handed over on subscribe.
        tablet.sendRaw(
            "cmd/velocity",
            "{\"seq\":1000,\"client\":\"tablet\",\"vx\":0.3,\"ttl_ms\":1000}",
            true);
        wifi.block(false);
        assertTrue(Tablet.within(5000, () -> robot.connections() == 2), "reconnects");
        assertTrue(
            Tablet.within(
                2000, () -> errors.stream().anyMatch(e -> e.contains("retained command refused"))),
            errors.toString());
        // A replay of an old command from the same sender (lower seq) is refused too.
        tablet.sendRaw("cmd/velocity", "{\"seq\":3,\"client\":\"tablet\",\"vx\":0.3}", false);
        assertTrue(
            Tablet.within(2000, () -> errors.stream().anyMatch(e -> e.contains("is not newer"))),
            errors.toString());
        Thread.sleep(200);
        assertEquals(0.0, vx(), 0.0, "nothing stale moved the robot");
        tablet.sendRaw("cmd/velocity", "", true); // clear the retained message
      }
    }
  }

  @Test
  void aHungBrokerIsDetectedWithinOneAndAHalfKeepAlives() throws Exception {
    try (Mosquitto broker = new Mosquitto(dir, Map.of(), null).start();
        ExternalBrokerLink robot =
            new ExternalBrokerLink("dog1", link, errors::add, options(broker.uri(), 2))) {
      assertTrue(Tablet.within(3000, robot::isConnected));
      Thread.sleep(1000); // a few probes answered
      long t0 = System.nanoTime();
      broker.freeze(); // sockets stay open, nothing answers: TCP says nothing
      assertTrue(Tablet.within(6000, () -> !robot.isConnected()), "loss never detected");
      long detected = System.nanoTime() - t0;
      assertTrue(errors.stream().anyMatch(e -> e.contains("no answer for 2 s")), errors.toString());
      assertTrue(detected <= 3_000_000_000L, "detected after " + detected / 1e6 + " ms");
      broker.thaw();
      assertTrue(Tablet.within(5000, () -> robot.connections() == 2), "reconnects after thaw");
    }
  }

  @Test
  void theRobotReachesMosquittoOverTls() throws Exception {
    Path cert = dir.resolve("cert.pem");
    Path key = dir.resolve("key.pem");
    Process p =
        new ProcessBuilder(
                "openssl",
                "req",
                "-x509",
                "-newkey",
                "ec",
                "-pkeyopt",
                "ec_paramgen_curve:prime256v1",
                "-nodes",
                "-keyout",
                key.toString(),
                "-out",
                cert.toString(),
                "-days",
                "2",
                "-subj",
                "/CN=localhost",
                "-addext",
                "subjectAltName=IP:127.0.0.1")
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes());
    assertEquals(0, p.waitFor(), out);
    java.security.KeyStore trust = java.security.KeyStore.getInstance("PKCS12");
    trust.load(null, null);
    try (java.io.InputStream in = Files.newInputStream(cert)) {
      trust.setCertificateEntry(
          "broker",
          java.security.cert.CertificateFactory.getInstance("X.509").generateCertificate(in));
    }
    javax.net.ssl.TrustManagerFactory tmf =
        javax.net.ssl.TrustManagerFactory.getInstance(
            javax.net.ssl.TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(trust);
    javax.net.ssl.SSLContext ctx = javax.net.ssl.SSLContext.getInstance("TLS");
    ctx.init(null, tmf.getTrustManagers(), null);
    Mosquitto broker = new Mosquitto(dir, Map.of(), null);
    int tlsPort = broker.enableTls(cert, key);
    try (broker;
        ExternalBrokerLink robot =
            new ExternalBrokerLink(
                "dog1",
                link,
                errors::add,
                new ExternalBrokerLink.Options(
                    "ssl://127.0.0.1:" + tlsPort, null, null, 2, ctx.getSocketFactory()))) {
      broker.start();
      assertTrue(Tablet.within(5000, robot::isConnected), errors + broker.log());
      try (Tablet tablet =
          new Tablet(broker.uri(), "dog1", "tablet", null, null).under("op/tablet/")) {
        tablet.send("cmd/lease", "{%s,\"action\":\"acquire\"}");
        tablet.send("cmd/velocity", "{%s,\"vx\":0.1,\"ttl_ms\":1000}");
        assertTrue(Tablet.within(2000, () -> vx() == 0.1), "command via TLS: " + errors);
      }
    }
  }

  @Test
  void theShippedAclKeepsObserversAndStrangersOffTheCommands() throws Exception {
    String acl = Files.readString(Path.of("..", "docs", "mosquitto", "robodog.acl"));
    Map<String, String> users =
        Map.of("tablet1", "op-secret-1", "director", "obs-secret-1", "dog1", "robot-secret");
    try (Mosquitto broker = new Mosquitto(dir, users, acl).start();
        ExternalBrokerLink robot =
            new ExternalBrokerLink(
                "dog1",
                link,
                errors::add,
                new ExternalBrokerLink.Options(
                    broker.uri(), "dog1", "robot-secret".toCharArray(), 2, null));
        Tablet tablet =
            new Tablet(broker.uri(), "dog1", "tablet1", "tablet1", "op-secret-1")
                .under("op/tablet1/");
        Tablet director =
            new Tablet(broker.uri(), "dog1", "director", "director", "obs-secret-1")
                .listen()
                .under("op/director/")) {
      assertTrue(Tablet.within(3000, robot::isConnected), broker.log());
      tablet.send("cmd/lease", "{%s,\"action\":\"acquire\"}");
      tablet.send("cmd/velocity", "{%s,\"vx\":0.1,\"ttl_ms\":1000}");
      assertTrue(Tablet.within(2000, () -> vx() == 0.1), broker.log());
      director.send("cmd/lease", "{%s,\"action\":\"take\"}");
      director.send("cmd/velocity", "{%s,\"vx\":-0.3,\"ttl_ms\":1000}");
      Thread.sleep(300);
      assertEquals("tablet1", link.leaseHolder(), "an observer cannot take the lease");
      assertEquals(0.1, vx(), 0.0, "an observer moves nothing");
      assertTrue(director.got("state/status"), "an observer reads state");
      director.send("cmd/estop", "{%s,\"engage\":true}");
      assertTrue(Tablet.within(2000, () -> box.latest().estop), "an observer's E-stop works");
      MqttException e =
          assertThrows(
              MqttException.class, () -> new Tablet(broker.uri(), "dog1", "anon", null, null));
      assertFalse(e.getMessage().isEmpty());
    }
  }
}
