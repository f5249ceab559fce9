package robodog.autonomy.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import robodog.autonomy.Route;
import robodog.autonomy.Waypoint;

/**
 * A run database that is newer than this code or damaged is refused with a sentence naming the file
 * and what was expected, and the file is left byte for byte as it was: nothing stored is lost,
 * nothing is migrated down.
 */
class BadDatabaseFileTest {
  @TempDir Path dir;

  private static Route route() {
    return new Route(
        "r",
        0,
        List.of(new Waypoint(-1, 0, 0, 0.2), new Waypoint(-1, 1, 0, 0.2)),
        List.of(),
        List.of());
  }

  @Test
  void aNewerSchemaIsRefusedAndTheFileIsNotTouched() throws Exception {
    Path f = dir.resolve("runs.db");
    try (RunDatabase db = RunDatabase.open(f)) {
      db.saveRoute(route(), "test", false);
    }
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + f);
        Statement s = c.createStatement()) {
      // A newer robodog's database: a version this code does not know, in rollback-journal mode.
      s.execute("PRAGMA journal_mode = DELETE");
      s.execute("PRAGMA user_version = " + (Migrations.LATEST + 1));
    }
    byte[] before = Files.readAllBytes(f);
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> RunDatabase.open(f));
    assertTrue(e.getMessage().startsWith("run database " + f + ": "), e.getMessage());
    assertTrue(
        e.getMessage()
            .contains(
                "schema version "
                    + (Migrations.LATEST + 1)
                    + " is newer than this robodog knows ("
                    + Migrations.LATEST
                    + ")"),
        e.getMessage());
    assertArrayEquals(before, Files.readAllBytes(f), "the newer database is left as it was");
    assertTrue(!Files.exists(dir.resolve("runs.db-wal")), "no journal was started on it");
  }

  @Test
  void aDamagedFileIsRefusedNamingItAndLeftAsItWas() throws Exception {
    Path f = dir.resolve("runs.db");
    try (RunDatabase db = RunDatabase.open(f)) {
      for (int i = 0; i < 50; i++) {
        db.saveRoute(
            new Route(
                "r" + i,
                0,
                List.of(new Waypoint(-1, 0, 0, 0.2), new Waypoint(-1, i, 0, 0.2)),
                List.of(),
                List.of()),
            "test",
            false);
      }
    }
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + f);
        Statement s = c.createStatement()) {
      s.execute("PRAGMA journal_mode = DELETE");
    }
    byte[] bytes = Files.readAllBytes(f);
    // Scribble over everything after the first page: the header still says SQLite.
    for (int i = 4096; i < bytes.length; i++) {
      bytes[i] = (byte) (i * 31);
    }
    Files.write(f, bytes);
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> RunDatabase.open(f));
    assertTrue(e.getMessage().startsWith("run database " + f + ": "), e.getMessage());
    assertTrue(
        e.getMessage().contains("expected a sound SQLite run database")
            || e.getMessage().contains("malformed"),
        e.getMessage());
    assertArrayEquals(bytes, Files.readAllBytes(f), "left as it was");

    Files.writeString(f, "these are my notes, not a database\n".repeat(200));
    byte[] notes = Files.readAllBytes(f);
    e = assertThrows(IllegalStateException.class, () -> RunDatabase.open(f));
    assertTrue(e.getMessage().startsWith("run database " + f + ": "), e.getMessage());
    assertTrue(e.getMessage().contains("not a database"), e.getMessage());
    assertArrayEquals(notes, Files.readAllBytes(f), "left as it was");
  }

  @Test
  void aFullDiskRefusesTheWriteNamingTheFileAndKeepsWhatIsStored() throws Exception {
    Path f = dir.resolve("runs.db");
    // SQLite's own size cap stands in for a full disk: past it no page can be added.
    try (RunDatabase db = RunDatabase.open(f, 64 * 1024)) {
      db.saveRoute(route(), "test", false);
      IllegalStateException e =
          assertThrows(
              IllegalStateException.class,
              () -> {
                for (int i = 0; i < 10_000; i++) {
                  db.saveRoute(
                      new Route(
                          "big" + i,
                          0,
                          List.of(new Waypoint(-1, 0, 0, 0.2), new Waypoint(-1, 1, 0, 0.2)),
                          List.of(),
                          List.of()),
                      "x".repeat(2000),
                      false);
                }
              });
      assertTrue(e.getMessage().startsWith("run database " + f + ": "), e.getMessage());
      assertTrue(e.getMessage().contains("full"), e.getMessage());
      assertTrue(db.routeNames().contains("r"), "what was stored is still there");
      assertTrue(db.route("r").isPresent());
    }
  }
}
