package robodog.app;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.ToDoubleFunction;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import robodog.app.robot.HarnessRobots;
import robodog.harness.sim.EstopTrial;
import robodog.harness.sim.SimReport;
import robodog.locomotion.LocomotionConfig;
import robodog.sim.scenario.Scenario;
import robodog.sim.scenario.ScenarioLoader;

/**
 * {@code ./robodog bench estop}: a walking robot with its payload gets an E-stop, once per seed for
 * each stop category (the deployment's software stop, and a link-level cut), in the physics; prints
 * n, median and worst case of the time to servo power off, the peak vertical body acceleration and
 * the peak drop speed.
 */
@Command(
    name = "estop",
    mixinStandardHelpOptions = true,
    description =
        "E-stop while walking with the scenario's payload, per seed: the software stop (settle,"
            + " category 1, as configured) against a cut (category 0); n, median, worst case.")
public final class EstopBenchCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--scenario",
      defaultValue = "equipment-run",
      description =
          "scenario whose first command, terrain and payload are used (default"
              + " ${DEFAULT-VALUE})")
  String scenario;

  @Option(
      names = "--seeds",
      defaultValue = "10",
      description = "seeds 1..N per category (default ${DEFAULT-VALUE})")
  int seeds;

  @Option(
      names = "--walk",
      defaultValue = "3",
      description = "seconds of walking before the E-stop (default ${DEFAULT-VALUE})")
  double walkS;

  @picocli.CommandLine.Mixin ConfigOption config = new ConfigOption();

  @Override
  public Integer call() throws Exception {
    if (seeds < 1 || !(walkS > 0)) {
      throw new IllegalArgumentException("--seeds must be >= 1 and --walk > 0 s");
    }
    LocomotionConfig cfg = config.load();
    Scenario sc = ScenarioLoader.load(scenario, Paths.scenarios());
    PrintWriter out = spec.commandLine().getOut();
    out.printf(
        Locale.ROOT,
        "E-stop after %.1f s walking, scenario %s, payload %.1f kg, seeds 1..%d%n",
        walkS,
        sc.name(),
        sc.payloadKg(),
        seeds);
    for (boolean cut : new boolean[] {false, true}) {
      List<SimReport.Stop> stops = new ArrayList<>();
      for (long seed = 1; seed <= seeds; seed++) {
        stops.add(EstopTrial.run(HarnessRobots.HEADLESS, cfg, sc, seed, cut, walkS));
      }
      String name =
          cut
              ? "cut (category 0)"
              : cfg.settings().softwareEstopSettles()
                  ? "software, settle (category 1)"
                  : "software, cut (category 0)";
      out.printf(Locale.ROOT, "%s: n %d%n", name, stops.size());
      line(out, "  power off after, s       ", stops, SimReport.Stop::powerOffAfterS);
      line(out, "  peak vertical accel, m/s²", stops, SimReport.Stop::peakVerticalAccelMps2);
      line(out, "  peak drop speed, m/s     ", stops, SimReport.Stop::peakDropSpeedMps);
      out.flush();
    }
    return 0;
  }

  private static void line(
      PrintWriter out, String what, List<SimReport.Stop> s, ToDoubleFunction<SimReport.Stop> f) {
    double[] v = s.stream().mapToDouble(f).sorted().toArray();
    int n = v.length;
    double median = n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    out.printf(
        Locale.ROOT,
        "%s median %.3f  worst %.3f  (all %s)%n",
        what,
        median,
        v[n - 1],
        Arrays.toString(Arrays.stream(v).map(x -> Math.round(x * 1000) / 1000.0).toArray()));
  }
}
