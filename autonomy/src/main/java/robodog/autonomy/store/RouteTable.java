package robodog.autonomy.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import robodog.autonomy.Breadcrumb;
import robodog.autonomy.Landmark;
import robodog.autonomy.Route;
import robodog.autonomy.Waypoint;

/**
 * Taught and shipped routes in the run database: a route row with its waypoints, landmarks and
 * breadcrumbs, stored and read back whole.
 *
 * <p>Threading: every method runs under the database's one lock (see {@link Sql}); any thread but
 * the control thread.
 */
final class RouteTable {
  private final Sql sql;

  RouteTable(Sql sql) {
    this.sql = sql;
  }

  /** Stores a route; {@code replace} overwrites one of the same name, else that is refused. */
  void save(Route r, String sourceLabel, boolean replace) {
    sql.tx(
        () -> {
          Long old = id(r.name());
          if (old != null) {
            if (!replace) {
              throw new IllegalArgumentException("route '" + r.name() + "' already exists");
            }
            if (sql.queryInt("SELECT count(*) FROM runs WHERE route_id = " + old) > 0) {
              // Runs keep pointing at their route; replace its content in place.
              sql.exec("DELETE FROM waypoints WHERE route_id = " + old);
              sql.exec("DELETE FROM landmarks WHERE route_id = " + old);
              sql.exec("DELETE FROM breadcrumbs WHERE route_id = " + old);
            } else {
              sql.exec("DELETE FROM routes WHERE id = " + old);
              old = null;
            }
          }
          long id;
          if (old == null) {
            sql.update(
                "INSERT INTO routes(name, created_ms, source) VALUES (?,?,?)",
                r.name(),
                r.createdMs(),
                sourceLabel);
            id = id(r.name());
          } else {
            id = old;
          }
          insertContent(id, r);
          return null;
        });
  }

  private void insertContent(long id, Route r) throws SQLException {
    List<Object[]> rows = new ArrayList<>();
    for (int i = 0; i < r.waypoints().size(); i++) {
      Waypoint w = r.waypoints().get(i);
      rows.add(new Object[] {id, i, w.markerId(), w.x(), w.y(), w.toleranceM()});
    }
    sql.batch("INSERT INTO waypoints VALUES (?,?,?,?,?,?)", rows);
    rows.clear();
    for (Landmark l : r.landmarks()) {
      rows.add(new Object[] {id, l.markerId(), l.x(), l.y()});
    }
    sql.batch("INSERT INTO landmarks VALUES (?,?,?,?)", rows);
    rows.clear();
    for (int i = 0; i < r.breadcrumbs().size(); i++) {
      Breadcrumb b = r.breadcrumbs().get(i);
      rows.add(
          new Object[] {id, i, b.tS(), b.x(), b.y(), b.yaw(), joinInts(b.markers()), b.terrain()});
    }
    sql.batch("INSERT INTO breadcrumbs VALUES (?,?,?,?,?,?,?,?)", rows);
  }

  /** The route of that name, if stored. */
  Optional<Route> get(String name) {
    return sql.read(
        () -> {
          Long id = id(name);
          if (id == null) {
            return Optional.empty();
          }
          long created = sql.queryLong("SELECT created_ms FROM routes WHERE id = " + id);
          List<Waypoint> wps =
              sql.list(
                  "SELECT marker_id, x, y, tolerance_m FROM waypoints WHERE route_id = "
                      + id
                      + " ORDER BY idx",
                  rs ->
                      new Waypoint(
                          rs.getInt(1), rs.getDouble(2), rs.getDouble(3), rs.getDouble(4)));
          List<Landmark> lms =
              sql.list(
                  "SELECT marker_id, x, y FROM landmarks WHERE route_id = "
                      + id
                      + " ORDER BY marker_id",
                  rs -> new Landmark(rs.getInt(1), rs.getDouble(2), rs.getDouble(3)));
          List<Breadcrumb> bcs =
              sql.list(
                  "SELECT t_s, x, y, yaw, markers, terrain FROM breadcrumbs WHERE route_id = "
                      + id
                      + " ORDER BY idx",
                  rs ->
                      new Breadcrumb(
                          rs.getDouble(1),
                          rs.getDouble(2),
                          rs.getDouble(3),
                          rs.getDouble(4),
                          splitInts(rs.getString(5)),
                          rs.getString(6)));
          return Optional.of(new Route(name, created, wps, lms, bcs));
        });
  }

  /** Route names, alphabetical. */
  List<String> names() {
    return sql.read(() -> sql.list("SELECT name FROM routes ORDER BY name", rs -> rs.getString(1)));
  }

  /** The row id of the named route, or null; call only under the lock (inside tx or read). */
  Long id(String name) throws SQLException {
    try (PreparedStatement p = sql.c.prepareStatement("SELECT id FROM routes WHERE name = ?")) {
      p.setString(1, name);
      try (ResultSet rs = p.executeQuery()) {
        return rs.next() ? rs.getLong(1) : null;
      }
    }
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
