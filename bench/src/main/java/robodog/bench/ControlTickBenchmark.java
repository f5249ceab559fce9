package robodog.bench;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import robodog.core.ControlTask;
import robodog.core.IdealServoHardware;
import robodog.core.Mailbox;
import robodog.core.MotionCommand;
import robodog.locomotion.HexapodController;
import robodog.locomotion.LocomotionConfig;

/**
 * One full control tick: mailbox poll, mode machine, velocity/pose limits, gait scheduling, swing
 * and stance for six legs, 18-joint IK, joint limits, stability margin and telemetry publish, on
 * ideal servos so that only the controller is timed. Sample mode gives the percentiles the tick
 * budget is stated in (p50, p99.9).
 *
 * <p>Run: {@code java -jar bench/target/benchmarks.jar ControlTick -prof gc}; the config directory
 * comes from {@code -Drobodog.config} (default {@code config}).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 4)
@Fork(
    value = 1,
    jvmArgsAppend = {"-XX:+UseZGC"})
public class ControlTickBenchmark {
  private static final long PERIOD = 2_000_000L;

  /** Walking straight, or turning with a tilted body (more trigonometry in the pose). */
  @Param({"tripod-straight", "ripple-turning"})
  public String scenario;

  private ControlTask task;
  private long now;

  @Setup(Level.Trial)
  public void setUp() {
    LocomotionConfig cfg =
        LocomotionConfig.load(Path.of(System.getProperty("robodog.config", "config")));
    Mailbox<MotionCommand> commands = LocomotionConfig.commandMailbox();
    HexapodController controller =
        cfg.newController(
            commands, LocomotionConfig.telemetryMailbox(), robodog.core.Mode.STANDING);
    MotionCommand c = new MotionCommand();
    c.requestedMode = robodog.core.Mode.WALKING;
    if (scenario.startsWith("tripod")) {
      c.vx = 0.15;
    } else {
      c.gaitIndex = cfg.gaits().indexOf("ripple");
      c.vx = 0.05;
      c.yawRate = 0.2;
      c.bodyRoll = 0.05;
      c.bodyPitch = -0.05;
    }
    commands.offer(c);
    task = new ControlTask(new IdealServoHardware(cfg.standingJointAngles()), controller);
    for (int i = 0; i < 1000; i++) {
      tick();
    }
  }

  @Benchmark
  public void tick() {
    now += PERIOD;
    task.tick(now, PERIOD);
  }
}
