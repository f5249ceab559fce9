package robodog.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import robodog.core.testing.AllocationProbe;

class MailboxTest {
  static volatile Pair sink;

  /** A value whose fields must always agree: a torn read would show two different numbers. */
  static final class Pair {
    long a;
    long b;
  }

  private static Mailbox<Pair> box() {
    return new Mailbox<>(
        Pair::new,
        (f, t) -> {
          t.a = f.a;
          t.b = f.b;
        });
  }

  private static Pair pair(long v) {
    Pair p = new Pair();
    p.a = v;
    p.b = v;
    return p;
  }

  @Test
  void latestValueWinsAndOldOnesAreNotQueued() {
    Mailbox<Pair> m = box();
    assertNull(m.poll());
    assertNull(m.latest());
    m.offer(pair(1));
    m.offer(pair(2));
    m.offer(pair(3));
    assertEquals(3, m.poll().a);
    assertNull(m.poll(), "a value is delivered once");
    assertEquals(3, m.latest().a, "latest() keeps the last value");
    m.offer(pair(4));
    assertEquals(4, m.latest().a);
  }

  @Test
  void aReaderNeverSeesATornOrOlderValueUnderConcurrentWriters() throws Exception {
    Mailbox<Pair> m = box();
    AtomicBoolean stop = new AtomicBoolean();
    AtomicReference<String> failure = new AtomicReference<>();
    Thread reader =
        new Thread(
            () -> {
              long last = -1;
              while (!stop.get()) {
                Pair p = m.poll();
                if (p == null) {
                  continue;
                }
                if (p.a != p.b) {
                  failure.compareAndSet(null, "torn value " + p.a + "/" + p.b);
                }
                if (p.a % 2 == 0 && p.a < last && last % 2 == 0) {
                  failure.compareAndSet(null, "went backwards " + last + " -> " + p.a);
                }
                last = p.a;
              }
            });
    reader.start();
    // Writer 1 publishes even numbers in order; writer 2 odd numbers.
    Thread w2 =
        new Thread(
            () -> {
              Pair p = new Pair();
              for (long i = 1; i < 400_000; i += 2) {
                p.a = i;
                p.b = i;
                m.offer(p);
              }
            });
    w2.start();
    Pair p = new Pair();
    for (long i = 0; i < 400_000; i += 2) {
      p.a = i;
      p.b = i;
      m.offer(p);
    }
    w2.join();
    stop.set(true);
    reader.join();
    assertNull(failure.get(), failure.get());
  }

  @Test
  @Tag("alloc")
  void offerAndPollAllocateNothing() {
    Mailbox<Pair> m = box();
    Pair p = pair(7);
    Runnable round =
        () -> {
          p.a++;
          p.b++;
          m.offer(p);
          m.poll();
        };
    assertEquals(0, AllocationProbe.bytesAllocatedBy(round, 200_000));
    assertTrue(
        AllocationProbe.bytesAllocatedBy(
                () -> {
                  sink = pair(1); // escapes: the JIT cannot scalar-replace it
                  m.offer(sink);
                },
                10_000)
            > 10_000 * 16,
        "the probe must see a deliberate allocation");
    assertFalse(m.poll() == null);
  }
}
