package robodog.app.link;

import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import robodog.core.Mailbox;
import robodog.core.MotionCommand;
import robodog.locomotion.LocomotionConfig;
import robodog.operatorlink.OperatorLink;
import robodog.operatorlink.mqtt.BrokerLink;
import robodog.operatorlink.mqtt.EmbeddedBroker;
import robodog.operatorlink.mqtt.ExternalBrokerLink;
import robodog.operatorlink.mqtt.NoDelaySocketFactory;

/**
 * {@code ./robodog bench link}: issue 4's operator-link figures on loopback. (1) Command latency: a
 * Paho client publishes {@code cmd/velocity}, the time until the new {@link MotionCommand} is in
 * the controller's mailbox (the control tick picks it up at its next tick), through the embedded
 * Moquette and through a Mosquitto started here, at QoS 0 and 1, beside the raw broker round trip
 * (QoS 1 publish → PUBACK, the floor). (2) Link cuts: the operator walks the robot, then the link
 * is cut (operator client killed without a goodbye, or Mosquitto killed), alternately; the time
 * from the last command received to the stop in the mailbox is reported.
 */
@Command(
    name = "link",
    mixinStandardHelpOptions = true,
    description =
        "Operator link: command latency (embedded Moquette vs Mosquitto, QoS 0/1) and stop"
            + " latency over injected link cuts.")
