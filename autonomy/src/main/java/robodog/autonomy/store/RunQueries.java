package robodog.autonomy.store;

import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;

/**
 * The read side of runs: history, one run, its incidents and path samples, and the run in progress
 * as last saved. Nothing here writes.
 *
 * <p>Threading: every method runs under the database's one lock (see {@link Sql}); any thread but
 * the control thread.
 */
final class RunQueries {
  private final Sql sql;

  RunQueries(Sql sql) {
    this.sql = sql;
  }

  /** One run by id. */
  Optional<RunRecord> run(long id) {
    List<RunRecord> l = runs("WHERE r.id = " + id, 1);
    return l.isEmpty() ? Optional.empty() : Optional.of(l.get(0));
  }

  /** The newest {@code limit} runs, newest first. */
  List<RunRecord> history(int limit) {
    return runs("", limit);
  }

  private List<RunRecord> runs(String where, int limit) {
    return sql.read(
        () ->
            sql.list(
                "SELECT r.id, t.name, r.dispatched_by, r.dispatched_ms, r.payload_json, r.profile,"
                    + " r.comms_loss, r.state, r.outcome, r.distance_m, r.duration_s, r.ended_ms,"
                    + " (SELECT count(*) FROM incidents i WHERE i.run_id = r.id)"
                    + " FROM runs r JOIN routes t ON t.id = r.route_id "
                    + where
                    + " ORDER BY r.id DESC LIMIT "
                    + limit,
                rs -> {
                  long ended = rs.getLong(12);
                  Long endedMs = rs.wasNull() ? null : ended;
                  return new RunRecord(
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
                      rs.getInt(13));
                }));
  }

  /** A run's incidents in time order. */
  List<Incident> incidents(long runId) {
    return ofRun(
        "SELECT t_s, kind, detail FROM incidents",
        runId,
        "id",
        rs -> new Incident(rs.getDouble(1), rs.getString(2), rs.getString(3)));
  }

  /** A run's path samples in time order. */
  List<Sample> samples(long runId) {
    return ofRun(
        "SELECT t_s, x, y, speed_mps FROM run_samples",
        runId,
        "rowid",
        rs -> new Sample(rs.getDouble(1), rs.getDouble(2), rs.getDouble(3), rs.getDouble(4)));
  }

  /** The rows of {@code select} that belong to {@code runId}, ordered by {@code orderBy}. */
  private <T> List<T> ofRun(String select, long runId, String orderBy, Sql.Row<T> row) {
    return sql.read(
        () -> sql.list(select + " WHERE run_id = " + runId + " ORDER BY " + orderBy, row));
  }

  /** A run's comms-loss timeout (s) and radius (m); 2 s and 3 m when the run is unknown. */
  double[] commsLossLimits(long runId) {
    List<double[]> l =
        sql.read(
            () ->
                sql.list(
                    "SELECT comms_timeout_s, comms_radius_m FROM runs WHERE id = " + runId,
                    rs -> new double[] {rs.getDouble(1), rs.getDouble(2)}));
    return l.isEmpty() ? new double[] {2, 3} : l.get(0);
  }

  /** The run in progress as last saved, if any. */
  Optional<ActiveRun> activeRun() {
    return sql.read(
        () -> {
          try (Statement s = sql.c.createStatement();
              ResultSet rs =
                  s.executeQuery(
                      "SELECT run_id, next_waypoint, state, x, y, yaw, updated_ms FROM active_run")) {
            if (!rs.next()) {
              return Optional.empty();
            }
            long id = rs.getLong(1);
            // Read the whole row before the next query runs on the same connection.
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
                new ActiveRun(
                    r, a.nextWaypoint(), a.state(), a.x(), a.y(), a.yaw(), a.updatedMs()));
          }
        });
  }
}
