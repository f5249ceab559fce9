package robodog.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import robodog.core.config.UserConfigDir;
import robodog.operatorlink.mqtt.auth.CredentialStore;
import robodog.operatorlink.mqtt.auth.Role;

/** The MQTT users file's default: the user's XDG directory, an existing old file kept in use. */
class CredentialsDefaultTest {
  @TempDir Path home;

  private final Map<String, String> noXdg = Map.of();

  private Path oldFile() {
    return home.resolve(".robodog").resolve("credentials.yaml");
  }

  private Path newFile() {
    return home.resolve(".config").resolve("robodog").resolve("credentials.yaml");
  }

  private static void write(Path file) throws Exception {
    CredentialStore.empty().with("op", Role.OPERATOR, "secret-pw".toCharArray()).save(file);
  }

  @Test
  void withNeitherFileTheNewLocationIsUsed() {
    CredentialStore.DefaultLocation d = CredentialStore.locateDefault(noXdg, home);
    assertEquals(newFile(), d.path());
    assertFalse(d.legacy());
  }

  @Test
  void anOldFileAloneIsKeptAndMarkedLegacy() throws Exception {
    write(oldFile());
    CredentialStore.DefaultLocation d = CredentialStore.locateDefault(noXdg, home);
    assertEquals(oldFile(), d.path());
    assertTrue(d.legacy());
    assertEquals(newFile(), d.current());
  }

  @Test
  void onceTheNewFileExistsItWins() throws Exception {
    write(oldFile());
    write(newFile());
    CredentialStore.DefaultLocation d = CredentialStore.locateDefault(noXdg, home);
    assertEquals(newFile(), d.path());
    assertFalse(d.legacy());
  }

  @Test
  void xdgConfigHomeMovesTheNewLocation() {
    Path xdg = home.resolve("x");
    assertEquals(
        xdg.resolve("robodog").resolve("credentials.yaml"),
        CredentialStore.locateDefault(Map.of("XDG_CONFIG_HOME", xdg.toString()), home).path());
  }

  @Test
  void usersCommandsSayOnceThatTheOldFileIsUsedAndLeaveItWhereItIs() throws Exception {
    write(oldFile());
    String oldHome = System.getProperty("user.home");
    System.setProperty("user.home", home.toString());
    try {
      Path fresh = UserConfigDir.ofThisProcess().resolve("credentials.yaml");
      assumeFalse(Files.exists(fresh), "this machine's XDG_CONFIG_HOME already has one");
      Cli r = Cli.run("users", "list");
      assertEquals(0, r.status, r.err);
      assertTrue(r.out.contains("op") && r.out.contains("operator"), r.out);
      assertEquals(1, r.err.split("found at the old default location", -1).length - 1, r.err);
      assertTrue(r.err.contains(oldFile().toString()), r.err);
      assertTrue(Files.exists(oldFile()));
      assertFalse(Files.exists(fresh), "secrets are not moved");
    } finally {
      System.setProperty("user.home", oldHome);
    }
  }
}
