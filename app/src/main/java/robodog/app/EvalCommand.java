package robodog.app;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import robodog.app.learn.TerrainEvaluation;
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
        "Runs the learned terrain policy and every fixed gait preset (table gait, its own step",
        "height, the operator's speed) on held-out mixed courses (seeds never used in training)",
        "and prints completion, falls, mean speed, cost of transport and payload acceleration;",
        "writes a PNG."
      })
  public static final class TerrainPolicy implements Callable<Integer> {
    @Option(
        names = "--policy",
        description = "policy file (default models/terrain-policy/policy.txt)")
    Path policy;

    @Option(
        names = "--seeds",
        defaultValue = "20",
        description = "held-out courses (default ${DEFAULT-VALUE})")
    int seeds;

    @Option(
        names = "--courses",
        description =
            "held-out course set: a number N uses courses N.. (default 0: the shipped set)")
    Integer courses;

    @Option(names = "--workers", defaultValue = "2", description = "parallel simulations")
    int workers;

    @Option(names = "--png", description = "chart file (default next to the policy: eval.png)")
    Path png;

    @Override
    public Integer call() throws Exception {
      if (seeds < 1 || workers < 1) {
        throw new IllegalArgumentException("--seeds and --workers must be >= 1");
      }
      LocomotionConfig cfg = LocomotionConfig.load(Paths.config());
      Path p = policy != null ? policy : Paths.home().resolve("models/terrain-policy/policy.txt");
      Path chart = png != null ? png : p.toAbsolutePath().getParent().resolve("eval.png");
      TerrainEvaluation.run(
          cfg, p, courses == null ? 0 : courses, seeds, workers, chart, System.out);
      return 0;
    }
  }
}
