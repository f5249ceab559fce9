package robodog.autonomy.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import robodog.autonomy.Route;

/**
 * The robot's memory of routes and runs: one SQLite file in WAL mode with foreign keys on and the
 * schema brought up to date by {@link Migrations}. Every change that belongs together is one
 * transaction, so a kill at any instant leaves either the old or the new state.
 *
 * <p>This class opens the file, writes the run lifecycle (start, progress, incidents, finish) and
 * is the one public entry point; routes live in {@link RouteTable} and run reads in {@link
 * RunQueries}, all sharing one connection and lock through {@link Sql}.
 *
 * <p>Threading: every method holds that one lock; call from the autonomy thread or the MQTT
 * callbacks, never the control thread (writes take milliseconds).
 */
public final class RunDatabase implements AutoCloseable {
  private final Sql sql;
  private final RouteTable routes;
  private final RunQueries queries;
  private final SegmentTable segments;

  private RunDatabase(Sql sql) {
    this.sql = sql;
    this.routes = new RouteTable(sql);
    this.queries = new RunQueries(sql);
    this.segments = new SegmentTable(sql);
  }

  /**
   * Opens (creating if needed) the database at {@code file} and migrates it.
   *
   * @throws IllegalStateException naming the file and the problem (newer schema, not a database)
   */
  public static RunDatabase open(Path file) {
    return open(file, 0);
  }

