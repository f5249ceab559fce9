package robodog.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import robodog.core.testing.AllocationProbe;

/**
 * The fixed-rate loop: exact tick times on a stepped clock, skip-and-count after an overrun with no
 * drift, containment of exceptions, and a clean start/stop on the wall clock.
 */
class LoopRunnerTest {
  private static final long P = 2_000_000L; // 500 Hz

  static volatile Object sink;

  /** Records each tick's (now, period); optionally burns stepped time or throws. */
  static final class Recorder implements Tickable {
    final List<long[]> ticks = new ArrayList<>();
    final List<Throwable> caught = new ArrayList<>();
    final SteppableClock clock;
    long burnOnTick = -1;
    long burnNanos;
    int throwEvery;

    Recorder(SteppableClock clock) {
      this.clock = clock;
    }

    @Override
    public void tick(long now, long period) {
      ticks.add(new long[] {now, period});
      if (ticks.size() - 1 == burnOnTick) {
        clock.advance(burnNanos);
      }
      if (throwEvery > 0 && ticks.size() % throwEvery == 0) {
        throw new IllegalStateException("injected failure " + ticks.size());
      }
    }

    @Override
    public void onTickException(Throwable cause) {
      caught.add(cause);
    }

    long now(int i) {
      return ticks.get(i)[0];
    }

    long period(int i) {
      return ticks.get(i)[1];
    }
  }

  private static void assertNoLateness(LoopStats s) {
    assertEquals(0, s.latenessP50Nanos());
    assertEquals(0, s.latenessP99Nanos());
    assertEquals(0, s.latenessP999Nanos());
    assertEquals(0, s.latenessMaxNanos());
  }

  @Test
  void ticksReceiveExactScheduledTimesAndThePeriod() throws Exception {
    SteppableClock clock = new SteppableClock();
    Recorder r = new Recorder(clock);
    LoopRunner loop = new LoopRunner(clock, P, r, "t");
    assertEquals(P, loop.periodNanos());
    loop.runTicks(1000);
    assertEquals(1000, r.ticks.size());
    for (int i = 0; i < 1000; i++) {
      assertEquals(i * P, r.now(i), "tick " + i);
      assertEquals(P, r.period(i), "tick " + i);
    }
    LoopStats s = loop.stats();
    assertEquals(1000, s.ticks());
    assertEquals(0, s.overruns());
    assertEquals(0, s.skippedPeriods());
    assertEquals(0, s.tickErrors());
    assertEquals(0, s.maxTickNanos());
    assertNoLateness(s);
  }

  @Test
  void theScheduleStartsAtTheClocksTimeAndContinuesAcrossRunTicksCalls() throws Exception {
    SteppableClock clock = new SteppableClock(1_000);
    Recorder r = new Recorder(clock);
    LoopRunner loop = new LoopRunner(clock, P, r, "t");
    loop.runTicks(3);
    loop.runTicks(2);
    for (int i = 0; i < 5; i++) {
      assertEquals(1_000 + i * P, r.now(i));
    }
    assertEquals(5, loop.stats().ticks());
  }

  @Test
  void anOverrunSkipsTheMissedPeriodsCountsThemAndKeepsThePhase() throws Exception {
    SteppableClock clock = new SteppableClock();
    Recorder r = new Recorder(clock);
    r.burnOnTick = 2;
    r.burnNanos = 5 * P / 2; // tick 2 starts at 2P and ends at 4.5P: deadlines 3P and 4P missed
    LoopRunner loop = new LoopRunner(clock, P, r, "t");
    loop.runTicks(6);
    assertEquals(2 * P, r.now(2));
    assertEquals(5 * P, r.now(3), "next tick on the next period boundary, not at 4.5P");
    assertEquals(3 * P, r.period(3), "its period covers the skipped time");
    for (int i = 4; i < 6; i++) {
      assertEquals((i + 2) * P, r.now(i), "absolute deadlines: no drift after the overrun");
      assertEquals(P, r.period(i));
    }
    LoopStats s = loop.stats();
    assertEquals(6, s.ticks());
    assertEquals(1, s.overruns());
    assertEquals(2, s.skippedPeriods());
    assertEquals(5 * P / 2, s.maxTickNanos());
    assertEquals(0, s.lastTickNanos());
    assertNoLateness(s); // the late tick is counted as an overrun, not as wake-up lateness
  }

  @Test
  void aTickEndingExactlyOnALaterDeadlineStillRunsThatDeadline() throws Exception {
    SteppableClock clock = new SteppableClock();
    Recorder r = new Recorder(clock);
    r.burnOnTick = 1;
    r.burnNanos = 2 * P; // tick 1 runs from P to 3P: only the deadline at 2P is missed
    LoopRunner loop = new LoopRunner(clock, P, r, "t");
    loop.runTicks(4);
    assertEquals(3 * P, r.now(2));
    assertEquals(2 * P, r.period(2));
    assertEquals(4 * P, r.now(3));
    LoopStats s = loop.stats();
    assertEquals(1, s.overruns());
    assertEquals(1, s.skippedPeriods());
  }

