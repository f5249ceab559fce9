package robodog.core.testing;

import java.lang.management.ManagementFactory;

/**
 * Bytes allocated by the current thread, from {@code
 * com.sun.management.ThreadMXBean#getCurrentThreadAllocatedBytes}: exact per-thread TLAB
 * accounting, unaffected by other threads or by when the GC runs. Shared with other modules through
 * core's test-jar.
 *
 * <p>Use it in tests tagged {@code "alloc"}, and in the same test measure a deliberately allocating
 * variant whose object escapes (stored to a static volatile field), so the test proves the probe
 * sees allocations: the JIT's escape analysis removes an allocation that escapes nowhere.
 *
 * <p>Threading: measures the calling thread only; work done on other threads is not counted.
 */
public final class AllocationProbe {
  private static final com.sun.management.ThreadMXBean MX =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

  static {
    if (!MX.isThreadAllocatedMemorySupported()) {
      throw new IllegalStateException("this JVM cannot count allocated bytes per thread");
    }
    if (!MX.isThreadAllocatedMemoryEnabled()) {
      MX.setThreadAllocatedMemoryEnabled(true);
    }
  }

  private static final int MAX_WARMUP_BLOCKS = 20;
  private static final int MEASURED_BLOCKS = 3;
  private static final Runnable EMPTY = () -> {};

  private AllocationProbe() {}

  /** Bytes the current thread has allocated so far. */
  public static long allocatedBytes() {
    return MX.getCurrentThreadAllocatedBytes();
  }

  /**
   * Bytes that {@code iterations} runs of {@code body} allocate in steady state, on the calling
   * thread, less what the probe itself allocates (measured the same way with an empty body).
   *
   * <p>The body first runs in blocks of {@code iterations} until one whole block allocates nothing
   * (at most {@value #MAX_WARMUP_BLOCKS} blocks); then {@value #MEASURED_BLOCKS} blocks are
   * measured and the smallest count is returned. The JIT's on-stack replacement, deoptimisation and
   * recompilation re-materialise objects it had scalar-replaced, which the counter sees as a
   * one-off few dozen bytes (88 here, whatever the body); that is the JIT, not the code under test.
   * A body that really allocates, every call or every thousandth call, allocates in every block, so
   * the minimum still shows it.
   *
   * <p>WARNING: runs {@code body} up to {@code 23 * iterations} times.
   */
  public static long bytesAllocatedBy(Runnable body, long iterations) {
    if (iterations <= 0) {
      throw new IllegalArgumentException("iterations must be > 0, got " + iterations);
    }
    long overhead = steadyBytes(EMPTY, iterations);
    return Math.max(0, steadyBytes(body, iterations) - overhead);
  }

  private static long steadyBytes(Runnable body, long iterations) {
    for (int block = 0; block < MAX_WARMUP_BLOCKS; block++) {
      long before = allocatedBytes();
      repeat(body, iterations);
      if (allocatedBytes() - before == 0) {
        break;
      }
    }
    long min = Long.MAX_VALUE;
    for (int block = 0; block < MEASURED_BLOCKS; block++) {
      long start = allocatedBytes();
      repeat(body, iterations);
      min = Math.min(min, allocatedBytes() - start);
    }
    return min;
  }

  private static void repeat(Runnable body, long iterations) {
    for (long i = 0; i < iterations; i++) {
      body.run();
    }
  }
}
