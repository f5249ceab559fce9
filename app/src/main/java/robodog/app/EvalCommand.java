package robodog.app;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import robodog.app.robot.HarnessRobots;
import robodog.harness.learn.BaselineEvaluation;
import robodog.harness.learn.EvalCourses;
import robodog.harness.learn.EvalRuns;
import robodog.harness.learn.TerrainEvaluation;
import robodog.locomotion.LocomotionConfig;

/** {@code ./robodog eval terrain-policy}: the learned policy against every fixed gait preset. */
@Command(
    name = "eval",
    mixinStandardHelpOptions = true,
    description = "Evaluates a learned policy in the simulator.",
    subcommands = {EvalCommand.TerrainPolicy.class})
public final class EvalCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        spec.commandLine(), "what to evaluate: terrain-policy");
  }

  /** Held-out mixed courses: learned policy vs each gait preset. */
  @Command(
      name = "terrain-policy",
      mixinStandardHelpOptions = true,
      description = {
        "Three rows on the same held-out courses: the tuned preset (the best fixed gait, step and",
        "body height on the training courses, walked as an explicit gait), the rule-based selector",
        "(the robot picks its gait from the ground) and the learned policy bounded as on the robot;",
        "prints their composite scores (docs/learning.md), the verdict and the gaits per terrain;",
        "writes eval.json and scores.png into --out (default runs/eval/terrain-policy/<time>/).",
        "--presets runs the older table (the policy against each table gait as its wish)."
      })
  public static final class TerrainPolicy implements Callable<Integer> {
    @Option(
        names = "--policy",
        description = "policy file (default models/terrain-policy/policy.txt)")
    Path policy;

    @Option(
        names = "--seeds",
        defaultValue = "20",
        description =
            "held-out: this many generated courses and equipment-run x this many seeds"
                + " (default ${DEFAULT-VALUE})")
    int seeds;

    @Option(
        names = "--quick",
        description =
            "a small budget: 2 held-out courses, equipment-run x 1, 1 training course, 2 gaits"
                + " x 1 step x 1 body height")
    boolean quick;

    @Option(
        names = "--training",
        defaultValue = "2",
        description = "training courses of the preset search (default ${DEFAULT-VALUE})")
    int training;

    @Option(
        names = "--scenario",
        defaultValue = "equipment-run",
        description = "shipped scenario added to the held-out set (default ${DEFAULT-VALUE})")
    String scenario;

    @Option(
        names = "--presets",
        description =
            "the older table instead: the policy against each table gait posted as its wish"
                + " (--courses or --fixed also select it)")
    boolean presets;

    @Option(
        names = "--courses",
        description =
            "a directory of scenario YAMLs to use as courses (each run with --seeds seeds);"
                + " default: the generated held-out mixed courses (seeds never used in training)")
    Path courses;

    @Option(
        names = "--first",
        defaultValue = "0",
        description = "first generated held-out course (default ${DEFAULT-VALUE})")
    int first;

    @Option(
        names = "--fixed",
        description =
            "also run this fixed setting, gait,speedScale,stepHeightM (repeatable), e.g. tetrapod,1.3,0.035")
    java.util.List<String> fixed = new java.util.ArrayList<>();

    @Option(names = "--workers", defaultValue = "2", description = "parallel simulations")
    int workers;

    @Option(
        names = "--out",
        description =
            "directory for eval.csv and eval.png (default runs/eval/terrain-policy/<time>/,"
                + " untracked; the committed models/terrain-policy/eval.* are a past run's result)")
    Path out;

    @Option(names = "--png", description = "chart file (default <out>/eval.png; CSV beside it)")
    Path png;

    private java.util.List<TerrainEvaluation.Fixed> extra(LocomotionConfig cfg) {
      java.util.List<TerrainEvaluation.Fixed> l = new java.util.ArrayList<>();
      for (String f : fixed) {
        l.add(TerrainEvaluation.Fixed.parse(f, cfg));
      }
      return l;
    }

    @Override
    public Integer call() throws Exception {
      if (seeds < 1 || workers < 1) {
        throw new IllegalArgumentException("--seeds and --workers must be >= 1");
      }
      // The shipped robot only, not the configuration layers: an evaluation must be reproducible
      // from
      // tracked files, whatever this machine has in /etc/robodog or ~/.config/robodog.
      LocomotionConfig cfg = LocomotionConfig.load(Paths.config());
      Path p = policy != null ? policy : Paths.home().resolve("models/terrain-policy/policy.txt");
      Path dir = out != null ? out : OutputDirs.fresh("eval/terrain-policy");
      Path chart = png != null ? png : dir.resolve("eval.png");
      if (!presets && courses == null && fixed.isEmpty()) {
        OutputDirs.sayIfReplacing(dir.resolve("eval.json"), System.out);
        return baselines(cfg, p, dir);
      }
      OutputDirs.sayIfReplacing(chart.resolveSibling("eval.csv"), System.out);
      if (courses == null) {
        TerrainEvaluation.run(
            HarnessRobots.HEADLESS, cfg, p, first, seeds, extra(cfg), workers, chart, System.out);
        return 0;
      }
      if (!java.nio.file.Files.isDirectory(courses)) {
        throw new IllegalArgumentException(
            "--courses " + courses + ": not a directory of scenario YAMLs");
      }
      java.util.List<java.util.function.Supplier<robodog.harness.learn.TerrainCourses.Course>>
          list = new java.util.ArrayList<>();
      try (var files = java.nio.file.Files.list(courses)) {
        for (Path f : files.filter(x -> x.toString().endsWith(".yaml")).sorted().toList()) {
          robodog.sim.scenario.Scenario sc =
              robodog.sim.scenario.ScenarioLoader.load(f.toString(), courses);
          robodog.harness.learn.TerrainCourses.fromScenario(sc, sc.seed()); // validate now
          for (int i = 0; i < seeds; i++) {
            long s = sc.seed() + 1000L * i;
            list.add(() -> robodog.harness.learn.TerrainCourses.fromScenario(sc, s));
          }
        }
      }
      if (list.isEmpty()) {
        throw new IllegalArgumentException("--courses " + courses + ": no .yaml scenarios in it");
      }
      TerrainEvaluation.run(
          HarnessRobots.HEADLESS,
          cfg,
          p,
          list,
          "courses in " + courses,
          extra(cfg),
          workers,
          chart,
          System.out);
      return 0;
    }

    private int baselines(LocomotionConfig cfg, Path p, Path dir) throws Exception {
      int held = quick ? 2 : seeds;
      int eq = quick ? 1 : seeds;
      int train = quick ? 1 : training;
      if (train < 1) {
        throw new IllegalArgumentException("--training must be >= 1");
      }
      java.util.List<EvalRuns.Preset> grid =
          BaselineEvaluation.grid(
              cfg,
              quick ? new double[] {0.04} : new double[] {0.03, 0.05},
              quick ? new double[] {0} : new double[] {-0.02, 0, 0.02});
      if (quick) {
        grid = grid.subList(0, 2);
      }
      robodog.sim.scenario.Scenario sc =
          robodog.sim.scenario.ScenarioLoader.load(scenario, Paths.scenarios());
      java.util.List<BaselineEvaluation.Course> heldOut =
          new java.util.ArrayList<>(EvalCourses.heldOut(held));
      heldOut.addAll(EvalCourses.seeds(sc, eq));
      System.out.printf(
          java.util.Locale.ROOT,
          "training courses: ./robodog courses --seed %d, courses 0..%d, first %.0f m;"
              + " held out: --seed %d courses 0..%d and %s x %d seeds; search: %d settings%n",
          EvalCourses.TRAINING_SEED,
          train - 1,
          EvalCourses.TRAINING_GOAL_M,
          EvalCourses.HELD_OUT_SEED,
          held - 1,
          sc.name(),
          eq,
          grid.size());
      BaselineEvaluation.run(
          HarnessRobots.HEADLESS,
          cfg,
          p,
          EvalCourses.training(train),
          grid,
          heldOut,
          workers,
          dir,
          System.out,
          robodog.harness.sim.SimRun.terminalProgress());
      return 0;
    }
  }
}
