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

  private AllocationProbe() {}

  /** Bytes the current thread has allocated so far. */
  public static long allocatedBytes() {
    return MX.getCurrentThreadAllocatedBytes();
  }

  /**
   * Runs {@code body} {@code iterations} times and returns the bytes allocated, minus the probe's
   * own overhead (measured around an empty body, usually zero). The loop runs once unmeasured
   * first: its own first execution is on-stack-replaced by the JIT, and deoptimisation during that
   * hand-over can re-materialise objects the compiler had scalar-replaced, which is warm-up, not
   * steady state.
   */
  public static long bytesAllocatedBy(Runnable body, long iterations) {
    repeat(body, iterations);
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
