package robodog.app;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import robodog.app.robot.HarnessRobots;
import robodog.harness.learn.TerrainTraining;
import robodog.learning.rl.Training;
import robodog.locomotion.LocomotionConfig;

/** {@code ./robodog train terrain-policy}: trains the learned gait-settings policy in the sim. */
@Command(
    name = "train",
    mixinStandardHelpOptions = true,
    description = "Trains a learned policy in the simulator.",
    subcommands = {
      TrainCommand.TerrainPolicy.class,
      robodog.app.terrain.TrainTerrainClassifierCommand.class
    })
public final class TrainCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        spec.commandLine(), "what to train: terrain-policy or terrain-classifier");
  }

  /** The terrain policy: PPO (DJL) by default, ARS as the baseline. */
  @Command(
      name = "terrain-policy",
      mixinStandardHelpOptions = true,
      description = {
        "Trains the terrain policy (gait, speed scale, step and body height from what the robot",
        "senses) on simulated courses with a curriculum and domain randomisation; writes",
        "policy.txt, checkpoints/ and the learning curve (CSV, PNG) into --out (default",
        "runs/train/terrain-policy/<time>/; --out models/terrain-policy replaces the shipped one)."
      })
  public static final class TerrainPolicy implements Callable<Integer> {
    @Option(
        names = "--minutes",
        defaultValue = "20",
        description = "wall-time budget (default ${DEFAULT-VALUE})")
    double minutes;

    @Option(
        names = "--decisions",
        defaultValue = "1000000000",
        description = "decision budget (a fixed budget makes a run reproducible)")
    long decisions;

    @Option(
        names = "--seed",
        defaultValue = "1",
        description = "training seed (default ${DEFAULT-VALUE})")
    long seed;

    @Option(
        names = "--out",
        description =
            "output directory (default runs/train/terrain-policy/<time>/, untracked; naming"
                + " models/terrain-policy replaces the shipped policy and says so)")
    Path out;

    @Option(
        names = "--method",
        defaultValue = "ppo",
        description = "ppo (DJL, main) or ars (baseline)")
    String method;

    @Option(
        names = "--workers",
        defaultValue = "2",
        description = "parallel simulations (default ${DEFAULT-VALUE})")
    int workers;

    @Option(
        names = "--batch",
        defaultValue = "16",
        description = "episodes per update (default ${DEFAULT-VALUE})")
    int batch;

    @Option(
        names = "--compare-seeds",
        defaultValue = "0",
        description =
            "instead of one run: PPO and ARS on this many seeds each with --decisions, and the decisions each needs to reach --threshold")
    int compareSeeds;

    @Option(
        names = "--throughput",
        defaultValue = "0",
        description =
            "instead of training: run this many preset episodes with 1 and 2 workers and print the environment's throughput")
    int throughput;

    @Option(
        names = "--threshold",
        defaultValue = "NaN",
        description =
            "return threshold for --compare-seeds (default: the starting preset\'s mean return + 1)")
    double threshold;

    @Override
    public Integer call() throws Exception {
      Training.Method m;
      try {
        m = Training.Method.valueOf(method.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("--method: '" + method + "': expected ppo or ars");
      }
      if (!(minutes > 0) || workers < 1 || batch < 2 || decisions < 1) {
        throw new IllegalArgumentException(
            "--minutes must be > 0, --workers >= 1, --batch >= 2, --decisions >= 1");
      }
      // The shipped robot only, not the configuration layers: a training run must be reproducible
      // from
      // tracked files, whatever this machine has in /etc/robodog or ~/.config/robodog.
      LocomotionConfig cfg = LocomotionConfig.load(Paths.config());
      Path dir = out != null ? out : OutputDirs.fresh("train/terrain-policy");
      if (throughput > 0) {
        robodog.harness.learn.EnvThroughput.run(
            HarnessRobots.HEADLESS, cfg, throughput, workers, System.out);
        return 0;
      }
      if (compareSeeds > 0) {
        OutputDirs.sayIfReplacing(dir.resolve("ppo-vs-ars.png"), System.out);
        TerrainTraining.compare(
            HarnessRobots.HEADLESS,
            cfg,
            compareSeeds,
            decisions,
            minutes,
            workers,
            batch,
            threshold,
            dir,
            System.out);
        return 0;
      }
      OutputDirs.sayIfReplacing(dir.resolve("policy.txt"), System.out);
      TerrainTraining.train(
          HarnessRobots.HEADLESS,
          cfg,
          m,
          seed,
          minutes,
          decisions,
          workers,
          batch,
          dir,
          System.out);
      return 0;
    }
  }
}
