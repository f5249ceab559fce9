package robodog.core.jobs;

import java.util.function.Consumer;

/**
 * One job of {@link PeriodicJobs} with its deadline and counts. Deadlines and runs belong to the
 * one thread that runs the job; the counts are volatile so {@link #stats} can read them anywhere.
 */
final class ScheduledJob {
  final String name;
  final long periodNanos;
  private final PeriodicJobs.Job job;
  long next;
  private volatile long runs;
  private volatile long failures;
  private volatile long skipped;
  private volatile String lastFailure;
  private long lastReportNanos = Long.MIN_VALUE / 2;
  private long unreported;

  ScheduledJob(String name, long periodNanos, PeriodicJobs.Job job) {
    this.name = name;
    this.periodNanos = periodNanos;
    this.job = job;
  }

  void runIfDue(long nowNanos, Consumer<String> errors) {
    if (nowNanos < next) {
      return;
    }
    try {
      job.run(nowNanos);
    } catch (Throwable t) { // NOPMD: one job's failure must not stop it or any other job
      failures++;
      lastFailure = t.toString();
      report(nowNanos, t, errors);
    }
    runs++;
    next += periodNanos;
    if (next <= nowNanos) {
      // Late (a slow job, a stalled machine): skip to the next deadline, do not replay.
      long missed = (nowNanos - next) / periodNanos + 1;
      skipped += missed;
      next += missed * periodNanos;
    }
  }

  private void report(long nowNanos, Throwable t, Consumer<String> errors) {
    if (nowNanos - lastReportNanos < PeriodicJobs.REPORT_INTERVAL_NANOS) {
      unreported++;
      return;
    }
    lastReportNanos = nowNanos;
    String more = unreported == 0 ? "" : " (" + unreported + " more failures since the last)";
    unreported = 0;
    try {
      errors.accept(
          "job " + name + " failed (" + failures + " so far; it keeps running): " + t + more);
    } catch (RuntimeException ignored) {
      // The sink itself failed (e.g. the broker is gone): the count still records it.
    }
  }

  JobStats stats() {
    return new JobStats(name, 1e9 / periodNanos, runs, failures, skipped, lastFailure);
  }
}
