package robodog.app.bench;

import java.io.PrintStream;
import java.util.Locale;
import java.util.function.ToLongFunction;
import robodog.core.LoopRunner;
import robodog.core.LoopStats;
import robodog.core.SystemClock;
import robodog.core.Tickable;

/**
 * Runs a {@link LoopRunner} on the wall clock at a fixed rate and reports wake-up lateness
 * percentiles (HdrHistogram), overruns and tick times: the figures that say whether this machine
 * and JVM can hold the control rate. Not a test: a busy machine gives worse numbers, not a failure.
 *
 * <p>Threading: {@link #run} blocks the calling thread for the duration; the workload runs on a new
 * loop thread at maximum Java priority.
 */
public final class LoopLatencyBenchmark {
  /** Busy-wait before each deadline when the caller does not choose (as {@link SystemClock}). */
  public static final long DEFAULT_SPIN_NANOS = 50_000;

  private LoopLatencyBenchmark() {}

  /**
   * Runs {@code workload} at {@code rateHz} for {@code durationSeconds} with the default spin.
   *
   * @param rateHz loop rate, Hz, &gt; 0
   * @param durationSeconds how long to run, s, &gt; 0
   * @param workload the tick (the real controller in {@code ./robodog bench loop})
   * @param progress one {@code \r}-refreshed line per second goes here; null for none
   * @return the loop's counters and lateness percentiles at the end
   */
  public static LoopStats run(
      double rateHz, double durationSeconds, Tickable workload, PrintStream progress) {
    return run(rateHz, durationSeconds, DEFAULT_SPIN_NANOS, workload, progress);
  }

  /**
   * As {@link #run(double, double, Tickable, PrintStream)}, choosing the busy-wait.
   *
   * @param spinNanos busy-wait before each deadline (see {@link SystemClock}), ns, &gt;= 0
   */
  public static LoopStats run(
      double rateHz,
      double durationSeconds,
      long spinNanos,
      Tickable workload,
      PrintStream progress) {
    return run(rateHz, durationSeconds, spinNanos, workload, null, progress);
  }

