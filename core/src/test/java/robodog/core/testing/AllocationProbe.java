package robodog.core.testing;

import java.lang.management.ManagementFactory;

/**
 * Bytes allocated by the current thread, from {@code
 * com.sun.management.ThreadMXBean#getCurrentThreadAllocatedBytes}: exact per-thread TLAB
 * accounting, unaffected by other threads or by when the GC runs. Shared with other modules through
 * core's test-jar.
 */
public final class AllocationProbe {
  private static final com.sun.management.ThreadMXBean MX =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

  static {
    if (!MX.isThreadAllocatedMemorySupported()) {
      throw new IllegalStateException("this JVM cannot count allocated bytes per thread");
    }
    MX.setThreadAllocatedMemoryEnabled(true);
  }

  private static final int MAX_WARMUP_BLOCKS = 20;

  private AllocationProbe() {}

  /** Bytes the current thread has allocated so far. */
  public static long allocatedBytes() {
    return MX.getCurrentThreadAllocatedBytes();
  }

  /**
   * Runs {@code body} {@code iterations} times and returns the bytes allocated, minus the probe's
   * own overhead (measured around an empty body, usually zero).
   *
   * <p>Steady state first: the body is run in blocks of {@code iterations} until one whole block
   * allocates nothing (at most {@value #MAX_WARMUP_BLOCKS} blocks). The JIT's on-stack replacement
   * and deoptimisation during warm-up re-materialise objects it had scalar-replaced, which the
   * counter sees as a few hundred bytes; that is warm-up, not the code under test. A body that
   * really allocates, every call or every thousandth, never gives a clean block, so the measured
   * block still shows it.
   */
  public static long bytesAllocatedBy(Runnable body, long iterations) {
    for (int block = 0; block < MAX_WARMUP_BLOCKS; block++) {
      long before = allocatedBytes();
      repeat(body, iterations);
      if (allocatedBytes() - before == 0) {
        break;
      }
    }
    long overheadStart = allocatedBytes();
    long overhead = allocatedBytes() - overheadStart;
    long start = allocatedBytes();
    repeat(body, iterations);
    return Math.max(0, allocatedBytes() - start - overhead);
  }

  private static void repeat(Runnable body, long iterations) {
    for (long i = 0; i < iterations; i++) {
      body.run();
    }
  }
}
