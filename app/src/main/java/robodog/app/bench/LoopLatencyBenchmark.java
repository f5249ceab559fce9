package robodog.app.bench;

import java.io.PrintStream;
import java.util.Locale;
import robodog.core.LoopRunner;
import robodog.core.LoopStats;
import robodog.core.SystemClock;
import robodog.core.Tickable;

/**
 * Runs a {@link LoopRunner} on the wall clock at a fixed rate and reports wake-up lateness
 * percentiles (HdrHistogram), overruns and tick times: the figures that say whether this machine
 * and JVM can hold the control rate. Not a test: a busy machine gives worse numbers, not a failure.
 */
public final class LoopLatencyBenchmark {
  private LoopLatencyBenchmark() {}

  /**
   * @param rateHz loop rate
   * @param durationSeconds how long to run
   * @param spinNanos busy-wait before each deadline (see {@link SystemClock})
   * @param workload the tick (the real controller in {@code ./robodog bench loop})
   * @param progress one line per second goes here
   */
  public static LoopStats run(
      double rateHz,
      double durationSeconds,
      long spinNanos,
      Tickable workload,
      PrintStream progress) {
    long period = Math.round(1e9 / rateHz);
    LoopRunner loop = new LoopRunner(new SystemClock(spinNanos), period, workload, "control-loop");
    loop.start(Thread.MAX_PRIORITY);
    long start = System.nanoTime();
    long end = start + Math.round(durationSeconds * 1e9);
    try {
      while (System.nanoTime() < end) {
        Thread.sleep(Math.min(1000, Math.max(1, (end - System.nanoTime()) / 1_000_000)));
        LoopStats s = loop.stats();
        progress.printf(
            Locale.ROOT,
            "\r%5.1f / %.0f s  ticks %d  overruns %d  p99 lateness %.1f µs   ",
            (System.nanoTime() - start) / 1e9,
            durationSeconds,
            s.ticks(),
            s.overruns(),
            s.latenessP99Nanos() / 1e3);
      }
      loop.stop();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    progress.println();
    return loop.stats();
  }

  /** A human table of the result. */
  public static String format(LoopStats s, double rateHz, double durationSeconds) {
    return String.format(
        Locale.ROOT,
        "loop %.0f Hz for %.0f s: %d ticks, %d overruns, %d periods skipped, %d tick errors%n"
            + "wake-up lateness: p50 %.1f µs, p99 %.1f µs, p99.9 %.1f µs, max %.1f µs%n"
            + "tick time: last %.1f µs, max %.1f µs",
        rateHz,
        durationSeconds,
        s.ticks(),
        s.overruns(),
        s.skippedPeriods(),
        s.tickErrors(),
        s.latenessP50Nanos() / 1e3,
        s.latenessP99Nanos() / 1e3,
        s.latenessP999Nanos() / 1e3,
        s.latenessMaxNanos() / 1e3,
        s.lastTickNanos() / 1e3,
        s.maxTickNanos() / 1e3);
  }
}
