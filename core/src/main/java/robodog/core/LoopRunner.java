package robodog.core;

import java.lang.System.Logger.Level;
import java.util.concurrent.CountDownLatch;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Runs a {@link Tickable} at a fixed rate with absolute deadlines ({@code next += period}), the way
 * ros2_control's node and WPILib's notifier do. Never {@code scheduleAtFixedRate}: that bunches
 * late runs together and dies silently on an exception.
 *
 * <ul>
 *   <li>After an overrun the missed periods are skipped, not replayed, counted, and warned about at
 *       most once per {@link #WARN_INTERVAL_NANOS}.
 *   <li>An exception in a tick calls {@link Tickable#onTickException} and the loop keeps ticking;
 *       each new kind of exception is logged once ("robots shouldn't quit").
 *   <li>Wake-up lateness goes into an HdrHistogram {@link Recorder}: recording is wait-free and
 *       allocation-free, and another thread reads it through {@link #stats()}.
 * </ul>
 *
 * <p>Threading: {@link #start}/{@link #stop}/{@link #stats} from any thread; {@link #runTicks} runs
 * ticks on the calling thread (for stepped clocks) and must not overlap a started loop.
 */
public final class LoopRunner {
  /** Minimum time between overrun warnings. */
  public static final long WARN_INTERVAL_NANOS = 5_000_000_000L;

  private static final System.Logger LOG = System.getLogger(LoopRunner.class.getName());
  private static final long MAX_TRACKED_NANOS = 60_000_000_000L;

  private final Clock clock;
  private final long periodNanos;
  private final Tickable task;
  private final String name;
  private final Recorder latency = new Recorder(MAX_TRACKED_NANOS, 3);
  private final Histogram latenessTotal = new Histogram(MAX_TRACKED_NANOS, 3);

  private volatile boolean running;
  private volatile long ticks;
  private volatile long overruns;
  private volatile long skippedPeriods;
  private volatile long tickErrors;
  private volatile long lastTickNanos;
  private volatile long maxTickNanos;
  private long nextDeadline;
  private long previousDeadline;
  private boolean primed;
  private long lastWarnNanos = Long.MIN_VALUE / 2;
  private Class<?> lastLoggedError;
  private Thread thread;

  /**
   * @param clock time source; a {@link SteppableClock} makes the loop run as fast as possible
   * @param periodNanos tick period, nanoseconds, &gt; 0
   * @param task the work; its exceptions are contained
   * @param name thread name, also used in log messages
   */
  public LoopRunner(Clock clock, long periodNanos, Tickable task, String name) {
    if (periodNanos <= 0) {
      throw new IllegalArgumentException("loop period must be > 0 ns, got " + periodNanos);
    }
    this.clock = clock;
    this.periodNanos = periodNanos;
    this.task = task;
    this.name = name;
  }

  /** Tick period in nanoseconds. */
  public long periodNanos() {
    return periodNanos;
  }

  /**
   * Starts the loop on a new thread with the given Java priority (which Linux ignores for normal
   * threads; real-time scheduling comes from {@link #start(int, Runnable)}).
   */
  public synchronized void start(int threadPriority) {
    start(threadPriority, null);
  }

  /**
   * Starts the loop on a new thread and runs {@code beforeFirstTick} on that thread before its
   * first tick, e.g. a {@code robodog.core.rt.RealtimeSetup}: scheduling policy, timer slack and
   * affinity are per thread on Linux, so only code running on the loop thread can set them for it
   * without touching the JVM's other threads. Returns once {@code beforeFirstTick} has returned, so
   * the caller can read what it did; if it throws, that is logged and the loop runs on. The first
   * deadline is taken after it, so its duration is not counted as lateness.
   *
   * @param threadPriority Java thread priority
   * @param beforeFirstTick run once on the loop thread, or null for nothing
   */
  public synchronized void start(int threadPriority, Runnable beforeFirstTick) {
    if (thread != null) {
      throw new IllegalStateException(name + " already started");
    }
    running = true;
    CountDownLatch setUp = new CountDownLatch(1);
    thread =
        new Thread(
            () -> {
              try {
                if (beforeFirstTick != null) {
                  beforeFirstTick.run();
                }
              } catch (Throwable t) { // NOPMD: a failed set-up must not stop the robot
                LOG.log(Level.ERROR, name + ": set-up before the first tick failed; loop runs", t);
              } finally {
                setUp.countDown();
              }
              runUntilStopped();
            },
            name);
    thread.setPriority(threadPriority);
    thread.setDaemon(true);
    thread.start();
    boolean interrupted = false;
    while (true) {
      try {
        setUp.await();
        break;
      } catch (InterruptedException e) {
        // Keep waiting: returning early would let the caller read a half-done set-up.
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  /** Stops the loop and waits for the current tick to finish. */
  public synchronized void stop() throws InterruptedException {
    running = false;
    if (thread != null) {
      thread.interrupt();
      thread.join(5_000);
      thread = null;
    }
  }

  /** True while the loop thread runs. */
  public boolean isRunning() {
    return running;
  }

  private void runUntilStopped() {
    while (running) {
      try {
        runOneTick();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  /** Runs {@code n} ticks on the calling thread, sleeping on the clock between them. */
  public void runTicks(long n) throws InterruptedException {
    for (long i = 0; i < n; i++) {
      runOneTick();
    }
  }

  private void runOneTick() throws InterruptedException {
    if (!primed) {
      nextDeadline = clock.nanoTime();
      previousDeadline = nextDeadline - periodNanos;
      primed = true;
    }
    clock.sleepUntil(nextDeadline);
    long wake = clock.nanoTime();
    latency.recordValue(Math.min(MAX_TRACKED_NANOS, Math.max(0, wake - nextDeadline)));
    try {
      task.tick(nextDeadline, nextDeadline - previousDeadline);
    } catch (Throwable t) { // NOPMD: a robot must not quit on a bug in one tick
      tickErrors++;
      safeOnException(t);
    }
    long end = clock.nanoTime();
    long duration = end - wake;
    lastTickNanos = duration;
    if (duration > maxTickNanos) {
      maxTickNanos = duration;
    }
    ticks++;
    previousDeadline = nextDeadline;
    nextDeadline += periodNanos;
    if (end > nextDeadline) {
      // Skip to the first deadline at or after the end of this tick: a tick that ends exactly on
      // a deadline can still run it (ceil, not floor + 1, which would drop that period too).
      long missed = (end - nextDeadline + periodNanos - 1) / periodNanos;
      nextDeadline += missed * periodNanos;
      overruns++;
      skippedPeriods += missed;
      if (end - lastWarnNanos >= WARN_INTERVAL_NANOS) {
        lastWarnNanos = end;
        LOG.log(
            Level.WARNING,
            "{0}: tick overran its period ({1} overruns, {2} periods skipped so far)",
            name,
            overruns,
            skippedPeriods);
      }
    }
  }

  private void safeOnException(Throwable t) {
    if (t.getClass() != lastLoggedError) {
      lastLoggedError = t.getClass();
      LOG.log(Level.ERROR, name + ": tick failed, controller moved to its safe state", t);
    }
    try {
      task.onTickException(t);
    } catch (Throwable nested) {
      // Nothing more can be done from here; the next tick tries again.
    }
  }

  /** A snapshot of the counters and lateness percentiles. Allocates; not for the loop thread. */
  public synchronized LoopStats stats() {
    latenessTotal.add(latency.getIntervalHistogram());
    return new LoopStats(
        ticks,
        overruns,
        skippedPeriods,
        tickErrors,
        lastTickNanos,
        maxTickNanos,
        latenessTotal.getValueAtPercentile(50),
        latenessTotal.getValueAtPercentile(99),
        latenessTotal.getValueAtPercentile(99.9),
        latenessTotal.getMaxValue());
  }
}
