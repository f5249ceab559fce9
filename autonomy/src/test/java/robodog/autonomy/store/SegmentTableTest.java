package robodog.autonomy.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Route learning's results survive a reopen, an old database keeps its rows, bad rows are refused.
 */
class SegmentTableTest {
  @TempDir Path dir;

  static SegmentResult result(long run, int seg, String arm, double cost) {
    return new SegmentResult(run, "r", "abc123", seg, 3, 0, arm, 1.2, 6.0, cost, false, 0, 0.01);
  }

  @Test
  void resultsSurviveAReopenAndStayApartByKey() {
    Path f = dir.resolve("a.db");
    try (RunDatabase d = RunDatabase.open(f)) {
      d.segments().add(result(1, 0, "s1.00/h-own", 1.2));
      d.segments().add(result(2, 0, "s1.00/h0.030", 1.0));
      d.segments()
          .add(new SegmentResult(3, "r", "abc123", 0, 4, 0, "s1.00/h-own", 1, 6, 1, false, 0, 0));
      d.segments()
          .add(new SegmentResult(4, "r", "abc123", 0, 3, 1, "s1.00/h-own", 1, 6, 1, false, 0, 0));
    }
    try (RunDatabase d = RunDatabase.open(f)) {
      var l = d.segments().results("r", "abc123", 3, 0);
      assertEquals(2, l.size(), "another mass class or failed leg is a separate estimate");
      assertEquals(result(1, 0, "s1.00/h-own", 1.2), l.get(0));
      assertEquals(result(2, 0, "s1.00/h0.030", 1.0), l.get(1));
      assertEquals(4, d.segments().results("r").size());
      assertEquals(0, d.segments().results("r", "other", 3, 0).size(), "a re-taught route");
    }
  }

  @Test
  void badRowsAreRefusedWithWhatWasWrong() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                new SegmentResult(
                    1, "r", "h", 0, 0, 0, "s1.00/h-own", Double.NaN, 6, 1, false, 0, 0));
    assertTrue(e.getMessage().contains("rms"), e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class,
            () -> new SegmentResult(1, "r", "h", -1, 0, 0, "a", 1, 6, 1, false, 0, 0));
    assertTrue(e.getMessage().contains("segment"), e.getMessage());
  }

  @Test
  void aVersion3DatabaseMigratesKeepingEveryRow() throws Exception {
    Path f = dir.resolve("old.db");
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + f);
        Statement s = c.createStatement()) {
      for (int v = 0; v < 3; v++) {
        for (String sql : Migrations.STEPS.get(v)) {
          s.executeUpdate(sql);
        }
      }
      s.executeUpdate("PRAGMA user_version = 3");
      s.executeUpdate("INSERT INTO routes VALUES (1, 'old', 0, 'test')");
      s.executeUpdate("INSERT INTO waypoints VALUES (1, 0, -1, 0, 0, 0.2)");
      s.executeUpdate("INSERT INTO waypoints VALUES (1, 1, -1, 1, 0, 0.2)");
      for (int i = 1; i <= 3; i++) {
        s.executeUpdate(
            "INSERT INTO runs(id, route_id, dispatched_by, dispatched_ms, payload_json, profile,"
                + " comms_loss, state, outcome, comms_timeout_s) VALUES ("
                + i
                + ", 1, 'tablet', 5, '{}', 'brisk', 'stop_and_wait', 'completed', 'completed',"
                + " 4.5)");
        s.executeUpdate(
            "INSERT INTO incidents(run_id, t_s, kind, detail) VALUES ("
                + i
                + ", 1,"
                + " 'waypoint', 'x')");
      }
    }
    try (RunDatabase d = RunDatabase.open(f)) {
      assertEquals(Migrations.LATEST, d.schemaVersion());
      assertEquals(3, d.history(10).size());
      assertEquals(2, d.route("old").orElseThrow().waypoints().size());
      for (int i = 1; i <= 3; i++) {
        assertEquals(1, d.incidents(i).size());
        assertEquals(4.5, d.commsLossLimits(i)[0], 0);
      }
      assertEquals(0, d.segments().results("old").size());
      d.segments().add(result(3, 0, "s1.00/h-own", 1));
      assertEquals("ok", d.integrityCheck());
    }
  }
}
