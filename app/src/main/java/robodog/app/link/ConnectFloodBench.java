package robodog.app.link;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import robodog.core.Mailbox;
import robodog.core.MotionCommand;
import robodog.locomotion.LocomotionConfig;
import robodog.operatorlink.OperatorLink;
import robodog.operatorlink.mqtt.EmbeddedBroker;
import robodog.operatorlink.mqtt.NoDelaySocketFactory;
import robodog.operatorlink.mqtt.TelemetryJson;
import robodog.operatorlink.mqtt.auth.BrokerSecurity;
import robodog.operatorlink.mqtt.auth.CredentialStore;
import robodog.operatorlink.mqtt.auth.Role;

/**
 * {@code ./robodog bench link --connect-flood N}: the embedded broker with users (on loopback), an
 * operator holding the lease and an observer; E-stop round trip (observer's publish → the
 * controller's mailbox shows the E-stop) and refused-command round trip (the holder's malformed
 * heartbeat → its own {@code state/error}), first quiet, then while N threads send CONNECTs with
 * wrong passwords as fast as the broker answers (raw sockets, half for a known user, half for
 * unknown ones). Bench thread; allocates.
 */
final class ConnectFloodBench {
  private static final ObjectMapper JSON = new ObjectMapper();

  private ConnectFloodBench() {}

  static void run(int attackers, int samples, PrintWriter out) throws Exception {
    CredentialStore users =
        CredentialStore.empty()
            .with("op", Role.OPERATOR, "operator-bench-pw".toCharArray())
            .with("obs", Role.OBSERVER, "observer-bench-pw".toCharArray());
    Mailbox<MotionCommand> box = LocomotionConfig.commandMailbox();
    EmbeddedBroker[] ref = new EmbeddedBroker[1];
    OperatorLink link =
        new OperatorLink(
            box,
            e -> {
              if (ref[0] != null) {
                ref[0].publish("state/error", TelemetryJson.error(e), false);
              }
            },
            2_000_000_000L);
    try (EmbeddedBroker broker =
        new EmbeddedBroker("bench", link, 0, new BrokerSecurity("127.0.0.1", users, null))) {
      ref[0] = broker;
      String uri = "tcp://127.0.0.1:" + broker.port();
      LinkedBlockingQueue<Long> errorsSeen = new LinkedBlockingQueue<>();
      MqttAsyncClient holder = client(uri, "tablet", "op", "operator-bench-pw");
      MqttAsyncClient observer = client(uri, "director", "obs", "observer-bench-pw");
      holder
          .subscribe("robodog/bench/state/error", 0, (t, m) -> errorsSeen.add(System.nanoTime()))
          .waitForCompletion(2000);
      long[] seq = {CommandLatency.firstSeq()};
      send(
          holder,
          "cmd/lease",
          BenchOperator.fields().put("seq", ++seq[0]).put("action", "acquire"),
          1);
      out.printf(
          Locale.ROOT,
          "round trips on the embedded broker (users, loopback), quiet vs %d threads sending"
              + " CONNECTs with wrong passwords:%n",
          attackers);
      Percentiles.header(out, "");
      measure("quiet", samples, holder, observer, box, errorsSeen, seq, out);
      AtomicBoolean stop = new AtomicBoolean();
      AtomicLong attempts = new AtomicLong();
      List<Thread> threads = new ArrayList<>();
      for (int i = 0; i < attackers; i++) {
        int n = i;
        Thread a = new Thread(() -> attack(broker.port(), n, stop, attempts), "connect-flood-" + i);
        a.setDaemon(true);
        a.start();
        threads.add(a);
      }
      try {
        Thread.sleep(1000);
        long start = System.nanoTime();
        long before = attempts.get();
        measure("flood", samples, holder, observer, box, errorsSeen, seq, out);
        double s = (System.nanoTime() - start) / 1e9;
        out.printf(
            Locale.ROOT,
            "flood: %.0f refused CONNECTs/s during the measurement (%d in %.1f s)%n",
            (attempts.get() - before) / s,
            attempts.get() - before,
            s);
      } finally {
        stop.set(true);
        for (Thread t : threads) {
          t.join(2000);
        }
      }
      holder.disconnect().waitForCompletion(1000);
      observer.disconnect().waitForCompletion(1000);
      holder.close();
      observer.close();
      ref[0] = null;
    }
    out.flush();
  }