public final class LinkBenchCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--samples", defaultValue = "2000", description = "commands per case")
  int samples;

  @Option(names = "--cuts", defaultValue = "100", description = "link cuts (0 to skip)")
  int cuts;

  private long seq;

  @Override
  public Integer call() throws Exception {
    if (samples < 10 || cuts < 0) {
      throw new IllegalArgumentException("--samples must be >= 10 and --cuts >= 0");
    }
    PrintWriter out = spec.commandLine().getOut();
    out.println("command latency, publish -> MotionCommand in the mailbox, loopback, µs:");
    out.printf(Locale.ROOT, "%-22s %4s %8s %8s %8s%n", "broker", "QoS", "p50", "p99", "max");
    Path tmp = Files.createTempDirectory("robodog-bench");
    Mailbox<MotionCommand> box = LocomotionConfig.commandMailbox();
    box.offer(new MotionCommand()); // standing still until the first command
    OperatorLink link = new OperatorLink(box, e -> {}, 2_000_000_000L);
    Thread ticker = ticker(link);
    try (EmbeddedBroker embedded = new EmbeddedBroker("bench", link, 0)) {
      latencies("embedded Moquette", "tcp://127.0.0.1:" + embedded.port(), box, out);
    }
    Mosquitto m = new Mosquitto(tmp);
    try {
      link = new OperatorLink(box, e -> {}, 2_000_000_000L);
      ticker.interrupt();
      ticker = ticker(link);
      try (BrokerLink ext =
          new ExternalBrokerLink(
              "bench",
              link,
              e -> {},
              new ExternalBrokerLink.Options(m.uri(), null, null, 1, null))) {
        waitFor(((ExternalBrokerLink) ext)::isConnected);
        latencies("Mosquitto (external)", m.uri(), box, out);
        if (cuts > 0) {
          cuts(m, (ExternalBrokerLink) ext, box, out);
        }
      }
    } finally {
      ticker.interrupt();
      m.kill();
    }
    return 0;
  }

  /** The link's timer: watchdog every 2 ms, as in {@code sim --realtime}. */
  private static Thread ticker(OperatorLink link) {
    Thread t =
        new Thread(
            () -> {
              while (!Thread.currentThread().isInterrupted()) {
                link.tick(System.nanoTime());
                try {
                  Thread.sleep(2);
                } catch (InterruptedException e) {
                  return;
                }
              }
            },
            "operator-link");
    t.setDaemon(true);
    t.start();
    return t;
  }

  private MqttAsyncClient tablet(String uri) throws Exception {
    MqttAsyncClient c = new MqttAsyncClient(uri, "tablet", new MemoryPersistence());
    MqttConnectOptions o = new MqttConnectOptions();
    o.setSocketFactory(new NoDelaySocketFactory());
    o.setCleanSession(true);
    o.setMaxInflight(1000);
    c.connect(o).waitForCompletion(5000);
    send(c, "cmd/lease", "\"action\":\"acquire\"", 1).waitForCompletion(2000);
    return c;
  }

  private org.eclipse.paho.client.mqttv3.IMqttDeliveryToken send(
      MqttAsyncClient c, String topic, String fields, int qos) throws Exception {
    String json = "{\"seq\":" + ++seq + ",\"client\":\"tablet\"," + fields + "}";
    return c.publish("robodog/bench/" + topic, json.getBytes(StandardCharsets.UTF_8), qos, false);
  }

  private void latencies(String name, String uri, Mailbox<MotionCommand> box, PrintWriter out)
      throws Exception {
    MqttAsyncClient c = tablet(uri);
    double[] ratio = new double[2];
    for (int qos = 0; qos <= 1; qos++) {
      long[] t = new long[samples];
      for (int i = 0; i < samples + 200; i++) { // the first 200 warm up
        double vx = i % 2 == 0 ? 0.1 : 0.2;
        long t0 = System.nanoTime();
        send(c, "cmd/velocity", "\"vx\":" + vx + ",\"ttl_ms\":1000", qos);
        long end = t0 + 1_000_000_000L;
        while (box.latest().vx != vx && System.nanoTime() < end) {
          Thread.onSpinWait();
        }
        if (i >= 200) {
          t[i - 200] = System.nanoTime() - t0;
        }
      }
      ratio[qos] = row(out, name, Integer.toString(qos), t);
    }
    long[] rt = new long[samples];
    for (int i = 0; i < samples; i++) {
      long t0 = System.nanoTime();
      send(c, "cmd/heartbeat", "\"ttl\":0", 1).waitForCompletion(1000); // refused, but acked
      rt[i] = System.nanoTime() - t0;
    }
    row(out, name + " PUBACK", "1", rt);
    out.printf(Locale.ROOT, "%-22s QoS 1 / QoS 0 median ratio %.2f%n", "", ratio[1] / ratio[0]);
    c.disconnect().waitForCompletion(1000);
    c.close();
  }

  private static double row(PrintWriter out, String name, String qos, long[] t) {
    long[] s = t.clone();
    Arrays.sort(s);
    double p50 = s[s.length / 2] / 1e3;
    out.printf(
        Locale.ROOT,
        "%-22s %4s %8.0f %8.0f %8.0f%n",
        name,
        qos,
        p50,
        s[(int) Math.ceil(s.length * 0.99) - 1] / 1e3,
        s[s.length - 1] / 1e3);
    out.flush();
    return p50;
  }

  private void cuts(
      Mosquitto m, ExternalBrokerLink ext, Mailbox<MotionCommand> box, PrintWriter out)
      throws Exception {
    long[] stop = new long[cuts];
    long[] byKind = new long[2];
    int failed = 0;
    MqttAsyncClient c = null;
    for (int i = 0; i < cuts; i++) {
      if (c == null) {
        c = tablet(m.uri());
      }
      long last = 0;
      for (int k = 0; k < 6; k++) { // walking: a fresh command every 50 ms, each valid for 1 s
        send(c, "cmd/velocity", "\"vx\":0.1,\"ttl_ms\":1000", 1).waitForCompletion(1000);
        last = System.nanoTime();
        Thread.sleep(50);
      }
      if (i % 2 == 0) {
        c.disconnectForcibly(0, 0, false); // the tablet vanishes: no DISCONNECT packet
        c.close();
        c = null;
      } else {
        m.kill();
      }
      long end = last + 3_000_000_000L;
      while (box.latest().vx != 0 && System.nanoTime() < end) {
        java.util.concurrent.locks.LockSupport.parkNanos(100_000); // leave the cores to the link
      }
      stop[i] = System.nanoTime() - last;
      byKind[i % 2] = Math.max(byKind[i % 2], stop[i]);
      if (box.latest().vx != 0) {
        failed++;
      }
      if (i % 2 == 1) {
        long before = ext.connections();
        m.start();
        waitFor(() -> ext.connections() > before);
        c.close();
        c = null;
      }
    }
    if (c != null) {
      c.close();
    }
    out.printf(
        Locale.ROOT,
        "%nlink cuts (%d: operator client killed / Mosquitto killed, alternately): never stopped %d%n",
        cuts,
        failed);
    row(out, "stop after last command", "", stop);
    out.printf(
        Locale.ROOT,
        "max after a client kill %.1f ms, after a broker kill %.1f ms%n",
        byKind[0] / 1e6,
        byKind[1] / 1e6);
    out.println("(µs; bound: watchdog 500 ms + link timer 2 ms; the control tick adds one period)");
  }

  private static void waitFor(java.util.function.BooleanSupplier c) throws InterruptedException {
    long end = System.nanoTime() + 10_000_000_000L;
    while (!c.getAsBoolean()) {
      if (System.nanoTime() > end) {
        throw new IllegalStateException("timed out waiting for the broker link");
      }
      Thread.sleep(5);
    }
  }

  /** Mosquitto 2 from the Debian package on a free loopback port, anonymous, no persistence. */
  private static final class Mosquitto {
    private final Path conf;
    private final int port;
    private Process p;

    Mosquitto(Path dir) throws Exception {
      if (!Files.isExecutable(Path.of("/usr/sbin/mosquitto"))) {
        throw new IllegalStateException("/usr/sbin/mosquitto missing: apt-get install mosquitto");
      }
      try (ServerSocket s = new ServerSocket(0)) {
        port = s.getLocalPort();
      }
      conf = dir.resolve("mosquitto.conf");
      Files.writeString(
          conf,
          "listener "
              + port
              + " 127.0.0.1\nallow_anonymous true\npersistence false\nuser "
              + System.getProperty("user.name")
              + "\n");
      start();
    }

    String uri() {
      return "tcp://127.0.0.1:" + port;
    }

    void start() throws Exception {
      p =
          new ProcessBuilder("/usr/sbin/mosquitto", "-c", conf.toString())
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
      for (int i = 0; i < 250; i++) {
        try (Socket s = new Socket()) {
          s.connect(new InetSocketAddress("127.0.0.1", port), 100);
          return;
        } catch (java.io.IOException e) {
          Thread.sleep(20);
        }
      }
      throw new IllegalStateException("mosquitto did not start on port " + port);
    }

    void kill() throws InterruptedException {
      p.destroyForcibly();
      p.waitFor();
    }
  }
}
