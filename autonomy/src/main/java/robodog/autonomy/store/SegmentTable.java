package robodog.autonomy.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

/**
 * Per-segment results of repeated runs ({@code segment_results}, schema step 4): the learner's
 * whole memory, from which each estimate is recomputed, so nothing it learned is ever overwritten.
 * Rows are only added. Threading: under the database's one lock (see {@link Sql}); never the
 * control thread.
 */
public final class SegmentTable {
  private final Sql sql;

  SegmentTable(Sql sql) {
    this.sql = sql;
  }

  /** Adds one result (refused before this point when a field is out of range). */
  public void add(SegmentResult r) {
    sql.tx(
        () -> {
          sql.update(
              "INSERT INTO segment_results(run_id, route, route_hash, segment, mass_class,"
                  + " failed_mask, arm, rms_mps2, time_s, cost, fell, recoveries, slip_mps)"
                  + " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
              r.runId(),
              r.route(),
              r.routeHash(),
              r.segment(),
              r.massClass(),
              r.failedMask(),
              r.arm(),
              r.rmsMps2(),
              r.timeS(),
              r.cost(),
              r.fell() ? 1 : 0,
              r.recoveries(),
              r.slipMps());
          return null;
        });
  }

  /** Every result of one route hash, payload class and failed-leg mask, oldest first. */
  public List<SegmentResult> results(
      String route, String routeHash, int massClass, int failedMask) {
    return query(
        "WHERE route = ? AND route_hash = ? AND mass_class = ? AND failed_mask = ?",
        route,
        routeHash,
        massClass,
        failedMask);
  }

  /** Every result of the route by name (all hashes, classes and masks), oldest first. */
  public List<SegmentResult> results(String route) {
    return query("WHERE route = ?", route);
  }

  private List<SegmentResult> query(String where, Object... args) {
    return sql.read(
        () -> {
          List<SegmentResult> out = new ArrayList<>();
          try (PreparedStatement p =
              sql.c.prepareStatement(
                  "SELECT run_id, route, route_hash, segment, mass_class, failed_mask, arm,"
                      + " rms_mps2, time_s, cost, fell, recoveries, slip_mps FROM segment_results "
                      + where
                      + " ORDER BY id")) {
            for (int i = 0; i < args.length; i++) {
              p.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = p.executeQuery()) {
              while (rs.next()) {
                out.add(
                    new SegmentResult(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getInt(4),
                        rs.getInt(5),
                        rs.getInt(6),
                        rs.getString(7),
                        rs.getDouble(8),
                        rs.getDouble(9),
                        rs.getDouble(10),
                        rs.getInt(11) != 0,
                        rs.getInt(12),
                        rs.getDouble(13)));
              }
            }
          }
          return out;
        });
  }
}
