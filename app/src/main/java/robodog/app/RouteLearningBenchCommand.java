package robodog.app;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import robodog.app.robot.HarnessRobots;
import robodog.harness.mission.RouteLearningBench;
import robodog.locomotion.LocomotionConfig;
import robodog.sim.scenario.Scenario;
import robodog.sim.scenario.ScenarioLoader;

/** {@code ./robodog bench route-learning}: a taught route repeated, learning from run to run. */
@Command(
    name = "route-learning",
    mixinStandardHelpOptions = true,
    description = {
      "Dispatches a taught route on its simulated course --runs times through the mission path,",
      "sharing one run database, and prints per run payload acceleration RMS (simulator ground",
      "truth), time, falls and the arm the route learner chose per segment."
    })
public final class RouteLearningBenchCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--route",
      defaultValue = "equipment-run",
      description = "route (default ${DEFAULT-VALUE})")
  String route;

  @Option(
      names = "--scenario",
      defaultValue = "equipment-run",
      description = "course (default ${DEFAULT-VALUE})")
  String scenario;

  @Option(names = "--runs", defaultValue = "10", description = "runs (default ${DEFAULT-VALUE})")
  int runs;

  @Option(
      names = "--seed",
      defaultValue = "7",
      description = "world seed (default ${DEFAULT-VALUE})")
  long seed;

  @Option(
      names = "--db",
      description = "run database; default a fresh one under runs/route-learning/<time>/")
  Path db;

  @Option(
      names = "--fragility",
      defaultValue = "0.5",
      description = "payload fragility 0..1 (default ${DEFAULT-VALUE})")
  double fragility;

  @Option(
      names = "--max-run",
      defaultValue = "200",
      description = "simulated seconds at most per run (default ${DEFAULT-VALUE})")
  double maxRunS;

  @picocli.CommandLine.Mixin ConfigOption config = new ConfigOption();

  @Override
  public Integer call() throws Exception {
    LocomotionConfig cfg = config.load();
    Scenario sc = ScenarioLoader.load(scenario, Paths.scenarios());
    Path file = db != null ? db : OutputDirs.fresh("route-learning").resolve("robodog.db");
    PrintWriter out = spec.commandLine().getOut();
    out.println("run database: " + file);
    RouteLearningBench.run(
        HarnessRobots.HEADLESS,
        cfg,
        sc,
        seed,
        runs,
        cfg.settings().loopRateHz(),
        route,
        Paths.home().resolve("routes"),
        file,
        fragility,
        maxRunS,
        out);
    return 0;
  }
}
