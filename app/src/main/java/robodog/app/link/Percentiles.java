package robodog.app.link;

import java.io.PrintWriter;
import java.util.Locale;
import org.HdrHistogram.Histogram;

/**
 * One table row of p50 / p99 / max for {@code ./robodog bench link}, from an HdrHistogram of
 * nanoseconds (3 significant digits), printed in microseconds. Bench thread; allocates.
 */
final class Percentiles {
  private Percentiles() {}

  /** A histogram of {@code samples} (ns), each clamped to [0, 60 s]. */
  static Histogram of(long[] samples) {
    Histogram h = new Histogram(60_000_000_000L, 3);
    for (long s : samples) {
      h.recordValue(Math.min(60_000_000_000L, Math.max(0, s)));
    }
    return h;
  }

  /** The header matching {@link #row}. */
  static void header(PrintWriter out, String first) {
    out.printf(
        Locale.ROOT, "%-34s %8s %9s %9s %9s%n", first, "samples", "p50 µs", "p99 µs", "max µs");
  }

  /** Prints the row and returns its median, µs. */
  static double row(PrintWriter out, String name, Histogram h) {
    double p50 = h.getValueAtPercentile(50) / 1e3;
    out.printf(
        Locale.ROOT,
        "%-34s %8d %9.1f %9.1f %9.1f%n",
        name,
        h.getTotalCount(),
        p50,
        h.getValueAtPercentile(99) / 1e3,
        h.getMaxValue() / 1e3);
    out.flush();
    return p50;
  }
}
