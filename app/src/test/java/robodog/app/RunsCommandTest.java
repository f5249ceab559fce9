package robodog.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import robodog.autonomy.RouteFile;
import robodog.autonomy.store.RunDatabase;

/** {@code ./robodog runs}: history and the interrupted run from the database; bad options. */
class RunsCommandTest {
  @TempDir Path dir;

  @Test
  void listsHistoryAndTheRunInProgress() {
    Path db = dir.resolve("runs.db");
    try (RunDatabase d = RunDatabase.open(db)) {
      d.saveRoute(RouteFile.load(Path.of("../routes/equipment-run.yaml")), "shipped", false);
      long a =
          d.startRun("equipment-run", "tablet", 0, "{}", "smooth", "stop_and_wait", 2, 3, 0, 0, 0);
      d.finishRun(a, "completed", 5.3, 67.3, 1000);
      long b =
          d.startRun(
              "equipment-run", "director", 2000, "{}", "gentle", "stop_and_wait", 2, 3, 0, 0, 0);
      d.setState(b, "interrupted");
    }
    Cli c = Cli.run("runs", "--db", db.toString());
    assertEquals(0, c.status, c.err);
    assertTrue(c.out.contains("IN PROGRESS: run 2 (equipment-run) interrupted"), c.out);
    assertTrue(
        c.out.matches(
            "(?s).*\\n\\s+1 .*equipment-run\\s+tablet\\s+completed\\s+5\\.30\\s+67\\.3.*"),
        c.out);
  }

  @Test
  void refusesABadLimitAndSaysWhenThereIsNoDatabase() {
    Cli bad = Cli.run("runs", "--db", dir.resolve("x.db").toString(), "--limit", "0");
    assertTrue(bad.status != 0);
    assertTrue(bad.err.contains("--limit must be 1..100000, got 0"), bad.err);
    Cli none = Cli.run("runs", "--db", dir.resolve("none.db").toString());
    assertEquals(0, none.status);
    assertTrue(none.out.contains("no run database at"), none.out);
  }

  @Test
  void simRouteRefusesAnUnknownRouteNamingTheKnownOnes() {
    Cli c =
        Cli.run(
            "sim",
            "--scenario",
            "flat-walk",
            "--route",
            "nope",
            "--db",
            dir.resolve("r.db").toString());
    assertTrue(c.status != 0);
    assertTrue(
        c.err.contains(
            "unknown route 'nope': known routes are [equipment-run, equipment-run-full]"),
        c.err);
  }
}
