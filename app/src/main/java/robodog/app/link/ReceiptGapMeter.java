package robodog.app.link;

import robodog.operatorlink.mqtt.EmbeddedBroker;

/**
 * Sits between the embedded broker and the operator link in {@code ./robodog bench link} and notes
 * the longest time between two {@code cmd/velocity} receipts from the operator {@code tablet}: the
 * link stamps each message when the broker hands it over, so a gap over 500 ms there is the
 * watchdog firing because the broker delivered late, whatever the operator did. It also counts what
 * the broker delivered from the client {@code fuzzer}. Broker threads call {@link #onMessage}; the
 * bench thread calls {@link #takeMaxGapNanos}.
 */
final class ReceiptGapMeter implements EmbeddedBroker.CommandSink {
  private volatile EmbeddedBroker.CommandSink next;
  private final java.util.concurrent.atomic.AtomicLong fromFuzzer =
      new java.util.concurrent.atomic.AtomicLong();
  private long last;
  private long max;

  ReceiptGapMeter(EmbeddedBroker.CommandSink next) {
    this.next = next;
  }

  /** From now on, messages go to {@code sink}. */
  void route(EmbeddedBroker.CommandSink sink) {
    next = sink;
  }

  @Override
  public void onMessage(String client, String topic, byte[] payload, long nowNanos) {
    if (client.equals("fuzzer")) {
      fromFuzzer.incrementAndGet();
    }
    if (client.equals("tablet") && topic.equals("cmd/velocity")) {
      synchronized (this) {
        if (last != 0) {
          max = Math.max(max, nowNanos - last);
        }
        last = nowNanos;
      }
    }
    next.onMessage(client, topic, payload, nowNanos);
  }

  /** Messages from the client {@code fuzzer} that the broker delivered to the link. */
  long fromFuzzer() {
    return fromFuzzer.get();
  }

  /** The longest gap since the previous call, ns; then starts over. */
  synchronized long takeMaxGapNanos() {
    long m = max;
    max = 0;
    return m;
  }
}
