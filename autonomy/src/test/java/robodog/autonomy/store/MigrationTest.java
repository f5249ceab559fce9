package robodog.autonomy.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A database written by an older robodog is brought up to date with its rows intact. */
class MigrationTest {
  @TempDir Path dir;

  @Test
  void aVersion2DatabaseMigratesKeepingItsRuns() throws Exception {
    Path f = dir.resolve("old.db");
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + f);
        Statement s = c.createStatement()) {
      for (int v = 0; v < 2; v++) {
        for (String sql : Migrations.STEPS.get(v)) {
          s.executeUpdate(sql);
        }
      }
      s.executeUpdate("PRAGMA user_version = 2");
      s.executeUpdate("INSERT INTO routes VALUES (1, 'old', 0, 'test')");
      s.executeUpdate("INSERT INTO waypoints VALUES (1, 0, -1, 0, 0, 0.2)");
      s.executeUpdate(
          "INSERT INTO runs(id, route_id, dispatched_by, dispatched_ms, payload_json, profile,"
              + " comms_loss, state, outcome) VALUES (7, 1, 'tablet', 5, '{}', 'brisk',"
              + " 'stop_and_wait', 'completed', 'completed')");
    }
    try (RunDatabase d = RunDatabase.open(f)) {
      assertEquals(Migrations.LATEST, d.schemaVersion());
      assertEquals("completed", d.run(7).orElseThrow().outcome());
      assertArrayEquals(new double[] {2.0, 3.0}, d.commsLossLimits(7), 0);
      assertEquals("ok", d.integrityCheck());
    }
  }

  @Test
  void aFailedMigrationChangesNothing() throws Exception {
    Path f = dir.resolve("clash.db");
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + f);
        Statement s = c.createStatement()) {
      // A table in the way of step 1: the migration must fail as a whole.
      s.executeUpdate("CREATE TABLE incidents(x)");
    }
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> RunDatabase.open(f));
    assertTrue(e.getMessage().contains("schema migration failed, nothing changed"), e.getMessage());
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + f);
        Statement s = c.createStatement();
        var rs = s.executeQuery("SELECT count(*) FROM sqlite_master WHERE name = 'routes'")) {
      assertEquals(0, rs.getInt(1), "no half-applied schema");
    }
  }
}