  @Test
  void aTickTakingExactlyOnePeriodIsNotAnOverrun() throws Exception {
    SteppableClock clock = new SteppableClock();
    Recorder r = new Recorder(clock);
    r.burnOnTick = 0;
    r.burnNanos = P;
    LoopRunner loop = new LoopRunner(clock, P, r, "t");
    loop.runTicks(3);
    assertEquals(P, r.now(1));
    assertEquals(2 * P, r.now(2));
    assertEquals(0, loop.stats().overruns());
    assertEquals(0, loop.stats().skippedPeriods());
    assertEquals(P, loop.stats().maxTickNanos());
  }

  @Test
  void anExceptionGoesToTheSafeStateAndTheLoopKeepsTicking() throws Exception {
    SteppableClock clock = new SteppableClock();
    Recorder r = new Recorder(clock);
    r.throwEvery = 3;
    LoopRunner loop = new LoopRunner(clock, P, r, "t");
    loop.runTicks(30);
    assertEquals(30, r.ticks.size(), "the loop kept ticking");
    assertEquals(10, r.caught.size(), "onTickException once per failed tick");
    assertEquals("injected failure 3", r.caught.get(0).getMessage());
    assertEquals("injected failure 30", r.caught.get(9).getMessage());
    for (int i = 0; i < 30; i++) {
      assertEquals(i * P, r.now(i), "failures do not shift the schedule");
    }
    assertEquals(10, loop.stats().tickErrors());
    assertEquals(30, loop.stats().ticks());
  }

  @Test
  void aSafeStateHandlerThatThrowsAndAnErrorDoNotStopTheLoop() throws Exception {
    SteppableClock clock = new SteppableClock();
    long[] ticks = {0};
    List<Throwable> seen = new ArrayList<>();
    StackOverflowError error = new StackOverflowError("deep");
    LoopRunner loop =
        new LoopRunner(
            clock,
            P,
            new Tickable() {
              @Override
              public void tick(long now, long period) {
                if (++ticks[0] % 2 == 0) {
                  throw error;
                }
              }

              @Override
              public void onTickException(Throwable cause) {
                seen.add(cause);
                throw new IllegalStateException("handler bug");
              }
            },
            "t");
    loop.runTicks(10);
    assertEquals(10, ticks[0]);
    assertEquals(5, seen.size());
    assertSame(error, seen.get(0));
    assertEquals(5, loop.stats().tickErrors());
  }

  @Test
  void lateWakeUpsAreMeasuredWithoutShiftingTheSchedule() throws Exception {
    long late = 30_000;
    // A clock whose sleep overshoots every deadline by 30 µs, like a parked thread on a busy box.
    Clock lateClock =
        new Clock() {
          long now;

          @Override
          public long nanoTime() {
            return now;
          }

          @Override
          public void sleepUntil(long deadline) {
            if (deadline > now) {
              now = deadline + late;
            }
          }
        };
    List<Long> times = new ArrayList<>();
    LoopRunner loop =
        new LoopRunner(
            lateClock,
            P,
            new Tickable() {
              @Override
              public void tick(long now, long period) {
                times.add(now);
              }

              @Override
              public void onTickException(Throwable cause) {}
            },
            "t");
    loop.runTicks(100);
    for (int i = 0; i < 100; i++) {
      assertEquals(i * P, (long) times.get(i), "ticks get the scheduled time, not the wake time");
    }
    LoopStats s = loop.stats();
    // The first tick wakes on time (its deadline is "now"); the other 99 are 30 µs late.
    assertEquals(late, s.latenessP50Nanos(), late / 500.0);
    assertEquals(late, s.latenessP99Nanos(), late / 500.0);
    assertEquals(late, s.latenessMaxNanos(), late / 500.0);
    assertEquals(0, s.overruns());
    // stats() folds intervals together: a second call still covers the whole run.
    assertEquals(late, loop.stats().latenessP99Nanos(), late / 500.0);
  }

  @Test
  void aNonPositivePeriodIsRefused() {
    String m =
        assertThrows(
                IllegalArgumentException.class,
                () -> new LoopRunner(new SteppableClock(), 0, null, "x"))
            .getMessage();
    assertTrue(m.contains("> 0"), m);
    assertThrows(
        IllegalArgumentException.class, () -> new LoopRunner(new SteppableClock(), -5, null, "x"));
  }

