package robodog.autonomy.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The run database's schema as a versioned list of steps. Version {@code n} is reached by applying
 * step {@code n-1}; the version lives in SQLite's {@code PRAGMA user_version}. All pending steps
 * run in one transaction, so a crash mid-migration leaves the old schema. A database newer than
 * this code is refused rather than guessed at. Append new steps; never edit a shipped one.
 */
final class Migrations {
  static final List<String[]> STEPS =
      List.of(
          new String[] {
            "CREATE TABLE routes(id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE,"
                + " created_ms INTEGER NOT NULL, source TEXT NOT NULL)",
            "CREATE TABLE waypoints(route_id INTEGER NOT NULL REFERENCES routes(id) ON DELETE"
                + " CASCADE, idx INTEGER NOT NULL, marker_id INTEGER NOT NULL, x REAL NOT NULL,"
                + " y REAL NOT NULL, tolerance_m REAL NOT NULL CHECK (tolerance_m > 0),"
                + " PRIMARY KEY(route_id, idx))",
            "CREATE TABLE landmarks(route_id INTEGER NOT NULL REFERENCES routes(id) ON DELETE"
                + " CASCADE, marker_id INTEGER NOT NULL, x REAL NOT NULL, y REAL NOT NULL,"
                + " PRIMARY KEY(route_id, marker_id))",
            "CREATE TABLE breadcrumbs(route_id INTEGER NOT NULL REFERENCES routes(id) ON DELETE"
                + " CASCADE, idx INTEGER NOT NULL, t_s REAL NOT NULL, x REAL NOT NULL,"
                + " y REAL NOT NULL, yaw REAL NOT NULL, markers TEXT NOT NULL, terrain TEXT,"
                + " PRIMARY KEY(route_id, idx))",
            "CREATE TABLE runs(id INTEGER PRIMARY KEY, route_id INTEGER NOT NULL REFERENCES"
                + " routes(id), dispatched_by TEXT NOT NULL, dispatched_ms INTEGER NOT NULL,"
                + " payload_json TEXT NOT NULL, profile TEXT NOT NULL, comms_loss TEXT NOT NULL,"
                + " state TEXT NOT NULL, outcome TEXT, distance_m REAL NOT NULL DEFAULT 0,"
                + " duration_s REAL NOT NULL DEFAULT 0, ended_ms INTEGER)",
            "CREATE TABLE incidents(id INTEGER PRIMARY KEY, run_id INTEGER NOT NULL REFERENCES"
                + " runs(id) ON DELETE CASCADE, t_s REAL NOT NULL, kind TEXT NOT NULL,"
                + " detail TEXT NOT NULL)",
            "CREATE TABLE run_samples(run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE"
                + " CASCADE, t_s REAL NOT NULL, x REAL NOT NULL, y REAL NOT NULL,"
                + " speed_mps REAL NOT NULL)",
            // At most one run in progress: the row a restart finds and shows as interrupted.
            "CREATE TABLE active_run(id INTEGER PRIMARY KEY CHECK (id = 1), run_id INTEGER NOT"
                + " NULL UNIQUE REFERENCES runs(id), next_waypoint INTEGER NOT NULL,"
                + " state TEXT NOT NULL, x REAL NOT NULL, y REAL NOT NULL, yaw REAL NOT NULL,"
                + " updated_ms INTEGER NOT NULL)",
          },
          new String[] {
            "CREATE INDEX runs_by_time ON runs(dispatched_ms)",
            "CREATE INDEX samples_by_run ON run_samples(run_id, t_s)",
            "CREATE INDEX incidents_by_run ON incidents(run_id, t_s)",
          },
          // 3: the comms-loss timeout and radius of each run, so a resumed run keeps them.
          new String[] {
            "ALTER TABLE runs ADD COLUMN comms_timeout_s REAL NOT NULL DEFAULT 2.0",
            "ALTER TABLE runs ADD COLUMN comms_radius_m REAL NOT NULL DEFAULT 3.0",
          },
          // 4: what each run measured per route segment with the setting it walked (route
          // learning).
          new String[] {
            "CREATE TABLE segment_results(id INTEGER PRIMARY KEY, run_id INTEGER NOT NULL,"
                + " route TEXT NOT NULL, route_hash TEXT NOT NULL, segment INTEGER NOT NULL CHECK"
                + " (segment >= 0), mass_class INTEGER NOT NULL, failed_mask INTEGER NOT NULL,"
                + " arm TEXT NOT NULL, rms_mps2 REAL NOT NULL CHECK (rms_mps2 >= 0), time_s REAL"
                + " NOT NULL CHECK (time_s > 0), cost REAL NOT NULL, fell INTEGER NOT NULL,"
                + " recoveries INTEGER NOT NULL, slip_mps REAL NOT NULL)",
            "CREATE INDEX segment_results_by_key ON segment_results(route, route_hash,"
                + " mass_class, failed_mask, segment)",
          });

  /** The schema version this code writes. */
  static final int LATEST = STEPS.size();

  private Migrations() {}

  /**
   * Brings {@code c} to {@link #LATEST}.
   *
   * @throws SQLException when the database is newer than this code, naming both versions
   */
  static void apply(Connection c, String source) throws SQLException {
    int have = refuseNewer(c, source);
    if (have == LATEST) {
      return;
    }
    migrate(c, source, have);
  }

  /**
   * Reads the file's schema version without writing anything.
   *
   * @return the version
   * @throws SQLException when it is newer than this code, naming both versions
   */
  static int refuseNewer(Connection c, String source) throws SQLException {
    int have;
    try (Statement s = c.createStatement();
        var rs = s.executeQuery("PRAGMA user_version")) {
      have = rs.getInt(1);
    }
    if (have > LATEST) {
      throw new SQLException(
          source
              + ": schema version "
              + have
              + " is newer than this robodog knows ("
              + LATEST
              + "); refusing to open it. Run a newer robodog, or move the file aside to start a"
              + " fresh database.");
    }
    return have;
  }

  private static void migrate(Connection c, String source, int have) throws SQLException {
    boolean auto = c.getAutoCommit();
    c.setAutoCommit(false);
    try (Statement s = c.createStatement()) {
      for (int v = have; v < LATEST; v++) {
        for (String sql : STEPS.get(v)) {
          s.executeUpdate(sql);
        }
      }
      s.executeUpdate("PRAGMA user_version = " + LATEST);
      c.commit();
    } catch (SQLException e) {
      c.rollback();
      throw new SQLException(
          source + ": schema migration failed, nothing changed: " + e.getMessage(), e);
    } finally {
      c.setAutoCommit(auto);
    }
  }
}
