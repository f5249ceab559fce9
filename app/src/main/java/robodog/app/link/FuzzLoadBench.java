package robodog.app.link;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.locks.LockSupport;
import org.eclipse.paho.client.mqttv3.MqttException;
import robodog.core.Mode;
import robodog.operatorlink.FuzzCorpus;
import robodog.operatorlink.mqtt.EmbeddedBroker;

/**
 * Control-loop timing under hostile traffic for {@code ./robodog bench link --fuzz N}: the robot
 * walks on the real loop (the operator refreshes a 0.15 m/s command every 100 ms, ttl 300 ms, as
 * the tablet does) while the embedded broker, in the same process as the loop, first carries only
 * that, then also N messages of the fuzz corpus from a second client at {@code rate} per second
 * (each refused by the link or the broker and answered on {@code state/error}). Prints wake-up
 * lateness and tick duration p50/p99/max for both phases (the fuzz phase lasts until the last fuzz
 * message is refused, at most 60 s), the longest gap between the operator's commands as the link
 * received them, how long the broker took to get through the flood, and how many fuzz messages were
 * not refused (must be 0). Bench thread.
 */
final class FuzzLoadBench {
  private FuzzLoadBench() {}

  static void run(
      int n,
      double rate,
      double quietSeconds,
      EmbeddedBroker broker,
      BenchRobot robot,
      ReceiptGapMeter gaps,
      PrintWriter out)
      throws Exception {
    String uri = "tcp://127.0.0.1:" + broker.port();
    // Payloads up to 6 KB (Moquette closes a connection sending over ~8 KiB) and no NUL in topic
    // names (a protocol violation: the broker drops the connection), as in OperatorLinkFuzzTest.
    List<FuzzCorpus.Message> corpus =
        FuzzCorpus.generate(n, 6_000, 50, 7).stream()
            .filter(m -> m.topic().indexOf('\0') < 0)
            .toList();
    try (BenchOperator op = BenchOperator.holder(uri, "bench", CommandLatency.firstSeq());
        BenchOperator fuzzer = new BenchOperator(uri, "fuzzer", "bench", 0)) {
      op.send("cmd/mode", BenchOperator.fields().put("mode", "walk"), 0);
      Thread refresher = refresher(op);
      try {
        robot.awaitMode(Mode.WALKING);
        Thread.sleep(1000); // up to speed
        new Phase(robot, gaps); // discard the start
        Thread.sleep(Math.round(quietSeconds * 1000));
        Phase quiet = new Phase(robot, gaps);
        long linkRefused0 = robot.link.refused();
        long brokerRefused0 = broker.refusedPublishes();
        long delivered0 = gaps.fromFuzzer();
        long t0 = System.nanoTime();
        int reconnects = 0;
        for (int i = 0; i < corpus.size(); i++) {
          long due = t0 + Math.round(i * 1e9 / rate);
          long wait = due - System.nanoTime();
          if (wait > 0) {
            LockSupport.parkNanos(wait);
          }
          reconnects += publish(fuzzer, corpus.get(i));
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        Phase fuzz = new Phase(robot, gaps);
        // Then the broker works through what it has queued: until every message is either refused
        // by its authorizer or delivered to the link (which refuses or acts), or nothing more
        // arrives for 2 s (the rest is lost), at most 60 s.
        long end = System.nanoTime() + 60_000_000_000L;
        long seen = -1;
        long lastProgress = System.nanoTime();
        while (System.nanoTime() < end && System.nanoTime() - lastProgress < 2_000_000_000L) {
          long now = broker.refusedPublishes() - brokerRefused0 + gaps.fromFuzzer() - delivered0;
          if (now != seen) {
            seen = now;
            lastProgress = System.nanoTime();
          }
          if (now >= corpus.size()) {
            break;
          }
          Thread.sleep(10);
        }
        Thread.sleep(100); // the link refuses what was delivered last
        double drained = (lastProgress - t0) / 1e9;
        Phase backlog = new Phase(robot, gaps);
        long byBroker = broker.refusedPublishes() - brokerRefused0;
        long delivered = gaps.fromFuzzer() - delivered0;
        long byLink = robot.link.refused() - linkRefused0;
        out.printf(
            Locale.ROOT,
            "%ncontrol loop while walking, embedded broker in the same process (%.0f Hz loop):%n",
            1e9 / robot.periodNanos());
        Percentiles.header(out, "");
        quiet.print(out, "quiet");
        fuzz.print(out, "fuzz, sending");
        backlog.print(out, "fuzz, broker catching up");
        out.printf(
            Locale.ROOT,
            "fuzz: %d messages sent in %.1f s (%.0f/s asked, %.0f/s reached); the last one"
                + " handled %.1f s after the first was sent; the broker refused %d (role) and delivered %d to the link, which"
                + " refused %d: acted on %d, lost %d; fuzz client reconnected %d times%n",
            corpus.size(),
            seconds,
            rate,
            corpus.size() / seconds,
            drained,
            byBroker,
            delivered,
            byLink,
            delivered - byLink,
            corpus.size() - byBroker - delivered,
            reconnects);
      } finally {
        refresher.interrupt();
        refresher.join();
      }
    }
  }

  /** One phase's interval histograms. */
  private record Phase(
      org.HdrHistogram.Histogram lateness,
      org.HdrHistogram.Histogram duration,
      long maxCommandGapNanos,
      Mode mode) {
    Phase(BenchRobot robot, ReceiptGapMeter gaps) {
      this(
          robot.probe.takeLateness(),
          robot.probe.takeDuration(),
          gaps.takeMaxGapNanos(),
          robot.telemetry.latest().mode);
    }

    void print(PrintWriter out, String name) {
      Percentiles.row(out, name + ": wake-up lateness", lateness);
      Percentiles.row(out, name + ": tick duration", duration);
      out.printf(
          Locale.ROOT,
          "%-34s longest gap between the operator's commands reaching the link %.0f ms (sent"
              + " every 100 ms; over 500 ms the watchdog stops the robot); mode at the end %s%n",
          "",
          maxCommandGapNanos / 1e6,
          mode);
    }
  }

  /** The operator's 10 Hz velocity refresh. */
  private static Thread refresher(BenchOperator op) {
    Thread t =
        new Thread(
            () -> {
              while (!Thread.currentThread().isInterrupted()) {
                try {
                  op.send(
                      "cmd/velocity", BenchOperator.fields().put("vx", 0.15).put("ttl_ms", 300), 0);
                  Thread.sleep(100);
                } catch (InterruptedException e) {
                  return;
                } catch (MqttException e) {
                  throw new IllegalStateException("operator lost: " + e, e);
                }
              }
            },
            "bench-operator");
    t.setDaemon(true);
    t.start();
    return t;
  }

  /** Publishes one message (QoS 0), waiting when Paho's window is full; 1 if it reconnected. */
  private static int publish(BenchOperator fuzzer, FuzzCorpus.Message m) throws Exception {
    int reconnected = 0;
    while (true) {
      try {
        fuzzer.sendRaw(m.topic(), m.payload());
        return reconnected;
      } catch (MqttException e) {
        if (e.getReasonCode() == MqttException.REASON_CODE_MAX_INFLIGHT) {
          LockSupport.parkNanos(100_000);
        } else if (!fuzzer.client.isConnected() && reconnected == 0) {
          fuzzer.reconnect();
          reconnected = 1;
        } else {
          throw e;
        }
      }
    }
  }
}
