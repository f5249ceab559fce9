package robodog.core.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import robodog.core.SteppableClock;
import robodog.core.SystemClock;

class PeriodicJobsTest {
  @Test
  void lockStepRunsEachJobAtItsRateOfSimulatedTime() {
    SteppableClock clock = new SteppableClock();
    PeriodicJobs jobs = new PeriodicJobs(clock, e -> {});
    AtomicLong fast = new AtomicLong();
    AtomicLong slow = new AtomicLong();
    List<Long> slowTimes = new CopyOnWriteArrayList<>();
    jobs.add("link", "watchdog", 500, now -> fast.incrementAndGet());
    jobs.add(
        "link",
        "telemetry",
        10,
        now -> {
          slow.incrementAndGet();
          slowTimes.add(now);
        });
    jobs.runDue(0); // the start: nothing is due yet
    for (int tick = 0; tick < 5_000; tick++) { // 10 s of a 500 Hz loop
      clock.advance(2_000_000);
      jobs.runDue(clock.nanoTime());
    }
    assertEquals(5_000, fast.get());
    assertEquals(100, slow.get());
    for (int i = 1; i < slowTimes.size(); i++) {
      assertEquals(100_000_000L, slowTimes.get(i) - slowTimes.get(i - 1), "10 Hz spacing");
    }
  }

  @Test
  void aFailingJobIsCountedReportedThrottledAndKeepsRunningBesideTheOthers() {
    SteppableClock clock = new SteppableClock();
    List<String> reports = new CopyOnWriteArrayList<>();
    PeriodicJobs jobs = new PeriodicJobs(clock, reports::add);
    AtomicLong telemetry = new AtomicLong();
    AtomicLong missionCalls = new AtomicLong();
    jobs.add(
        "link",
        "missions",
        20,
        now -> {
          missionCalls.incrementAndGet();
          throw new IllegalStateException("database is locked");
        });
    jobs.add("link", "telemetry", 10, now -> telemetry.incrementAndGet());
    jobs.runDue(0);
    for (int tick = 0; tick < 6_000; tick++) { // 12 s
      clock.advance(2_000_000);
      jobs.runDue(clock.nanoTime());
    }
    assertEquals(120, telemetry.get(), "telemetry never stopped");
    assertEquals(240, missionCalls.get(), "the failing job kept being called");
    JobStats s = jobs.stats("missions");
    assertEquals(240, s.failures());
    assertTrue(s.lastFailure().contains("database is locked"), s.lastFailure());
    assertEquals(0, jobs.stats("telemetry").failures());
    // Reported at 0.05 s, 5.05 s and 10.05 s: three lines in 12 s, not 240.
    assertEquals(3, reports.size(), reports.toString());
    assertTrue(reports.get(0).startsWith("job missions failed"), reports.get(0));
    assertTrue(reports.get(1).contains("more failures since the last"), reports.get(1));
  }

  @Test
  void aLateJobSkipsMissedDeadlinesInsteadOfReplayingThem() {
    SteppableClock clock = new SteppableClock();
    PeriodicJobs jobs = new PeriodicJobs(clock, e -> {});
    AtomicLong runs = new AtomicLong();
    jobs.add("t", "j", 100, now -> runs.incrementAndGet());
    jobs.runDue(0); // the start: first run due at 10 ms
    clock.advance(10_000_000L);
    jobs.runDue(clock.nanoTime());
    clock.advance(1_000_000_000L); // a 1 s stall
    jobs.runDue(clock.nanoTime());
    jobs.runDue(clock.nanoTime());
    assertEquals(2, runs.get(), "one run after the stall, not a burst of 100");
    assertEquals(99, jobs.stats("j").skipped());
  }

  @Test
  void inRealTimeABlockedThreadDoesNotStopJobsOnAnotherThread() throws Exception {
    PeriodicJobs jobs = new PeriodicJobs(new SystemClock(0), e -> {});
    CountDownLatch release = new CountDownLatch(1);
    AtomicLong link = new AtomicLong();
    jobs.add("missions", "missions", 20, now -> release.await());
    jobs.add("link", "watchdog", 200, now -> link.incrementAndGet());
    jobs.start();
    try {
      Thread.sleep(500);
      // A 200 Hz job on a 2-core VM: at least a few dozen runs in 0.5 s while the other blocks.
      assertTrue(link.get() >= 20, "link job ran " + link.get() + " times");
      assertEquals(0, jobs.stats("missions").runs(), "the blocked job is still in its first run");
    } finally {
      release.countDown();
      jobs.close();
    }
  }

  @Test
  void badRatesAndDuplicateNamesAreRefusedWithTheirName() {
    PeriodicJobs jobs = new PeriodicJobs(new SteppableClock(), e -> {});
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> jobs.add("t", "x", 0, now -> {}));
    assertTrue(e.getMessage().contains("job x: rate must be in (0, 10000] Hz"), e.getMessage());
    jobs.add("t", "y", 1, now -> {});
    e = assertThrows(IllegalArgumentException.class, () -> jobs.add("u", "y", 1, now -> {}));
    assertTrue(e.getMessage().contains("job y added twice"), e.getMessage());
  }
}
