package robodog.app;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import robodog.app.bench.LoopLatencyBenchmark;
import robodog.core.ControlTask;
import robodog.core.IdealServoHardware;
import robodog.core.LoopStats;
import robodog.core.Mailbox;
import robodog.core.Mode;
import robodog.core.MotionCommand;
import robodog.core.rt.RealtimeReport;
import robodog.core.rt.RealtimeRequest;
import robodog.core.rt.RealtimeSetup;
import robodog.locomotion.HexapodController;
import robodog.locomotion.LocomotionConfig;

/**
 * {@code ./robodog bench loop}: wake-up lateness of the real control tick on the wall clock,
 * without and with the control thread's real-time set-up.
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description =
        "Benchmarks that print figures (the tick itself is measured with JMH, see docs/performance.md).",
    subcommands = {
      BenchCommand.Loop.class,
      SimBenchCommand.class,
      EstopBenchCommand.class,
      WalkingBenchCommand.class,
      robodog.app.link.LinkBenchCommand.class,
      BenchPerceptionCommand.class,
      robodog.app.link.ChaosBenchCommand.class,
      LegBenchCommand.class,
      RouteLearningBenchCommand.class
    })
public final class BenchCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(
        spec.commandLine(),
        "expected a benchmark: loop, sim, estop, perception, link, chaos or legs");
  }

  /** The loop runner at a fixed rate with the walking controller as its tick. */
  @Command(
      name = "loop",
      mixinStandardHelpOptions = true,
      description =
          "Runs the control loop (walking tripod on ideal servos) on the wall clock twice, for"
              + " --duration each after a short warm-up: without the real-time set-up, then with"
              + " it (SCHED_FIFO, 1 ns timer slack, optional CPU, locked memory), and prints"
              + " wake-up lateness percentiles (HdrHistogram) and overruns side by side.")
  public static final class Loop implements Callable<Integer> {
    /** Unreported run before the measured ones, s. */
    static final double WARM_UP_SECONDS = 2;

    @Spec CommandSpec spec;

    @Option(
        names = "--rate",
        defaultValue = "500",
        description = "loop rate, Hz (default ${DEFAULT-VALUE})")
    double rate;

    @Option(
        names = "--duration",
        defaultValue = "30",
        description = "seconds (default ${DEFAULT-VALUE})")
    double duration;

    @picocli.CommandLine.Mixin ConfigOption config = new ConfigOption();

    /** The set-up of the second run; the first runs without any. */
    @picocli.CommandLine.Mixin RealtimeOptions realtime = new RealtimeOptions();

    @Option(
        names = "--spin-us",
        defaultValue = "50",
        description =
            "busy-wait this long before each deadline instead of sleeping, µs (default ${DEFAULT-VALUE}; the period = never sleep)")
    double spinMicros;

    @Option(
        names = "--perception-images",
        description =
            "also run the loop a third time, with the real-time set-up and the perception"
                + " pipeline working on this image folder (looped) in the same process, and"
                + " compare it with the real-time run")
    java.nio.file.Path perceptionImages;

    @Option(
        names = "--perception-fps",
        defaultValue = "15",
        description =
            "with --perception-images: frames per second, as a camera delivers them (default"
                + " ${DEFAULT-VALUE}, the pipeline's target rate); 0 = unpaced, the worst case")
    double perceptionFps;

    @Override
    public Integer call() throws Exception {
      if (!(rate >= 1 && rate <= 10_000)) {
        throw new IllegalArgumentException("--rate must be in [1, 10000] Hz, got " + rate);
      }
      if (!(duration > 0 && duration <= 86_400)) {
        throw new IllegalArgumentException("--duration must be in (0, 86400] s, got " + duration);
      }
      RealtimeRequest request = realtime.request();
      LocomotionConfig cfg = config.load();
      Mailbox<MotionCommand> commands = LocomotionConfig.commandMailbox();
      HexapodController controller =
          cfg.newController(commands, LocomotionConfig.telemetryMailbox(), Mode.STANDING);
      MotionCommand c = new MotionCommand();
      c.requestedMode = Mode.WALKING;
      c.vx = 0.15;
      commands.offer(c);
      ControlTask task =
          new ControlTask(new IdealServoHardware(cfg.standingJointAngles()), controller);
      if (!(spinMicros >= 0)) {
        throw new IllegalArgumentException("--spin-us must be >= 0, got " + spinMicros);
      }
      java.io.PrintWriter out = spec.commandLine().getOut();
      long spin = Math.round(spinMicros * 1000);
      if (!(perceptionFps >= 0 && perceptionFps <= 1000)) {
        throw new IllegalArgumentException(
            "--perception-fps must be in [0, 1000], got " + perceptionFps);
      }
      if (perceptionImages != null && !java.nio.file.Files.isDirectory(perceptionImages)) {
        throw new IllegalArgumentException(
            "--perception-images: " + perceptionImages + " is not a directory of images");
      }
      // Warm-up, not reported: the first run would otherwise carry the JIT's compilation of the
      // tick and make whichever configuration runs first look worse.
      LoopLatencyBenchmark.run(
          rate,
          Math.min(WARM_UP_SECONDS, duration),
          spin,
          task,
          robodog.harness.sim.SimRun.terminalProgress());
      // Without the set-up first: the memory lock is process-wide and cannot be undone after.
      LoopStats plain =
          LoopLatencyBenchmark.run(
              rate, duration, spin, task, robodog.harness.sim.SimRun.terminalProgress());
      RealtimeSetup setup = new RealtimeSetup(request);
      LoopStats rt =
          LoopLatencyBenchmark.run(
              rate, duration, spin, task, setup, robodog.harness.sim.SimRun.terminalProgress());
      RealtimeReport report = setup.report();
      out.println(report.summary());
      report.problems().forEach(out::println);
      if (perceptionImages == null) {
        out.println(
            LoopLatencyBenchmark.formatSideBySide(
                new String[] {"no set-up", "real-time set-up"},
                new LoopStats[] {plain, rt},
                rate,
                duration));
        printRatio(out, "real-time set-up / no set-up", rt, plain);
        return 0;
      }
      // Same process, same controller, straight after: only the perception threads differ.
      try (robodog.app.bench.PerceptionLoad load =
          new robodog.app.bench.PerceptionLoad(
              perceptionImages, perceptionFps, config.layers(), controller)) {
        long framesBefore = load.frames();
        LoopStats with =
            LoopLatencyBenchmark.run(
                rate,
                duration,
                spin,
                task,
                new RealtimeSetup(request),
                robodog.harness.sim.SimRun.terminalProgress());
        out.println(
            LoopLatencyBenchmark.formatSideBySide(
                new String[] {"no set-up", "real-time set-up", "rt + perception"},
                new LoopStats[] {plain, rt, with},
                rate,
                duration));
        printRatio(out, "real-time set-up / no set-up", rt, plain);
        out.printf(
            java.util.Locale.ROOT,
            "perception: %d frames in %.0f s (%.1f fps), mean %.1f ms per frame%n",
            load.frames() - framesBefore,
            duration,
            (load.frames() - framesBefore) / duration,
            load.meanFrameMillis());
        printRatio(out, "with / without perception (both real-time; at most 2 asked)", with, rt);
      }
      return 0;
    }

    private static void printRatio(
        java.io.PrintWriter out, String what, LoopStats numerator, LoopStats denominator) {
      out.printf(
          java.util.Locale.ROOT,
          "p99.9 lateness %s: %.2f%n",
          what,
          numerator.latenessP999Nanos() / (double) Math.max(1, denominator.latenessP999Nanos()));
    }
  }
}
