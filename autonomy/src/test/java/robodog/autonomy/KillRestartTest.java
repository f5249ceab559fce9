package robodog.autonomy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import robodog.autonomy.store.ActiveRun;
import robodog.autonomy.store.RunDatabase;

/**
 * kill -9 mid-run (a real child JVM, destroyForcibly while it commits): the database is intact, the
 * run shows as interrupted, the robot stands still after the restart, and a resume completes it.
 */
class KillRestartTest {
  @TempDir Path dir;

  @Test
  void killedMidRunRestartsPausedAndResumeCompletes() throws Exception {
    Path db = dir.resolve("runs.db");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p =
        new ProcessBuilder(
                java,
                "-cp",
                System.getProperty("java.class.path"),
                KillChild.class.getName(),
                db.toString())
            .redirectErrorStream(true)
            .start();
    int waypoint = -1;
    try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream()))) {
      for (String line; (line = r.readLine()) != null; ) {
        if (line.startsWith("saved ")) {
          waypoint = Integer.parseInt(line.substring(6));
          if (waypoint >= 4) {
            break;
          }
        } else {
          throw new AssertionError("child: " + line);
        }
      }
      p.destroyForcibly();
      assertTrue(p.waitFor(10, TimeUnit.SECONDS));
    }
    assertTrue(waypoint >= 4, "child got under way");
    assertTrue(new File(db + "-wal").exists(), "killed with a live write-ahead log");

    try (Bench b = new Bench(db)) {
      assertEquals("ok", b.db.integrityCheck());
      ActiveRun a = b.db.activeRun().orElseThrow();
      assertTrue(a.nextWaypoint() >= 3, "progress saved: " + a.nextWaypoint());
      // Restarted robot: odometry starts from zero; put the plant where the run said it was.
      b.plant.x = 0;
      b.plant.y = 0;
      b.plant.yaw = 0;
      b.lease.holder = null;
      b.run(10);
      assertEquals(RunState.INTERRUPTED, b.svc.mission().state());
      assertEquals("interrupted", b.db.history(1).get(0).state());
      assertTrue(Math.hypot(b.plant.x, b.plant.y) < 1e-9, "never walks off by itself");
      assertTrue(b.states.get(b.states.size() - 1).contains("\"state\":\"interrupted\""));
      // A resume without the lease is refused; with it, the run completes from where it was.
      b.send("{\"seq\":SEQ,\"op\":\"resume\"}");
      assertTrue(b.errors.get(0).contains("does not hold the control lease"), b.errors.toString());
      b.lease.holder = "tablet";
      b.send("{\"seq\":SEQ,\"op\":\"resume\"}");
      assertEquals(1, b.errors.size(), b.errors.toString());
      assertTrue(b.runUntilDone(120));
      var run = b.db.history(1).get(0);
      assertEquals(a.run().id(), run.id());
      assertEquals("completed", run.outcome());
      assertTrue(b.db.incidents(run.id()).stream().anyMatch(i -> i.kind().equals("interrupted")));
      // Route frame: the plant started at the saved pose, so the end is 2 m left of that corner
      // minus what was already done; check the run ended at the route's last waypoint.
      double ex = 3 - a.x();
      double ey = 2 - a.y();
      assertTrue(
          Math.hypot(b.plant.x - ex, b.plant.y - ey) < 0.2,
          "ended at the last waypoint: " + b.plant.x + ", " + b.plant.y);
    }
  }

  @Test
  void aNewerSchemaIsRefusedWithAClearMessage() throws Exception {
    Path f = dir.resolve("future.db");
    try (RunDatabase d = RunDatabase.open(f)) {
      assertEquals(4, d.schemaVersion());
    }
    try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + f);
        var s = c.createStatement()) {
      s.execute("PRAGMA user_version = 99");
    }
    IllegalStateException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            IllegalStateException.class, () -> RunDatabase.open(f));
    assertTrue(
        e.getMessage().contains("schema version 99 is newer than this robodog knows (4)"),
        e.getMessage());
  }

  @Test
  void walAndForeignKeysAreOn() throws Exception {
    try (RunDatabase d = RunDatabase.open(dir.resolve("a.db"))) {
      d.saveRoute(Routes.ell("r"), "test", false);
      assertThrowsState(
          () -> d.addIncident(12345, new robodog.autonomy.store.Incident(0, "x", "y")));
      org.junit.jupiter.api.Assertions.assertThrows(
          IllegalArgumentException.class, () -> d.saveRoute(Routes.ell("r"), "test", false));
      assertEquals(11, d.route("r").orElseThrow().waypoints().size());
    }
    try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("a.db"));
        var s = c.createStatement();
        var rs = s.executeQuery("PRAGMA journal_mode")) {
      assertEquals("wal", rs.getString(1));
    }
  }

  private static void assertThrowsState(org.junit.jupiter.api.function.Executable e) {
    org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class, e);
  }
}