  private static void measure(
      String label,
      int samples,
      MqttAsyncClient holder,
      MqttAsyncClient observer,
      Mailbox<MotionCommand> box,
      LinkedBlockingQueue<Long> errorsSeen,
      long[] seq,
      PrintWriter out)
      throws Exception {
    long[] estop = new long[samples];
    long[] refused = new long[samples];
    for (int i = 0; i < samples; i++) {
      // Two E-stop messages a sample from the holder: paced below the broker's E-stop allowance
      // of 20 a second per client.
      Thread.sleep(110);
      send(
          holder, "cmd/estop", BenchOperator.fields().put("seq", ++seq[0]).put("engage", false), 1);
      waitFor(() -> box.latest() != null && !box.latest().estop);
      long t0 = System.nanoTime();
      send(observer, "cmd/estop", BenchOperator.fields().put("engage", true), 0);
      waitFor(() -> box.latest().estop);
      estop[i] = System.nanoTime() - t0;

      errorsSeen.clear();
      long t1 = System.nanoTime();
      send(holder, "cmd/heartbeat", BenchOperator.fields().put("seq", ++seq[0]).put("bogus", 1), 0);
      Long at = errorsSeen.poll(10, TimeUnit.SECONDS);
      refused[i] = at == null ? 10_000_000_000L : at - t1;
    }
    Percentiles.row(out, "E-stop → mailbox, " + label, Percentiles.of(estop));
    Percentiles.row(out, "refused → state/error, " + label, Percentiles.of(refused));
  }

  private static void waitFor(java.util.function.BooleanSupplier c) throws InterruptedException {
    long end = System.nanoTime() + 10_000_000_000L;
    while (!c.getAsBoolean()) {
      if (System.nanoTime() > end) {
        throw new IllegalStateException("the link did not answer within 10 s");
      }
      Thread.onSpinWait();
    }
  }

  private static void send(MqttAsyncClient c, String topic, ObjectNode json, int qos)
      throws Exception {
    var token = c.publish("robodog/bench/" + topic, JSON.writeValueAsBytes(json), qos, false);
    if (qos > 0) {
      token.waitForCompletion(10_000);
    }
  }

  private static MqttAsyncClient client(String uri, String id, String user, String pw)
      throws Exception {
    MqttAsyncClient c = new MqttAsyncClient(uri, id, new MemoryPersistence());
    MqttConnectOptions o = new MqttConnectOptions();
    o.setSocketFactory(new NoDelaySocketFactory());
    o.setCleanSession(true);
    o.setUserName(user);
    o.setPassword(pw.toCharArray());
    o.setMaxInflight(1000);
    c.connect(o).waitForCompletion(10_000);
    return c;
  }

  /** One attacker: CONNECT with a wrong password, read the answer, close; again. */
  static void attack(int port, int n, AtomicBoolean stop, AtomicLong attempts) {
    byte[] buf = new byte[64];
    long k = 0;
    while (!stop.get()) {
      String user = n % 2 == 0 ? "op" : "nobody" + n;
      byte[] connect = connectPacket("flood" + n + "-" + k++, user, "wrong-" + k);
      try (Socket s = new Socket()) {
        s.connect(new InetSocketAddress("127.0.0.1", port), 2000);
        s.setSoTimeout(10_000);
        OutputStream o = s.getOutputStream();
        o.write(connect);
        o.flush();
        InputStream in = s.getInputStream();
        while (in.read(buf) >= 0) {
          // until the broker closes: CONNACK, then close
        }
        attempts.incrementAndGet();
      } catch (java.io.IOException e) {
        attempts.incrementAndGet(); // reset or timeout: the attempt was answered one way or another
      }
    }
  }

  /** An MQTT 3.1.1 CONNECT with user name and password, clean session, keep-alive 60 s. */
  static byte[] connectPacket(String clientId, String user, String password) {
    java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
    writeString(body, "MQTT");
    body.write(4); // protocol level 3.1.1
    body.write(0xC2); // user name, password, clean session
    body.write(0);
    body.write(60);
    writeString(body, clientId);
    writeString(body, user);
    writeString(body, password);
    byte[] b = body.toByteArray();
    java.io.ByteArrayOutputStream p = new java.io.ByteArrayOutputStream();
    p.write(0x10);
    int len = b.length;
    do {
      int d = len % 128;
      len /= 128;
      p.write(len > 0 ? d | 0x80 : d);
    } while (len > 0);
    p.write(b, 0, b.length);
    return p.toByteArray();
  }

  private static void writeString(java.io.ByteArrayOutputStream o, String s) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    o.write(b.length >> 8);
    o.write(b.length & 0xff);
    o.write(b, 0, b.length);
  }
}
