package robodog.app;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import robodog.app.robot.HarnessRobots;
import robodog.harness.sim.SimRun;
import robodog.locomotion.LocomotionConfig;
import robodog.sim.scenario.Scenario;
import robodog.sim.scenario.ScenarioLoader;

/**
 * {@code ./robodog bench sim}: closed-loop real-time factor (controller + physics) on one core,
 * after a warm-up run, and the speed-up of independent simulations run in parallel.
 */
@Command(
    name = "sim",
    mixinStandardHelpOptions = true,
    description = "Real-time factor of the closed-loop simulation, one core and in parallel.")
public final class SimBenchCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--scenario",
      defaultValue = "rough",
      description = "scenario (default ${DEFAULT-VALUE})")
  String scenario;

  @Option(
      names = "--duration",
      defaultValue = "20",
      description = "simulated seconds per run (default ${DEFAULT-VALUE})")
  double duration;

  @Option(
      names = "--runs",
      defaultValue = "3",
      description = "timed runs (default ${DEFAULT-VALUE})")
  int runs;

  @Option(
      names = "--parallel",
      defaultValue = "2",
      description = "simulations at once for the scaling figure (default ${DEFAULT-VALUE})")
  int parallel;

  @Option(
      names = "--rate",
      description = "control rate in simulation, Hz (default: the controller's loop_rate_hz)")
  Double rateOption;

  @picocli.CommandLine.Mixin ConfigOption config = new ConfigOption();

  @Override
  public Integer call() throws Exception {
    if (runs < 1 || parallel < 1 || !(duration > 0)) {
      throw new IllegalArgumentException("--runs and --parallel must be >= 1 and --duration > 0");
    }
    LocomotionConfig cfg = config.load();
    double rate = rateOption != null ? rateOption : cfg.settings().loopRateHz();
    Scenario sc = ScenarioLoader.load(scenario, Paths.scenarios());
    PrintWriter out = spec.commandLine().getOut();
    SimRun.Options opts =
        new SimRun.Options(sc, null, sc.seed(), duration, rate, false, false, null);
    SimRun.run(HarnessRobots.HEADLESS, cfg, opts); // warm-up: JIT
    double best = 0;
    double sum = 0;
    for (int i = 0; i < runs; i++) {
      double rtf = SimRun.run(HarnessRobots.HEADLESS, cfg, opts).report().realTimeFactor();
      best = Math.max(best, rtf);
      sum += rtf;
      out.printf(Locale.ROOT, "run %d: %.1fx real time%n", i + 1, rtf);
    }
    out.printf(
        Locale.ROOT,
        "one core: mean %.1fx, best %.1fx real time (%s, %.0f s, %.0f Hz)%n",
        sum / runs,
        best,
        sc.name(),
        duration,
        rate);
    ExecutorService pool = Executors.newFixedThreadPool(parallel);
    try {
      long t0 = System.nanoTime();
      List<Future<SimRun.Result>> fs = new ArrayList<>();
      for (int i = 0; i < parallel; i++) {
        fs.add(pool.submit(() -> SimRun.run(HarnessRobots.HEADLESS, cfg, opts)));
      }
      for (Future<SimRun.Result> f : fs) {
        f.get();
      }
      double wall = (System.nanoTime() - t0) / 1e9;
      double aggregate = parallel * duration / wall;
      out.printf(
          Locale.ROOT,
          "%d in parallel: %.1fx real time in aggregate, speed-up %.2f over one core%n",
          parallel,
          aggregate,
          aggregate / (sum / runs));
    } finally {
      pool.shutdownNow();
    }
    return 0;
  }
}
