package robodog.app;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import robodog.app.terrain.TrainTerrainClassifierCommand;

/** {@code ./robodog train ...}: model training commands. */
@Command(
    name = "train",
    description = "Train a model.",
    mixinStandardHelpOptions = true,
    subcommands = {TrainTerrainClassifierCommand.class})
public final class TrainCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        spec.commandLine(), "what to train is required: terrain-classifier");
  }
}
