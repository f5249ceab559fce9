package robodog.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A fixed 2 µs of arithmetic, measured exactly like {@link ControlTickBenchmark}: its tail
 * percentiles are the machine's (preemption, hypervisor steal, timer interrupts), not the
 * controller's. Read the tick's p99.9 against this one.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 4)
@Fork(
    value = 1,
    jvmArgsAppend = {"-XX:+UseZGC"})
public class BaselineBenchmark {
  private double x = 1.0;

  @Benchmark
  public double spin2us() {
    double v = x;
    for (int i = 0; i < 700; i++) {
      v = Math.sqrt(v + i);
    }
    x = v * 1e-9 + 1.0;
    return v;
  }
}
