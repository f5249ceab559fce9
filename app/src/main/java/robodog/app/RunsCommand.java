package robodog.app;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import robodog.autonomy.store.RunDatabase;
import robodog.autonomy.store.RunRecord;

/** {@code ./robodog runs}: the equipment-run history from the run database. */
@Command(
    name = "runs",
    mixinStandardHelpOptions = true,
    subcommands = RunsLearningCommand.class,
    description = "Lists equipment runs (newest first) from the run database.")
public final class RunsCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--db", description = "run database (default: runs/robodog.db)")
  Path db;

  @Option(
      names = "--limit",
      defaultValue = "20",
      description = "how many (default ${DEFAULT-VALUE})")
  int limit;

  /** The default database file. */
  static Path defaultDb() {
    return Paths.home().resolve("runs").resolve("robodog.db");
  }

  @Override
  public Integer call() {
    if (limit < 1 || limit > 100_000) {
      throw new IllegalArgumentException("--limit must be 1..100000, got " + limit);
    }
    Path file = db != null ? db : defaultDb();
    PrintWriter out = spec.commandLine().getOut();
    if (!Files.exists(file)) {
      out.println("no run database at " + file + " (no runs yet)");
      return 0;
    }
    try (RunDatabase d = RunDatabase.open(file)) {
      d.activeRun()
          .ifPresent(
              a ->
                  out.printf(
                      Locale.ROOT,
                      "IN PROGRESS: run %d (%s) %s at waypoint %d; resume or abort it%n",
                      a.run().id(),
                      a.run().route(),
                      a.state(),
                      a.nextWaypoint()));
      out.printf(
          Locale.ROOT,
          "%5s  %-20s  %-16s  %-12s  %-12s  %8s  %8s  %9s%n",
          "run",
          "dispatched (UTC)",
          "route",
          "by",
          "outcome",
          "dist m",
          "time s",
          "incidents");
      for (RunRecord r : d.history(limit)) {
        out.printf(
            Locale.ROOT,
            "%5d  %-20s  %-16s  %-12s  %-12s  %8.2f  %8.1f  %9d%n",
            r.id(),
            Instant.ofEpochMilli(r.dispatchedMs()).toString().substring(0, 19).replace('T', ' '),
            r.route(),
            r.dispatchedBy(),
            r.outcome() != null ? r.outcome() : r.state(),
            r.distanceM(),
            r.durationS(),
            r.incidents());
      }
    }
    return 0;
  }
}