  @Test
  void theSetUpRunsOnTheLoopThreadBeforeTheFirstTickAndItsFailureDoesNotStopTheLoop()
      throws Exception {
    List<String> order = java.util.Collections.synchronizedList(new ArrayList<>());
    AtomicLong n = new AtomicLong();
    LoopRunner loop =
        new LoopRunner(
            new SystemClock(),
            1_000_000L,
            new Tickable() {
              @Override
              public void tick(long now, long period) {
                if (n.getAndIncrement() == 0) {
                  order.add("tick on " + Thread.currentThread().getName());
                }
              }

              @Override
              public void onTickException(Throwable cause) {}
            },
            "setup-loop-test");
    loop.start(
        Thread.NORM_PRIORITY,
        () -> {
          order.add("set-up on " + Thread.currentThread().getName());
          throw new IllegalStateException("injected set-up failure");
        });
    // start returned, so the set-up has run; no tick can have come before it.
    assertEquals("set-up on setup-loop-test", order.get(0));
    Thread.sleep(100);
    loop.stop();
    assertEquals(List.of("set-up on setup-loop-test", "tick on setup-loop-test"), order);
    assertTrue(n.get() > 0, "the loop ticked after a failed set-up");
  }

  @Test
  void onTheWallClockItRunsAndStopsCleanly() throws Exception {
    AtomicLong n = new AtomicLong();
    LoopRunner loop =
        new LoopRunner(
            new SystemClock(),
            1_000_000L, // 1 kHz
            new Tickable() {
              @Override
              public void tick(long now, long period) {
                n.incrementAndGet();
              }

              @Override
              public void onTickException(Throwable cause) {}
            },
            "wall-loop-test");
    loop.start(Thread.NORM_PRIORITY);
    assertTrue(loop.isRunning());
    assertThrows(IllegalStateException.class, () -> loop.start(Thread.NORM_PRIORITY));
    Thread.sleep(200);
    loop.stop();
    assertFalse(loop.isRunning());
    long after = n.get();
    // 200 expected; a busy shared machine may deliver far fewer, but not almost none.
    assertTrue(after > 50, "only " + after + " ticks in 200 ms at 1 kHz");
    assertEquals(after, loop.stats().ticks());
    Thread.sleep(20);
    assertEquals(after, n.get(), "no ticks after stop()");
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      assertFalse("wall-loop-test".equals(t.getName()) && t.isAlive(), "loop thread still alive");
    }
  }

  @Test
  void theWallClockNeverWakesEarly() throws Exception {
    for (long spin : new long[] {0, 50_000, 1_000_000}) {
      SystemClock c = new SystemClock(spin);
      for (int i = 0; i < 40; i++) {
        long deadline = c.nanoTime() + 10_000 * (i % 10) + 1_000;
        c.sleepUntil(deadline);
        long woke = System.nanoTime();
        assertTrue(woke >= deadline, "woke " + (deadline - woke) + " ns early (spin " + spin + ")");
      }
      long past = c.nanoTime() - 1_000_000;
      c.sleepUntil(past); // returns at once
      assertTrue(System.nanoTime() >= past);
    }
    assertThrows(IllegalArgumentException.class, () -> new SystemClock(-1));
  }

  @Test
  void anInterruptedSleepThrowsSoStopCanEndTheLoop() {
    SystemClock c = new SystemClock(0);
    Thread.currentThread().interrupt();
    try {
      assertThrows(
          InterruptedException.class, () -> c.sleepUntil(System.nanoTime() + 10_000_000_000L));
    } finally {
      Thread.interrupted(); // never leak the flag into other tests
    }
  }

  @Test
  @Tag("alloc")
  void steppedTicksAllocateNothingAndTheProbeSeesAnAllocatingTick() throws Exception {
    SteppableClock clock = new SteppableClock();
    long[] work = {0};
    LoopRunner quiet =
        new LoopRunner(
            clock,
            P,
            new Tickable() {
              @Override
              public void tick(long now, long period) {
                work[0] += period;
              }

              @Override
              public void onTickException(Throwable cause) {}
            },
            "quiet");
    Runnable quietTick = () -> runOne(quiet);
    long quietBytes = AllocationProbe.bytesAllocatedBy(quietTick, 100_000);
    assertEquals(0, quietBytes, "runTicks allocated " + quietBytes + " bytes over 100,000 ticks");
    assertTrue(work[0] > 0);

    LoopRunner allocating =
        new LoopRunner(
            new SteppableClock(),
            P,
            new Tickable() {
              @Override
              public void tick(long now, long period) {
                sink = new double[4]; // escapes through a volatile field: the JIT cannot remove it
              }

              @Override
              public void onTickException(Throwable cause) {}
            },
            "allocating");
    long allocatingBytes = AllocationProbe.bytesAllocatedBy(() -> runOne(allocating), 100_000);
    assertTrue(
        allocatingBytes >= 100_000L * 16,
        "the probe missed a deliberate allocation: " + allocatingBytes);
  }

  private static void runOne(LoopRunner loop) {
    try {
      loop.runTicks(1);
    } catch (InterruptedException e) {
      throw new AssertionError(e);
    }
  }
}