  /**
   * As {@link #run(double, double, long, Tickable, PrintStream)}, running {@code beforeFirstTick}
   * on the loop thread before its first tick (a {@code robodog.core.rt.RealtimeSetup}); the
   * measured duration starts after it.
   *
   * @param beforeFirstTick set-up for the loop thread, or null for none
   */
  public static LoopStats run(
      double rateHz,
      double durationSeconds,
      long spinNanos,
      Tickable workload,
      Runnable beforeFirstTick,
      PrintStream progress) {
    if (!(rateHz > 0 && rateHz <= 1e9)) {
      throw new IllegalArgumentException("rate must be in (0, 1e9] Hz, got " + rateHz);
    }
    if (!(durationSeconds > 0)) {
      throw new IllegalArgumentException("duration must be > 0 s, got " + durationSeconds);
    }
    long period = Math.round(1e9 / rateHz);
    LoopRunner loop = new LoopRunner(new SystemClock(spinNanos), period, workload, "control-loop");
    loop.start(Thread.MAX_PRIORITY, beforeFirstTick);
    long start = System.nanoTime();
    long end = start + Math.round(durationSeconds * 1e9);
    try {
      long remaining;
      while ((remaining = end - System.nanoTime()) > 0) {
        Thread.sleep(Math.min(1000, Math.max(1, remaining / 1_000_000)));
        if (progress == null) {
          continue;
        }
        LoopStats s = loop.stats();
        progress.printf(
            Locale.ROOT,
            "\r%5.1f / %.0f s  ticks %d  overruns %d  p99 lateness %.1f µs   ",
            (System.nanoTime() - start) / 1e9,
            durationSeconds,
            s.ticks(),
            s.overruns(),
            s.latenessP99Nanos() / 1e3);
        progress.flush();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      // Never leave the loop thread running, even when interrupted or the stream throws.
      try {
        loop.stop();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    if (progress != null) {
      progress.println();
    }
    return loop.stats();
  }

  /** A human table of the result; lateness and tick times in microseconds. */
  public static String format(LoopStats s, double rateHz, double durationSeconds) {
    long expected = Math.round(rateHz * durationSeconds);
    StringBuilder b = new StringBuilder();
    b.append(
        String.format(
            Locale.ROOT,
            "loop %.0f Hz (period %.1f µs) for %.1f s%n",
            rateHz,
            1e6 / rateHz,
            durationSeconds));
    row(b, "ticks", String.format(Locale.ROOT, "%d (about %d expected)", s.ticks(), expected));
    row(b, "overruns", Long.toString(s.overruns()));
    row(b, "skipped periods", Long.toString(s.skippedPeriods()));
    row(b, "tick errors", Long.toString(s.tickErrors()));
    row(b, "wake-up lateness p50", micros(s.latenessP50Nanos()));
    row(b, "wake-up lateness p99", micros(s.latenessP99Nanos()));
    row(b, "wake-up lateness p99.9", micros(s.latenessP999Nanos()));
    row(b, "wake-up lateness max", micros(s.latenessMaxNanos()));
    row(b, "tick time max", micros(s.maxTickNanos()));
    row(b, "tick time last", micros(s.lastTickNanos()));
    b.setLength(b.length() - System.lineSeparator().length());
    return b.toString();
  }

  /**
   * Several runs at the same rate and duration as one table, a column per run, e.g. without and
   * with the real-time set-up. Lateness and tick times in microseconds.
   *
   * @param names column headings, one per run
   * @param runs the runs' results, in the order of {@code names}
   */
  public static String formatSideBySide(
      String[] names, LoopStats[] runs, double rateHz, double durationSeconds) {
    if (names.length != runs.length || runs.length == 0) {
      throw new IllegalArgumentException("one name per run, at least one run");
    }
    StringBuilder b = new StringBuilder();
    b.append(
        String.format(
            Locale.ROOT,
            "loop %.0f Hz (period %.1f µs), %.1f s per run, about %d ticks expected per run%n",
            rateHz,
            1e6 / rateHz,
            durationSeconds,
            Math.round(rateHz * durationSeconds)));
    cells(b, "", names);
    countRow(b, "ticks", runs, LoopStats::ticks);
    countRow(b, "overruns", runs, LoopStats::overruns);
    countRow(b, "skipped periods", runs, LoopStats::skippedPeriods);
    countRow(b, "tick errors", runs, LoopStats::tickErrors);
    microsRow(b, "wake-up lateness p50", runs, LoopStats::latenessP50Nanos);
    microsRow(b, "wake-up lateness p99", runs, LoopStats::latenessP99Nanos);
    microsRow(b, "wake-up lateness p99.9", runs, LoopStats::latenessP999Nanos);
    microsRow(b, "wake-up lateness max", runs, LoopStats::latenessMaxNanos);
    microsRow(b, "tick time max", runs, LoopStats::maxTickNanos);
    b.setLength(b.length() - System.lineSeparator().length());
    return b.toString();
  }

  private static void countRow(
      StringBuilder b, String name, LoopStats[] runs, ToLongFunction<LoopStats> value) {
    String[] cells = new String[runs.length];
    for (int i = 0; i < runs.length; i++) {
      cells[i] = Long.toString(value.applyAsLong(runs[i]));
    }
    cells(b, name, cells);
  }

  private static void microsRow(
      StringBuilder b, String name, LoopStats[] runs, ToLongFunction<LoopStats> nanos) {
    String[] cells = new String[runs.length];
    for (int i = 0; i < runs.length; i++) {
      cells[i] = micros(nanos.applyAsLong(runs[i]));
    }
    cells(b, name, cells);
  }

  private static void cells(StringBuilder b, String name, String[] values) {
    b.append(String.format(Locale.ROOT, "  %-24s", name));
    for (String v : values) {
      b.append(String.format(Locale.ROOT, " %16s", v));
    }
    b.append(System.lineSeparator());
  }

  private static void row(StringBuilder b, String name, String value) {
    b.append(String.format(Locale.ROOT, "  %-24s %s%n", name, value));
  }

  private static String micros(long nanos) {
    return String.format(Locale.ROOT, "%.1f µs", nanos / 1e3);
  }
}
