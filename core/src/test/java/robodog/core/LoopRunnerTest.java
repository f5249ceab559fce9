package robodog.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LoopRunnerTest {
  private static final long P = 2_000_000L;

  /** Records each tick; optionally burns stepped time or throws. */
  static final class Recorder implements Tickable {
    final List<long[]> ticks = new ArrayList<>();
    final SteppableClock clock;
    long burnOnTick = -1;
    long burnNanos;
    int throwEvery;
    int exceptions;

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
        throw new IllegalStateException("injected failure");
      }
    }

    @Override
    public void onTickException(Throwable cause) {
      exceptions++;
    }
  }

  @Test
  void ticksLandOnAbsoluteDeadlines() throws Exception {
    SteppableClock clock = new SteppableClock(1_000);
    Recorder r = new Recorder(clock);
    LoopRunner loop = new LoopRunner(clock, P, r, "t");
    loop.runTicks(5);
    for (int i = 0; i < 5; i++) {
      assertEquals(1_000 + i * P, r.ticks.get(i)[0]);
      assertEquals(P, r.ticks.get(i)[1]);
    }
    assertEquals(5, loop.stats().ticks());
    assertEquals(0, loop.stats().latenessP999Nanos());
  }

  @Test
  void anOverrunSkipsTheMissedPeriodsCountsThemAndKeepsThePhase() throws Exception {
    SteppableClock clock = new SteppableClock();
    Recorder r = new Recorder(clock);
    r.burnOnTick = 2;
    r.burnNanos = 5 * P / 2; // tick 2 (at 2P) ends at 4.5P: deadlines 3P and 4P are missed
    LoopRunner loop = new LoopRunner(clock, P, r, "t");
    loop.runTicks(5);
    assertEquals(2 * P, r.ticks.get(2)[0]);
    assertEquals(5 * P, r.ticks.get(3)[0], "next tick on the next period boundary, no drift");
    assertEquals(3 * P, r.ticks.get(3)[1], "its period covers the skipped time");
    assertEquals(6 * P, r.ticks.get(4)[0]);
    LoopStats s = loop.stats();
    assertEquals(1, s.overruns());
    assertEquals(2, s.skippedPeriods());
    assertEquals(5 * P / 2, s.maxTickNanos());
  }

  @Test
  void anExceptionGoesToTheSafeStateAndTheLoopKeepsTicking() throws Exception {
    SteppableClock clock = new SteppableClock();
    Recorder r = new Recorder(clock);
    r.throwEvery = 3;
    LoopRunner loop = new LoopRunner(clock, P, r, "t");
    loop.runTicks(30);
    assertEquals(30, r.ticks.size());
    assertEquals(10, r.exceptions);
    assertEquals(10, loop.stats().tickErrors());
  }

  @Test
  void onTheWallClockItRunsAndStopsCleanly() throws Exception {
    int[] n = {0};
    LoopRunner loop =
        new LoopRunner(
            new SystemClock(),
            1_000_000L,
            new Tickable() {
              @Override
              public void tick(long now, long period) {
                n[0]++;
              }

              @Override
              public void onTickException(Throwable cause) {}
            },
            "wall");
    loop.start(Thread.NORM_PRIORITY);
    Thread.sleep(200);
    loop.stop();
    int after = n[0];
    assertTrue(after > 50, "only " + after + " ticks in 200 ms at 1 kHz");
    Thread.sleep(20);
    assertEquals(after, n[0], "no ticks after stop()");
    assertTrue(loop.stats().latenessP50Nanos() >= 0);
  }

  @Test
  void theWallClockNeverWakesEarly() throws Exception {
    SystemClock c = new SystemClock();
    for (int i = 0; i < 50; i++) {
      long deadline = System.nanoTime() + 300_000;
      c.sleepUntil(deadline);
      assertTrue(System.nanoTime() >= deadline);
    }
  }

  @Test
  void aBadPeriodIsRefused() {
    org.junit.jupiter.api.Assertions.assertThrows(
        IllegalArgumentException.class, () -> new LoopRunner(new SteppableClock(), 0, null, "x"));
  }
}
