package robodog.core;

/**
 * A snapshot of {@link LoopRunner} counters, taken off the loop thread. Times in nanoseconds.
 *
 * @param ticks ticks run
 * @param overruns ticks that finished after the next deadline
 * @param skippedPeriods periods dropped to catch up after overruns
 * @param tickErrors ticks that threw
 * @param lastTickNanos duration of the most recent tick
 * @param maxTickNanos longest tick since start
 * @param latenessP50Nanos median wake-up lateness (actual wake minus deadline)
 * @param latenessP99Nanos 99th percentile wake-up lateness
 * @param latenessP999Nanos 99.9th percentile wake-up lateness
 * @param latenessMaxNanos worst wake-up lateness
 */
public record LoopStats(
    long ticks,
    long overruns,
    long skippedPeriods,
    long tickErrors,
    long lastTickNanos,
    long maxTickNanos,
    long latenessP50Nanos,
    long latenessP99Nanos,
    long latenessP999Nanos,
    long latenessMaxNanos) {}
