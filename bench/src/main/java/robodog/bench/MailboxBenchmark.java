package robodog.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import robodog.core.Mailbox;
import robodog.core.MotionCommand;
import robodog.core.Telemetry;

/**
 * One offer + poll round of the latest-value {@link Mailbox}, single-threaded: the uncontended cost
 * the control tick pays per mailbox (a writer lock, two atomic exchanges and the copy). Two
 * payloads: the small {@link MotionCommand} an operator sends and the larger {@link Telemetry}
 * snapshot the tick publishes.
 *
 * <p>Run: {@code java -jar bench/target/benchmarks.jar Mailbox -prof gc} (the gc profiler should
 * show ≈ 0 B/op).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class MailboxBenchmark {
  private Mailbox<MotionCommand> commands;
  private Mailbox<Telemetry> telemetry;
  private MotionCommand command;
  private Telemetry snapshot;

  @Setup(Level.Trial)
  public void setUp() {
    commands = new Mailbox<>(MotionCommand::new, (from, to) -> to.copyFrom(from));
    telemetry = new Mailbox<>(Telemetry::new, (from, to) -> to.copyFrom(from));
    command = new MotionCommand();
    snapshot = new Telemetry();
  }

  /** Offer then poll a motion command; returns a field so the copy cannot be optimised away. */
  @Benchmark
  public double offerPollMotionCommand() {
    command.vx += 1e-9;
    commands.offer(command);
    return commands.poll().vx;
  }

  /** Offer then poll a telemetry snapshot (three arrays, 42 doubles, plus scalars). */
  @Benchmark
  public double offerPollTelemetry() {
    snapshot.stabilityMargin += 1e-9;
    telemetry.offer(snapshot);
    return telemetry.poll().stabilityMargin;
  }
}
