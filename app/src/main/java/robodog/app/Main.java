package robodog.app;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import robodog.app.log.LogLevels;
import robodog.core.config.ConfigException;
import robodog.operatorlink.PortInUseException;

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
      ConfigCommand.class,
      BenchCommand.class,
      robodog.app.link.UsersCommand.class,
      RunsCommand.class,
      TrainCommand.class,
      EvalCommand.class,
      CoursesCommand.class,
      CommandLine.HelpCommand.class
    })
public final class Main implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /** Applied while the arguments are parsed, so before any command code runs or logs. */
  @CommandLine.Option(
      names = "--log-level",
      paramLabel = "SPEC",
      description = {
        "error, warn, info or debug, and/or COMPONENT=LEVEL entries, comma-separated, e.g."
            + " debug,moquette=warn or link=debug (components: robodog, loop, link, operator,"
            + " ros2, perception, autonomy, moquette, netty, paho, djl, or a logger name). Default: robodog info,"
            + " the rest warn; also $ROBODOG_LOG or -Drobodog.log. See docs/logging.md."
      })
  void logLevel(String levels) {
    try {
      LogLevels.apply(levels);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--log-level: " + e.getMessage());
    }
  }

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
    LogLevels.applyDefault();
    CommandLine cl = new CommandLine(new Main());
    cl.setOut(out);
    cl.setErr(err);
    cl.setExecutionExceptionHandler(
        (ex, commandLine, parseResult) -> {
          PortInUseException busy = BusyPort.find(ex);
          if (busy != null) {
            // Expected at start-up (another broker or robodog holds the port): one line, the
            // option that fixes it, no stack trace; the command has started nothing yet.
            commandLine.getErr().println("robodog: " + BusyPort.message(busy));
            return 1;
          }
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
    System.exit(run(args));
  }
}
