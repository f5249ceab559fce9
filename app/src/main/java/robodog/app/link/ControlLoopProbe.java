package robodog.app.link;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import robodog.core.Telemetry;
import robodog.core.Tickable;

/**
 * Wraps the control tick for {@code ./robodog bench link} and watches it from the control thread,
 * allocation-free: wake-up lateness (wall clock at entry minus the tick's deadline) and tick
 * duration go into HdrHistogram {@link Recorder}s; the wall time of the first tick that computed
 * its joint targets from a newly numbered command ({@link Telemetry#commandSeq}) and of the first
 * tick in which the commanded speed began to fall (a stop) are published in volatile fields.
 *
 * <p>Threading: {@link #tick} on the control thread only (the loop runner calls it); every other
 * method from any one bench thread. The loop must run on {@link System#nanoTime()} (a {@code
 * SystemClock}) for lateness to mean anything.
 */
final class ControlLoopProbe implements Tickable {
  private static final long MAX_NANOS = 10_000_000_000L;

  private final Tickable task;
  private final Telemetry telemetry;
  private final Recorder lateness = new Recorder(MAX_NANOS, 3);
  private final Recorder duration = new Recorder(MAX_NANOS, 3);
  private long lastSeq = Long.MIN_VALUE;
  private double lastVx;
  private volatile long appliedSeq = Long.MIN_VALUE;
  private volatile long appliedAtNanos;
  private volatile boolean stopArmed;
  private volatile long stopAtNanos;

  /**
   * @param task the real tick ({@code ControlTask}: hardware read, controller, hardware write)
   * @param telemetry the controller's own telemetry object, read on the control thread after each
   *     tick (not the mailbox, whose single consumer is someone else)
   */
  ControlLoopProbe(Tickable task, Telemetry telemetry) {
    this.task = task;
    this.telemetry = telemetry;
  }

  @Override
  public void tick(long nowNanos, long periodNanos) {
    long start = System.nanoTime();
    lateness.recordValue(Math.min(MAX_NANOS, Math.max(0, start - nowNanos)));
    task.tick(nowNanos, periodNanos);
    long end = System.nanoTime(); // the joint targets have been written to the hardware
    duration.recordValue(Math.min(MAX_NANOS, end - start));
    long seq = telemetry.commandSeq;
    if (seq != lastSeq) {
      lastSeq = seq;
      appliedAtNanos = end; // before the volatile seq: a reader that sees the seq sees the time
      appliedSeq = seq;
    }
    double vx = telemetry.vx;
    if (stopArmed && vx < lastVx) {
      stopAtNanos = end;
      stopArmed = false;
    }
    lastVx = vx;
  }

  @Override
  public void onTickException(Throwable cause) {
    task.onTickException(cause);
  }

  /** Seq of the command the latest tick used (Long.MIN_VALUE before the first tick). */
  long appliedSeq() {
    return appliedSeq;
  }

  /** {@link System#nanoTime()} at the end of the first tick that used {@link #appliedSeq()}. */
  long appliedAtNanos() {
    return appliedAtNanos;
  }

  /** From now on, note the first tick whose commanded forward speed is lower than the last's. */
  void armStopWatch() {
    stopAtNanos = 0;
    stopArmed = true;
  }

  /** {@link System#nanoTime()} at the end of that tick, or 0 while none has happened. */
  long stopAtNanos() {
    return stopAtNanos;
  }

  /** Lateness since the previous call, ns; allocates (the bench thread only). */
  Histogram takeLateness() {
    return lateness.getIntervalHistogram();
  }

  /** Tick durations since the previous call, ns; allocates (the bench thread only). */
  Histogram takeDuration() {
    return duration.getIntervalHistogram();
  }
}
