package robodog.autonomy.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The run database's one connection, its one lock and the small JDBC helpers that {@link
 * RunDatabase}, {@link RouteTable} and {@link RunQueries} share.
 *
 * <p>Threading: every public database operation goes through {@link #tx} or {@link #read}, which
 * both hold this object's monitor, so all of them are serialised on one lock (as when every method
 * was synchronized on the RunDatabase). The other helpers must only be called inside one of those.
 */
final class Sql {
  /** A piece of work on the connection. */
  @FunctionalInterface
  interface Body<T> {
    T run() throws SQLException;
  }

  /** Maps the current row of a result set to a value. */
  @FunctionalInterface
  interface Row<T> {
    T map(ResultSet rs) throws SQLException;
  }

  final Connection c;
  private final String source;

  Sql(Connection c, String source) {
    this.c = c;
    this.source = source;
  }

  /** Runs {@code body} under the lock as one transaction: all of it is committed or none. */
  synchronized <T> T tx(Body<T> body) {
    try {
      c.setAutoCommit(false);
    } catch (SQLException e) {
      throw fail(e);
    }
    try {
      T t = body.run();
      c.commit();
      c.setAutoCommit(true);
      return t;
    } catch (SQLException | RuntimeException e) {
      // SQLite rolls back by itself on some errors (SQLITE_FULL, SQLITE_IOERR); then rollback and
      // leaving the transaction fail too ("no transaction is active"). The first error is the
      // one that says what happened, so those later ones ride along as suppressed.
      try {
        c.rollback();
      } catch (SQLException r) {
        e.addSuppressed(r);
      }
      try {
        c.setAutoCommit(true);
      } catch (SQLException r) {
        e.addSuppressed(r);
      }
      if (e instanceof SQLException q) {
        throw fail(q);
      }
      throw (RuntimeException) e;
    }
  }

  /** Runs {@code body} under the lock without a transaction (reads, close). */
  synchronized <T> T read(Body<T> body) {
    try {
      return body.run();
    } catch (SQLException e) {
      throw fail(e);
    }
  }

  /** Every row of {@code sql}, in the order the query gives, each mapped by {@code row}. */
  <T> List<T> list(String sql, Row<T> row) throws SQLException {
    List<T> out = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        out.add(row.map(rs));
      }
    }
    return out;
  }

  /**
   * Runs one INSERT/UPDATE/DELETE with {@code args} bound to its {@code ?} in order (Long, Integer,
   * Double, String or null).
   */
  void update(String sql, Object... args) throws SQLException {
    try (PreparedStatement p = c.prepareStatement(sql)) {
      bind(p, args);
      p.executeUpdate();
    }
  }

  /** Runs one INSERT for each of {@code rows} as a single batch, bound like {@link #update}. */
  void batch(String sql, List<Object[]> rows) throws SQLException {
    try (PreparedStatement p = c.prepareStatement(sql)) {
      for (Object[] row : rows) {
        bind(p, row);
        p.addBatch();
      }
      p.executeBatch();
    }
  }

  private static void bind(PreparedStatement p, Object[] args) throws SQLException {
    for (int i = 0; i < args.length; i++) {
      p.setObject(i + 1, args[i]);
    }
  }

  void exec(String sql) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.executeUpdate(sql);
    }
  }

  int queryInt(String sql) throws SQLException {
    return (int) queryLong(sql);
  }

  /** The first column of the first row of {@code sql}. */
  long queryLong(String sql) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      return rs.getLong(1);
    }
  }

  /** An SQL failure as the exception callers see, naming the database file. */
  IllegalStateException fail(SQLException e) {
    return new IllegalStateException("run database " + source + ": " + e.getMessage(), e);
  }
}
