package robodog.core.jobs;

/**
 * What one side job has done: runs, failures (exceptions it threw, each contained), deadlines
 * skipped because it or its thread was late, and the last failure ({@code null}: none).
 *
 * @param rateHz the job's configured rate
 */
public record JobStats(
    String name, double rateHz, long runs, long failures, long skipped, String lastFailure) {}
