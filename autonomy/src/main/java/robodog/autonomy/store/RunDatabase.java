package robodog.autonomy.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import robodog.autonomy.Breadcrumb;
import robodog.autonomy.Landmark;
import robodog.autonomy.Route;
import robodog.autonomy.Waypoint;

/**
 * The robot's memory of routes and runs: one SQLite file in WAL mode with foreign keys on and the
 * schema brought up to date by {@link Migrations}. Every change that belongs together is one
 * transaction, so a kill at any instant leaves either the old or the new state.
 *
 * <p>Threading: all methods are synchronized on one connection; call from the autonomy thread or
 * the MQTT callbacks, never the control thread (writes take milliseconds).
 */
public final class RunDatabase implements AutoCloseable {
  private final Connection c;
  private final String source;

  private RunDatabase(Connection c, String source) {
    this.c = c;
    this.source = source;
  }

  /**
   * Opens (creating if needed) the database at {@code file} and migrates it.
   *
   * @throws IllegalStateException naming the file and the problem (newer schema, not a database)
   */
  public static RunDatabase open(Path file) {
    String source = file.toString();
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
      try (Statement s = c.createStatement()) {
        s.execute("PRAGMA foreign_keys = ON");
        s.execute("PRAGMA journal_mode = WAL");
        // NORMAL in WAL: a power cut may lose the last commits but never corrupts the file.
        s.execute("PRAGMA synchronous = NORMAL");
        s.execute("PRAGMA busy_timeout = 5000");
        Migrations.apply(c, source);
      } catch (SQLException e) {
        c.close();
        throw e;
      }
      return new RunDatabase(c, source);
    } catch (SQLException | java.io.IOException e) {
      throw new IllegalStateException("run database " + source + ": " + e.getMessage(), e);
    }
  }

  /** The schema version of the open file. */
  public synchronized int schemaVersion() {
    return queryInt("PRAGMA user_version");
  }

  /** {@code PRAGMA integrity_check}: "ok" when the file is sound. */
  public synchronized String integrityCheck() {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("PRAGMA integrity_check")) {
      return rs.getString(1);
    } catch (SQLException e) {
      throw fail(e);
    }
  }

  /** Stores a route; {@code replace} overwrites one of the same name, else that is refused. */
  public synchronized void saveRoute(Route r, String sourceLabel, boolean replace) {
    tx(
        () -> {
          Long old = routeId(r.name());
          if (old != null) {
            if (!replace) {
              throw new IllegalArgumentException("route '" + r.name() + "' already exists");
            }
            if (queryInt("SELECT count(*) FROM runs WHERE route_id = " + old) > 0) {
              // Runs keep pointing at their route; replace its content in place.
              exec("DELETE FROM waypoints WHERE route_id = " + old);
              exec("DELETE FROM landmarks WHERE route_id = " + old);
              exec("DELETE FROM breadcrumbs WHERE route_id = " + old);
            } else {
              exec("DELETE FROM routes WHERE id = " + old);
              old = null;
            }
          }
          long id;
          if (old == null) {
            try (PreparedStatement p =
                c.prepareStatement("INSERT INTO routes(name, created_ms, source) VALUES (?,?,?)")) {
              p.setString(1, r.name());
              p.setLong(2, r.createdMs());
              p.setString(3, sourceLabel);
              p.executeUpdate();
            }
            id = routeId(r.name());
          } else {
            id = old;
          }
          try (PreparedStatement p =
              c.prepareStatement("INSERT INTO waypoints VALUES (?,?,?,?,?,?)")) {
            for (int i = 0; i < r.waypoints().size(); i++) {
              Waypoint w = r.waypoints().get(i);
              p.setLong(1, id);
              p.setInt(2, i);
              p.setInt(3, w.markerId());
              p.setDouble(4, w.x());
              p.setDouble(5, w.y());
              p.setDouble(6, w.toleranceM());
              p.addBatch();
            }
            p.executeBatch();
          }
          try (PreparedStatement p = c.prepareStatement("INSERT INTO landmarks VALUES (?,?,?,?)")) {
            for (Landmark l : r.landmarks()) {
              p.setLong(1, id);
              p.setInt(2, l.markerId());
              p.setDouble(3, l.x());
              p.setDouble(4, l.y());
              p.addBatch();
            }
            p.executeBatch();
          }
          try (PreparedStatement p =
              c.prepareStatement("INSERT INTO breadcrumbs VALUES (?,?,?,?,?,?,?,?)")) {
            for (int i = 0; i < r.breadcrumbs().size(); i++) {
              Breadcrumb b = r.breadcrumbs().get(i);
              p.setLong(1, id);
              p.setInt(2, i);
              p.setDouble(3, b.tS());
              p.setDouble(4, b.x());
              p.setDouble(5, b.y());
              p.setDouble(6, b.yaw());
              p.setString(7, joinInts(b.markers()));
              p.setString(8, b.terrain());
              p.addBatch();
            }
            p.executeBatch();
          }
          return null;
        });
  }

  /** The route of that name, if stored. */
  public synchronized Optional<Route> route(String name) {
    try {
      Long id = routeId(name);
      if (id == null) {
        return Optional.empty();
      }
      long created = queryLong("SELECT created_ms FROM routes WHERE id = " + id);
      List<Waypoint> wps = new ArrayList<>();
      try (Statement s = c.createStatement();
          ResultSet rs =
              s.executeQuery(
                  "SELECT marker_id, x, y, tolerance_m FROM waypoints WHERE route_id = "
                      + id
                      + " ORDER BY idx")) {
        while (rs.next()) {
          wps.add(new Waypoint(rs.getInt(1), rs.getDouble(2), rs.getDouble(3), rs.getDouble(4)));
        }
      }
      List<Landmark> lms = new ArrayList<>();
      try (Statement s = c.createStatement();
          ResultSet rs =
              s.executeQuery(
                  "SELECT marker_id, x, y FROM landmarks WHERE route_id = "
                      + id
                      + " ORDER BY marker_id")) {
        while (rs.next()) {
          lms.add(new Landmark(rs.getInt(1), rs.getDouble(2), rs.getDouble(3)));
        }
      }
      List<Breadcrumb> bcs = new ArrayList<>();
      try (Statement s = c.createStatement();
          ResultSet rs =
              s.executeQuery(
                  "SELECT t_s, x, y, yaw, markers, terrain FROM breadcrumbs WHERE route_id = "
                      + id
                      + " ORDER BY idx")) {
        while (rs.next()) {
          bcs.add(
              new Breadcrumb(
                  rs.getDouble(1),
                  rs.getDouble(2),
                  rs.getDouble(3),
                  rs.getDouble(4),
                  splitInts(rs.getString(5)),
                  rs.getString(6)));
        }
      }
      return Optional.of(new Route(name, created, wps, lms, bcs));
    } catch (SQLException e) {
      throw fail(e);
    }
  }

  /** Route names, alphabetical. */
  public synchronized List<String> routeNames() {
    List<String> out = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT name FROM routes ORDER BY name")) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
      return out;
    } catch (SQLException e) {
      throw fail(e);
    }
  }

  /**
   * Records a dispatched run and makes it the active one, in one transaction.
   *
   * @return the run id
   * @throws IllegalStateException if another run is active
   */
  public synchronized long startRun(
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
    return tx(
        () -> {
          if (queryInt("SELECT count(*) FROM active_run") > 0) {
            throw new IllegalStateException("another run is in progress");
          }
          Long rid = routeId(route);
          if (rid == null) {
            throw new IllegalArgumentException("unknown route '" + route + "'");
          }
          try (PreparedStatement p =
              c.prepareStatement(
                  "INSERT INTO runs(route_id, dispatched_by, dispatched_ms, payload_json, profile,"
                      + " comms_loss, comms_timeout_s, comms_radius_m, state)"
                      + " VALUES (?,?,?,?,?,?,?,?,'running')")) {
            p.setLong(1, rid);
            p.setString(2, by);
            p.setLong(3, nowMs);
            p.setString(4, payloadJson);
            p.setString(5, profile);
            p.setString(6, commsLoss);
            p.setDouble(7, commsTimeoutS);
            p.setDouble(8, commsRadiusM);
            p.executeUpdate();
          }
          long id = queryLong("SELECT last_insert_rowid()");
          try (PreparedStatement p =
              c.prepareStatement("INSERT INTO active_run VALUES (1,?,0,'running',?,?,?,?)")) {
            p.setLong(1, id);
            p.setDouble(2, x);
            p.setDouble(3, y);
            p.setDouble(4, yaw);
            p.setLong(5, nowMs);
            p.executeUpdate();
          }
          return id;
        });
  }

  /**
   * Saves the active run's progress and a path sample, in one transaction.
   *
   * @param tS seconds since dispatch
   */
  public synchronized void saveProgress(
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
    tx(
        () -> {
          try (PreparedStatement p =
              c.prepareStatement(
                  "UPDATE active_run SET next_waypoint=?, state=?, x=?, y=?, yaw=?, updated_ms=?"
                      + " WHERE run_id=?")) {
            p.setInt(1, nextWaypoint);
            p.setString(2, state);
            p.setDouble(3, x);
            p.setDouble(4, y);
            p.setDouble(5, yaw);
            p.setLong(6, nowMs);
            p.setLong(7, runId);
            p.executeUpdate();
          }
          try (PreparedStatement p =
              c.prepareStatement(
                  "UPDATE runs SET state=?, distance_m=?, duration_s=? WHERE id=?")) {
            p.setString(1, state);
            p.setDouble(2, distanceM);
            p.setDouble(3, durationS);
            p.setLong(4, runId);
            p.executeUpdate();
          }
          try (PreparedStatement p =
              c.prepareStatement("INSERT INTO run_samples VALUES (?,?,?,?,?)")) {
            p.setLong(1, runId);
            p.setDouble(2, tS);
            p.setDouble(3, x);
            p.setDouble(4, y);
            p.setDouble(5, speedMps);
            p.executeUpdate();
          }
          return null;
        });
  }

  /** Sets the active run's state (e.g. interrupted after a restart) without a sample. */
  public synchronized void setState(long runId, String state) {
    tx(
        () -> {
          exec(
              "UPDATE active_run SET state = '"
                  + state.replace("'", "")
                  + "' WHERE run_id = "
                  + runId);
          exec("UPDATE runs SET state = '" + state.replace("'", "") + "' WHERE id = " + runId);
          return null;
        });
  }

  /** Appends an incident to a run. */
  public synchronized void addIncident(long runId, Incident i) {
    tx(
        () -> {
          try (PreparedStatement p =
              c.prepareStatement(
                  "INSERT INTO incidents(run_id, t_s, kind, detail) VALUES (?,?,?,?)")) {
            p.setLong(1, runId);
            p.setDouble(2, i.tS());
            p.setString(3, i.kind());
            p.setString(4, i.detail());
            p.executeUpdate();
          }
          return null;
        });
  }

  /** Ends a run with an outcome (completed, aborted, failed) and clears the active slot. */
  public synchronized void finishRun(
      long runId, String outcome, double distanceM, double durationS, long nowMs) {
    tx(
        () -> {
          try (PreparedStatement p =
              c.prepareStatement(
                  "UPDATE runs SET state=?, outcome=?, distance_m=?, duration_s=?, ended_ms=?"
                      + " WHERE id=?")) {
            p.setString(1, outcome);
            p.setString(2, outcome);
            p.setDouble(3, distanceM);
            p.setDouble(4, durationS);
            p.setLong(5, nowMs);
            p.setLong(6, runId);
            p.executeUpdate();
          }
          exec("DELETE FROM active_run WHERE run_id = " + runId);
          return null;
        });
  }

  /** The run in progress as last saved, if any. */
  public synchronized Optional<ActiveRun> activeRun() {
    try (Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT run_id, next_waypoint, state, x, y, yaw, updated_ms FROM active_run")) {
      if (!rs.next()) {
        return Optional.empty();
      }
      long id = rs.getLong(1);
      ActiveRun a =
          new ActiveRun(
              null,
              rs.getInt(2),
              rs.getString(3),
              rs.getDouble(4),
              rs.getDouble(5),
              rs.getDouble(6),
              rs.getLong(7));
      RunRecord r = run(id).orElseThrow();
      return Optional.of(
          new ActiveRun(r, a.nextWaypoint(), a.state(), a.x(), a.y(), a.yaw(), a.updatedMs()));
    } catch (SQLException e) {
      throw fail(e);
    }
  }

  /** A run's comms-loss timeout (s) and radius (m). */
  public synchronized double[] commsLossLimits(long runId) {
    try (Statement st = c.createStatement();
        ResultSet rs =
            st.executeQuery(
                "SELECT comms_timeout_s, comms_radius_m FROM runs WHERE id = " + runId)) {
      return rs.next() ? new double[] {rs.getDouble(1), rs.getDouble(2)} : new double[] {2, 3};
    } catch (SQLException e) {
      throw fail(e);
    }
  }

  /** One run by id. */
  public synchronized Optional<RunRecord> run(long id) {
    List<RunRecord> l = runs("WHERE r.id = " + id, 1);
    return l.isEmpty() ? Optional.empty() : Optional.of(l.get(0));
  }

  /** The newest {@code limit} runs, newest first. */
  public synchronized List<RunRecord> history(int limit) {
    return runs("", limit);
  }

  private List<RunRecord> runs(String where, int limit) {
    List<RunRecord> out = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT r.id, t.name, r.dispatched_by, r.dispatched_ms, r.payload_json, r.profile,"
                    + " r.comms_loss, r.state, r.outcome, r.distance_m, r.duration_s, r.ended_ms,"
                    + " (SELECT count(*) FROM incidents i WHERE i.run_id = r.id)"
                    + " FROM runs r JOIN routes t ON t.id = r.route_id "
                    + where
                    + " ORDER BY r.id DESC LIMIT "
                    + limit)) {
      while (rs.next()) {
        long ended = rs.getLong(12);
        Long endedMs = rs.wasNull() ? null : ended;
        out.add(
            new RunRecord(
                rs.getLong(1),
                rs.getString(2),
                rs.getString(3),
                rs.getLong(4),
                rs.getString(5),
                rs.getString(6),
                rs.getString(7),
                rs.getString(8),
                rs.getString(9),
                rs.getDouble(10),
                rs.getDouble(11),
                endedMs,
                rs.getInt(13)));
      }
      return out;
    } catch (SQLException e) {
      throw fail(e);
    }
  }

  /** A run's incidents in time order. */
  public synchronized List<Incident> incidents(long runId) {
    List<Incident> out = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT t_s, kind, detail FROM incidents WHERE run_id = "
                    + runId
                    + " ORDER BY id")) {
      while (rs.next()) {
        out.add(new Incident(rs.getDouble(1), rs.getString(2), rs.getString(3)));
      }
      return out;
    } catch (SQLException e) {
      throw fail(e);
    }
  }

  /** A run's path samples in time order. */
  public synchronized List<Sample> samples(long runId) {
    List<Sample> out = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT t_s, x, y, speed_mps FROM run_samples WHERE run_id = "
                    + runId
                    + " ORDER BY rowid")) {
      while (rs.next()) {
        out.add(new Sample(rs.getDouble(1), rs.getDouble(2), rs.getDouble(3), rs.getDouble(4)));
      }
      return out;
    } catch (SQLException e) {
      throw fail(e);
    }
  }

  @Override
  public synchronized void close() {
    try {
      c.close();
    } catch (SQLException e) {
      throw fail(e);
    }
  }

  @FunctionalInterface
  private interface Body<T> {
    T run() throws SQLException;
  }

  private <T> T tx(Body<T> body) {
    try {
      c.setAutoCommit(false);
      try {
        T t = body.run();
        c.commit();
        return t;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      } finally {
        c.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw fail(e);
    }
  }

  private Long routeId(String name) throws SQLException {
    try (PreparedStatement p = c.prepareStatement("SELECT id FROM routes WHERE name = ?")) {
      p.setString(1, name);
      try (ResultSet rs = p.executeQuery()) {
        return rs.next() ? rs.getLong(1) : null;
      }
    }
  }

  private void exec(String sql) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.executeUpdate(sql);
    }
  }

  private int queryInt(String sql) {
    return (int) queryLong(sql);
  }

  private long queryLong(String sql) {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      return rs.getLong(1);
    } catch (SQLException e) {
      throw fail(e);
    }
  }

  private IllegalStateException fail(SQLException e) {
    return new IllegalStateException("run database " + source + ": " + e.getMessage(), e);
  }

  private static String joinInts(List<Integer> l) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < l.size(); i++) {
      b.append(i == 0 ? "" : ",").append(l.get(i));
    }
    return b.toString();
  }

  private static List<Integer> splitInts(String s) {
    List<Integer> out = new ArrayList<>();
    if (s != null && !s.isEmpty()) {
      for (String p : s.split(",")) {
        out.add(Integer.parseInt(p));
      }
    }
    return out;
  }
}