  /**
   * As {@link #open(Path)}, with the file capped at about {@code maxBytes} (0: no cap; SQLite's
   * {@code max_page_count}): past it a write fails as on a full disk ("database or disk is full")
   * and nothing already stored is touched. Keeps a long-running robot from filling its SD card.
   */
  public static RunDatabase open(Path file, long maxBytes) {
    String source = file.toString();
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
      try (Statement s = c.createStatement()) {
        // Read-only checks first: a newer or damaged file is refused before anything (even the
        // journal mode, which lives in the file's header) is written to it.
        Migrations.refuseNewer(c, source);
        quickCheck(s, source);
        s.execute("PRAGMA foreign_keys = ON");
        s.execute("PRAGMA journal_mode = WAL");
        // NORMAL in WAL: a power cut may lose the last commits but never corrupts the file.
        s.execute("PRAGMA synchronous = NORMAL");
        s.execute("PRAGMA busy_timeout = 5000");
        Migrations.apply(c, source);
        if (maxBytes > 0) {
          long page = 4096;
          try (ResultSet rs = s.executeQuery("PRAGMA page_size")) {
            page = rs.getLong(1);
          }
          s.execute("PRAGMA max_page_count = " + Math.max(1, maxBytes / page));
        }
      } catch (SQLException e) {
        c.close();
        throw e;
      }
      return new RunDatabase(new Sql(c, source));
    } catch (SQLException | java.io.IOException e) {
      throw new IllegalStateException("run database " + source + ": " + e.getMessage(), e);
    }
  }

  /**
   * SQLite's {@code quick_check} (page structure, no index cross-check: milliseconds for a run
   * database): a damaged file is refused with its first complaint rather than found half-way
   * through a run.
   */
  private static void quickCheck(Statement s, String source) throws SQLException {
    try (ResultSet rs = s.executeQuery("PRAGMA quick_check(1)")) {
      String r = rs.next() ? rs.getString(1) : "no answer";
      if (!"ok".equals(r)) {
        throw new SQLException(
            "damaged (SQLite quick_check: " + r + "); expected a sound SQLite run database");
      }
    }
  }

  /** The schema version of the open file. */
  public int schemaVersion() {
    return sql.read(() -> sql.queryInt("PRAGMA user_version"));
  }

  /** {@code PRAGMA integrity_check}: "ok" when the file is sound. */
  public String integrityCheck() {
    return sql.read(
        () -> {
          try (Statement s = sql.c.createStatement();
              ResultSet rs = s.executeQuery("PRAGMA integrity_check")) {
            return rs.getString(1);
          }
        });
  }

  /** Stores a route; {@code replace} overwrites one of the same name, else that is refused. */
  public void saveRoute(Route r, String sourceLabel, boolean replace) {
    routes.save(r, sourceLabel, replace);
  }

  /** The route of that name, if stored. */
  public Optional<Route> route(String name) {
    return routes.get(name);
  }

  /** Route names, alphabetical. */
  public List<String> routeNames() {
    return routes.names();
  }

  /**
   * Records a dispatched run and makes it the active one, in one transaction.
   *
   * @return the run id
   * @throws IllegalStateException if another run is active
   */
  public long startRun(
      String route,
      String by,
      long nowMs,
      String payloadJson,
      String profile,
      String commsLoss,
      double commsTimeoutS,
      double commsRadiusM,
      double x,
      double y,
      double yaw) {
    return sql.tx(
        () -> {
          if (sql.queryInt("SELECT count(*) FROM active_run") > 0) {
            throw new IllegalStateException("another run is in progress");
          }
          Long rid = routes.id(route);
          if (rid == null) {
            throw new IllegalArgumentException("unknown route '" + route + "'");
          }
          sql.update(
              "INSERT INTO runs(route_id, dispatched_by, dispatched_ms, payload_json, profile,"
                  + " comms_loss, comms_timeout_s, comms_radius_m, state)"
                  + " VALUES (?,?,?,?,?,?,?,?,'running')",
              rid,
              by,
              nowMs,
              payloadJson,
              profile,
              commsLoss,
              commsTimeoutS,
              commsRadiusM);
          long id = sql.queryLong("SELECT last_insert_rowid()");
          sql.update(
              "INSERT INTO active_run VALUES (1,?,0,'running',?,?,?,?)", id, x, y, yaw, nowMs);
          return id;
        });
  }

  /**
   * Saves the active run's progress and a path sample, in one transaction.
   *
   * @param tS seconds since dispatch
   */
  public void saveProgress(
      long runId,
      int nextWaypoint,
      String state,
      double distanceM,
      double durationS,
      double tS,
      double x,
      double y,
      double yaw,
      double speedMps,
      long nowMs) {
    sql.tx(
        () -> {
          sql.update(
              "UPDATE active_run SET next_waypoint=?, state=?, x=?, y=?, yaw=?, updated_ms=?"
                  + " WHERE run_id=?",
              nextWaypoint,
              state,
              x,
              y,
              yaw,
              nowMs,
              runId);
          sql.update(
              "UPDATE runs SET state=?, distance_m=?, duration_s=? WHERE id=?",
              state,
              distanceM,
              durationS,
              runId);
          sql.update("INSERT INTO run_samples VALUES (?,?,?,?,?)", runId, tS, x, y, speedMps);
          return null;
        });
  }

  /** Sets the active run's state (e.g. interrupted after a restart) without a sample. */
  public void setState(long runId, String state) {
    sql.tx(
        () -> {
          sql.exec(
              "UPDATE active_run SET state = '"
                  + state.replace("'", "")
                  + "' WHERE run_id = "
                  + runId);
          sql.exec("UPDATE runs SET state = '" + state.replace("'", "") + "' WHERE id = " + runId);
          return null;
        });
  }

  /** Appends an incident to a run. */
  public void addIncident(long runId, Incident i) {
    sql.tx(
        () -> {
          sql.update(
              "INSERT INTO incidents(run_id, t_s, kind, detail) VALUES (?,?,?,?)",
              runId,
              i.tS(),
              i.kind(),
              i.detail());
          return null;
        });
  }

  /** Ends a run with an outcome (completed, aborted, failed) and clears the active slot. */
  public void finishRun(
      long runId, String outcome, double distanceM, double durationS, long nowMs) {
    sql.tx(
        () -> {
          sql.update(
              "UPDATE runs SET state=?, outcome=?, distance_m=?, duration_s=?, ended_ms=?"
                  + " WHERE id=?",
              outcome,
              outcome,
              distanceM,
              durationS,
              nowMs,
              runId);
          sql.exec("DELETE FROM active_run WHERE run_id = " + runId);
          return null;
        });
  }

  /** The run in progress as last saved, if any. */
  public Optional<ActiveRun> activeRun() {
    return queries.activeRun();
  }

  /** A run's comms-loss timeout (s) and radius (m); 2 s and 3 m when the run is unknown. */
  public double[] commsLossLimits(long runId) {
    return queries.commsLossLimits(runId);
  }

  /** One run by id. */
  public Optional<RunRecord> run(long id) {
    return queries.run(id);
  }

  /** The newest {@code limit} runs, newest first. */
  public List<RunRecord> history(int limit) {
    return queries.history(limit);
  }

  /** A run's incidents in time order. */
  public List<Incident> incidents(long runId) {
    return queries.incidents(runId);
  }

  /** A run's path samples in time order. */
  public List<Sample> samples(long runId) {
    return queries.samples(runId);
  }

  /** Per-segment results of repeated runs (route learning). */
  public SegmentTable segments() {
    return segments;
  }

  @Override
  public void close() {
    sql.read(
        () -> {
          sql.c.close();
          return null;
        });
  }
}
