package robodog.core.jobs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import robodog.core.Clock;

/**
 * The robot's side jobs (link timers, telemetry, advisor, missions, ...): each a named job with a
 * rate, on a named thread. In real time every thread is a daemon that runs its jobs at absolute
 * deadlines on the wall clock ({@link #start}); headless, the simulation calls {@link #runDue}
 * after every control tick and the jobs run on the calling thread in lock step with simulated time
 * (WPILib's {@code addPeriodic} and {@code SimHooks.stepTiming}). The jobs never know which.
 *
 * <p>Jobs that share a thread run one after another, so they may share a single-consumer mailbox; a
 * job that can block (a database) gets a thread of its own so it never delays the link's timers. A
 * missed deadline is skipped, not replayed. An exception in a job is contained: counted against
 * that job, reported through the error sink (each job's first failure of a kind, then at most once
 * per {@link #REPORT_INTERVAL_NANOS}), and the job and every other job keep running.
 *
 * <p>Threading: {@link #add} before {@link #start} or the first {@link #runDue}, from the start-up
 * thread. {@link #runDue} from one thread (the simulation's). {@link #stats} and {@link #close}
 * from any thread.
 */
public final class PeriodicJobs implements AutoCloseable {
  /** One run of a job at {@code nowNanos} (the scheduler's clock). */
  @FunctionalInterface
  public interface Job {
    void run(long nowNanos) throws Exception;
  }

  /** Minimum time between two reports of one job's failures. */
  public static final long REPORT_INTERVAL_NANOS = 5_000_000_000L;

  private final Clock clock;
  private final Consumer<String> errors;
  private final Map<String, List<ScheduledJob>> byThread = new LinkedHashMap<>();
  private final List<ScheduledJob> all = new ArrayList<>();
  private final List<Thread> threads = new ArrayList<>();
  private volatile boolean running;
  private boolean started;

  /**
   * @param clock the time base: the wall clock in real time, the simulation's stepped clock
   *     headless
   * @param errors told one line per reported failure (any job thread)
   */
  public PeriodicJobs(Clock clock, Consumer<String> errors) {
    this.clock = clock;
    this.errors = errors;
  }

  /**
   * Adds job {@code name} at {@code rateHz} on thread {@code thread}. Its first run is due one
   * period after the jobs start (a 1 Hz decision is made after a second of samples, not at once).
   *
   * @throws IllegalArgumentException for a rate outside (0, 10000] Hz or a duplicate name
   */
  public synchronized void add(String thread, String name, double rateHz, Job job) {
    if (started) {
      throw new IllegalStateException("job " + name + ": jobs are added before they start");
    }
    if (!(rateHz > 0 && rateHz <= 10_000)) {
      throw new IllegalArgumentException(
          "job " + name + ": rate must be in (0, 10000] Hz, got " + rateHz);
    }
    for (ScheduledJob j : all) {
      if (j.name.equals(name)) {
        throw new IllegalArgumentException("job " + name + " added twice");
      }
    }
    ScheduledJob j = new ScheduledJob(name, Math.round(1e9 / rateHz), job);
    byThread.computeIfAbsent(thread, t -> new ArrayList<>()).add(j);
    all.add(j);
  }

  /** Starts one daemon thread per thread name, pacing its jobs on the clock. */
  public synchronized void start() {
    if (started) {
      throw new IllegalStateException("jobs already started");
    }
    started = true;
    running = true;
    long now = clock.nanoTime();
    for (Map.Entry<String, List<ScheduledJob>> e : byThread.entrySet()) {
      ScheduledJob[] jobs = e.getValue().toArray(new ScheduledJob[0]);
      for (ScheduledJob j : jobs) {
        j.next = now + j.periodNanos;
      }
      Thread t = new Thread(() -> runThread(jobs), e.getKey());
      t.setDaemon(true);
      threads.add(t);
      t.start();
    }
  }

  private void runThread(ScheduledJob[] jobs) {
    while (running) {
      long due = Long.MAX_VALUE;
      for (ScheduledJob j : jobs) {
        due = Math.min(due, j.next);
      }
      try {
        clock.sleepUntil(due);
      } catch (InterruptedException e) {
        return;
      }
      if (!running) {
        return;
      }
      runDue(jobs, clock.nanoTime());
    }
  }

  /**
   * Lock step: runs, on the calling thread, every job whose deadline has come at {@code nowNanos},
   * in the order they were added. Call after each control tick of a headless run.
   */
  public void runDue(long nowNanos) {
    if (!started) {
      synchronized (this) {
        started = true;
        for (ScheduledJob j : all) {
          j.next = nowNanos + j.periodNanos;
        }
      }
    }
    for (int i = 0; i < all.size(); i++) {
      all.get(i).runIfDue(nowNanos, errors);
    }
  }

  private void runDue(ScheduledJob[] jobs, long nowNanos) {
    for (ScheduledJob j : jobs) {
      j.runIfDue(nowNanos, errors);
    }
  }

  /** Each job's counts so far, in the order added (any thread). */
  public List<JobStats> stats() {
    List<JobStats> s = new ArrayList<>(all.size());
    for (ScheduledJob j : all) {
      s.add(j.stats());
    }
    return s;
  }

  /** The stats of job {@code name}, or null when there is none (any thread). */
  public JobStats stats(String name) {
    for (ScheduledJob j : all) {
      if (j.name.equals(name)) {
        return j.stats();
      }
    }
    return null;
  }

  /** Stops the threads (waiting up to 2 s each for a running job to return). */
  @Override
  public void close() {
    running = false;
    List<Thread> ts;
    synchronized (this) {
      ts = new ArrayList<>(threads);
      threads.clear();
    }
    for (Thread t : ts) {
      t.interrupt();
    }
    for (Thread t : ts) {
      try {
        t.join(2_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}
