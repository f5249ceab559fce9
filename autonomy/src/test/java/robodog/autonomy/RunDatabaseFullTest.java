package robodog.autonomy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The disk under the run database fills during a run (another writer takes the last pages): the run
 * holds where it is with one {@code state/error} naming the file and why, instead of walking on
 * unrecorded; once space is back the operators are told and a resume completes the run.
 */
class RunDatabaseFullTest {
  private static final long CAP = 256 * 1024;
  @TempDir Path dir;

  @Test
  void aRunHoldsWhileTheDatabaseIsFullAndResumesAfter() throws Exception {
    Path f = dir.resolve("runs.db");
    try (Bench b = new Bench(f, CAP);
        Connection other = DriverManager.getConnection("jdbc:sqlite:" + f);
        Statement s = other.createStatement()) {
      b.db.saveRoute(Routes.ell("ell"), "test", false);
      b.send("{\"seq\":SEQ,\"op\":\"dispatch\",\"route\":\"ell\"}");
      b.run(3);
      assertEquals(RunState.RUNNING, b.svc.mission().state(), b.errors.toString());
      // Someone else fills the file up to the cap, in the very table the run writes its path to
      // (rows marked t_s = -1), so the run's next sample needs a page there is no room for.
      s.execute("PRAGMA busy_timeout = 5000");
      s.execute("PRAGMA max_page_count = " + CAP / 4096);
      try (PreparedStatement p =
          other.prepareStatement("INSERT INTO run_samples VALUES (?, -1, 0, 0, 0)")) {
        p.setLong(1, b.svc.runId());
        for (int i = 0; i < 1_000_000; i++) {
          try {
            p.executeUpdate();
          } catch (SQLException e) {
            if (e.getMessage().contains("SQLITE_FULL")) {
              break;
            }
          }
        }
      }
      int before = b.errors.size();
      double walked = b.svc.mission().distanceWalkedM();
      b.run(3);
      assertEquals(RunState.PAUSED, b.svc.mission().state(), "holds: " + b.errors);
      assertTrue(b.plant.speed() < 0.005, "standing still");
      assertEquals(before + 1, b.errors.size(), "told once: " + b.errors);
      String why = b.errors.get(before);
      assertTrue(why.startsWith("run database " + f + ": "), why);
      assertTrue(
          why.contains("full") && why.contains("holds until the database takes writes"), why);
      s.execute("DELETE FROM run_samples WHERE t_s = -1");
      b.run(1.5);
      assertTrue(
          b.errors.get(b.errors.size() - 1).startsWith("run database writable again"),
          b.errors.toString());
      b.send("{\"seq\":SEQ,\"op\":\"resume\"}");
      assertTrue(b.runUntilDone(120), "completed after resume: " + b.errors);
      assertTrue(walked > 0.2, "it had walked before the disk filled: " + walked);
      assertEquals("completed", b.db.history(1).get(0).outcome());
    }
  }
}
