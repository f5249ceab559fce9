package robodog.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import robodog.core.testing.AllocationProbe;

/**
 * The latest-value mailbox between threads: what the control tick sees of operator commands and
 * what operators see of telemetry. A torn value (half old, half new) would be a command nobody
 * sent.
 */
class MailboxTest {
  private static final long OFFERS = 1_000_000;

  /** The writers keep going until the reader has seen this many values, so the threads overlap. */
  private static final long MIN_VALUES_SEEN = 1_000;

  private static final long JOIN_MILLIS = 120_000;

  static volatile Object sink;

  /** A value whose fields all hold the same sequence number; a torn read shows disagreement. */
  static final class Seq {
    long a;
    final long[] middle = new long[16];
    long z;

    void set(long v) {
      a = v;
      java.util.Arrays.fill(middle, v);
      z = v;
    }

    /** Null if consistent, else a description of the disagreement. */
    String tear() {
      for (long m : middle) {
        if (m != a) {
          return "torn value: a=" + a + " middle=" + m + " z=" + z;
        }
      }
      return z == a ? null : "torn value: a=" + a + " z=" + z;
    }
  }

  private static Mailbox<Seq> box() {
    return new Mailbox<>(
        Seq::new,
        (f, t) -> {
          t.a = f.a;
          System.arraycopy(f.middle, 0, t.middle, 0, f.middle.length);
          t.z = f.z;
        });
  }

  private static Seq seq(long v) {
    Seq s = new Seq();
    s.set(v);
    return s;
  }

  @Test
  void pollIsNullBeforeAnyOffer() {
    Mailbox<Seq> m = box();
    assertNull(m.poll());
    assertNull(m.latest());
    assertNull(m.poll(), "latest() on an empty mailbox must not invent a value");
  }

  @Test
  void theLatestValueWinsAndIsDeliveredOnce() {
    Mailbox<Seq> m = box();
    m.offer(seq(1));
    m.offer(seq(2));
    m.offer(seq(3));
    Seq got = m.poll();
    assertNotNull(got);
    assertEquals(3, got.a);
    assertNull(got.tear());
    assertNull(m.poll(), "old values are not queued and a value is delivered once");
  }

  @Test
  void latestKeepsReturningTheLastValue() {
    Mailbox<Seq> m = box();
    m.offer(seq(5));
    assertEquals(5, m.latest().a);
    assertEquals(5, m.latest().a);
    assertNull(m.poll(), "latest() consumed the fresh value");
    assertEquals(5, m.latest().a, "but keeps returning it");
    m.offer(seq(6));
    assertEquals(6, m.latest().a);
    assertEquals(6, m.latest().a);
  }

  @Test
  void offerCopiesSoTheSenderMayReuseItsObject() {
    Mailbox<Seq> m = box();
    Seq mine = seq(1);
    m.offer(mine);
    mine.set(99);
    Seq got = m.poll();
    assertEquals(1, got.a, "changing the sender's object after offer must not change the value");
    assertFalse(got == mine);
    assertSame(got, m.latest(), "the consumer's object stays the same until the next fresh value");
  }

  /** Polls until the writers are done and drained, checking every value it gets. */
  private static final class Reader extends Thread {
    final Mailbox<Seq> box;
    final AtomicInteger writersDone;
    final int writers;
    final AtomicLong seen = new AtomicLong();
    final AtomicReference<String> failure = new AtomicReference<>();

    /** Last sequence number seen per writer (sequence modulo writers). */
    final long[] last;

    long lastPolled = -1;

    Reader(Mailbox<Seq> box, AtomicInteger writersDone, int writers) {
      super("mailbox-reader");
      this.box = box;
      this.writersDone = writersDone;
      this.writers = writers;
      this.last = new long[writers];
      java.util.Arrays.fill(last, -1);
    }

    @Override
    public void run() {
      while (failure.get() == null) {
        // Read "done" before polling: a null poll after that means nothing more can come.
        boolean finished = writersDone.get() == writers;
        Seq p = box.poll();
        if (p == null) {
          if (finished) {
            return;
          }
          continue;
        }
        checkOrder(p);
        // The value is ours until the next poll: writers must not touch it meanwhile.
        for (int i = 0; i < 20; i++) {
          Thread.onSpinWait();
        }
        checkTear(p);
        seen.incrementAndGet();
      }
    }

    private void checkTear(Seq p) {
      String tear = p.tear();
      if (tear != null) {
        failure.compareAndSet(null, tear);
      }
    }

    private void checkOrder(Seq p) {
      checkTear(p);
      int w = (int) (p.a % writers);
      if (p.a <= last[w]) {
        failure.compareAndSet(null, "went backwards: " + last[w] + " then " + p.a);
      }
      last[w] = p.a;
      lastPolled = p.a;
    }
  }

  /** Writer {@code id} of {@code n} publishes id, id + n, id + 2n, ... */
  private static Thread writer(
      Mailbox<Seq> m, Reader reader, int id, int n, AtomicInteger done, long[] finals) {
    return new Thread(
        () -> {
          Seq mine = new Seq();
          for (long i = 0; i < OFFERS || reader.seen.get() < MIN_VALUES_SEEN; i++) {
            if (reader.failure.get() != null) {
              break;
            }
            mine.set(id + i * n);
            m.offer(mine);
            finals[id] = mine.a;
          }
          done.incrementAndGet();
        },
        "mailbox-writer-" + id);
  }

  private static void runStress(int writers) throws InterruptedException {
    Mailbox<Seq> m = box();
    AtomicInteger done = new AtomicInteger();
    Reader reader = new Reader(m, done, writers);
    Thread[] ws = new Thread[writers];
    long[] finals = new long[writers];
    for (int i = 0; i < writers; i++) {
      ws[i] = writer(m, reader, i, writers, done, finals);
    }
    reader.start();
    for (Thread w : ws) {
      w.start();
    }
    for (Thread w : ws) {
      w.join(JOIN_MILLIS);
    }
    reader.join(JOIN_MILLIS);
    assertFalse(reader.isAlive(), "reader did not finish");
    assertNull(reader.failure.get(), reader.failure.get());
    assertTrue(reader.seen.get() >= MIN_VALUES_SEEN, "reader saw " + reader.seen.get());
    boolean lastDelivered = false;
    for (int i = 0; i < writers; i++) {
      assertTrue(finals[i] >= (OFFERS - 1) * writers, "writer " + i + " stopped early");
      lastDelivered |= reader.lastPolled == finals[i];
    }
    assertTrue(
        lastDelivered, "the reader's last value " + reader.lastPolled + " is not a final one");
  }

  @Test
  void aReaderNeverSeesATornValueOrAnOlderOneThanBefore() throws Exception {
    runStress(1);
  }

  @Test
  void twoConcurrentWritersNeverProduceATornValue() throws Exception {
    runStress(2);
  }

  @Test
  @Tag("alloc")
  void offerAndPollAllocateNothing() {
    Mailbox<Seq> m = box();
    Seq s = seq(7);
    Runnable round =
        () -> {
          s.a++;
          s.z++;
          m.offer(s);
          m.poll();
        };
    assertEquals(0, AllocationProbe.bytesAllocatedBy(round, 200_000));
    long deliberate =
        AllocationProbe.bytesAllocatedBy(
            () -> {
              sink = new double[4]; // escapes through a volatile field: the JIT cannot remove it
              m.offer(s);
              m.poll();
            },
            100_000);
    assertTrue(
        deliberate >= 100_000L * 16, "the probe missed deliberate allocations: " + deliberate);
  }
}
