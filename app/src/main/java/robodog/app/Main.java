package robodog.app;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import robodog.core.config.ConfigException;

/**
 * The one composition root: {@code ./robodog <command>}. Each subcommand wires the modules it needs
 * and nothing else. Bad input ends with one line naming what was wrong and what was expected, and
 * exit status 2 (arguments) or 1 (config files, run-time failure).
 */
@Command(
    name = "robodog",
    mixinStandardHelpOptions = true,
    version = "robodog 0.1.0",
    description = "Controller of a six-legged film-equipment carrier.",
    subcommands = {
      SimCommand.class,
      RunCommand.class,
      CalibrateCommand.class,
      GaitCommand.class,
      UrdfCommand.class,
      BenchCommand.class,
      robodog.app.link.UsersCommand.class,
      RunsCommand.class,
      TrainCommand.class,
      EvalCommand.class,
      CommandLine.HelpCommand.class
    })
public final class Main implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "a command is required");
  }

  /** Runs the CLI on the process's stdout/stderr and returns the exit status. */
  public static int run(String... args) {
    return run(
        new java.io.PrintWriter(System.out, true), new java.io.PrintWriter(System.err, true), args);
  }

  /** Runs the CLI with the given output streams (tests use this) and returns the exit status. */
  public static int run(java.io.PrintWriter out, java.io.PrintWriter err, String... args) {
    CommandLine cl = new CommandLine(new Main());
    cl.setOut(out);
    cl.setErr(err);
    cl.setExecutionExceptionHandler(
        (ex, commandLine, parseResult) -> {
          if (ex instanceof ConfigException) {
            commandLine.getErr().println("robodog: config error: " + ex.getMessage());
            return 1;
          }
          if (ex instanceof IllegalArgumentException) {
            commandLine.getErr().println("robodog: " + ex.getMessage());
            commandLine
                .getErr()
                .println("Try './robodog " + commandLine.getCommandName() + " --help'.");
            return 2;
          }
          commandLine.getErr().println("robodog: " + ex);
          return 1;
        });
    return cl.execute(args);
  }

  public static void main(String[] args) {
    System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    System.exit(run(args));
  }
}
