package robodog.operatorlink.mqtt.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CredentialStoreTest {
  @TempDir Path dir;

  @Test
  void firstRunCreatesAnOperatorWhosePasswordIsStoredOnlyAsAHash() throws Exception {
    Path f = dir.resolve("state").resolve("credentials.yaml");
    CredentialStore.Created c = CredentialStore.createIfMissing(f);
    assertEquals("operator", c.newUser());
    assertEquals(20, c.newPassword().length());
    String text = Files.readString(f);
    assertFalse(text.contains(c.newPassword()), "plain password written: " + text);
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(f)));
    CredentialStore again = CredentialStore.createIfMissing(f).store();
    assertNull(CredentialStore.createIfMissing(f).newPassword(), "printed once only");
    assertEquals(Role.OPERATOR, again.authenticate("operator", c.newPassword().toCharArray()));
    assertNull(again.authenticate("operator", "wrong-password".toCharArray()));
    assertNull(again.authenticate("nobody", c.newPassword().toCharArray()));
  }

  @Test
  void addRemoveAndSaltsDiffer() throws Exception {
    Path f = dir.resolve("c.yaml");
    CredentialStore s =
        CredentialStore.empty()
            .with("a", Role.OBSERVER, "same-password".toCharArray())
            .with("b", Role.ROBOT, "same-password".toCharArray());
    s.save(f);
    String text = Files.readString(f);
    String[] hashes =
        text.replaceAll("(?s).*?password: \"([^\"]+)\".*?(?=password|$)", "$1\n").split("\n");
    assertEquals(2, hashes.length, text);
    assertFalse(hashes[0].equals(hashes[1]), "per-user salt");
    CredentialStore loaded = CredentialStore.load(f).without("a");
    assertEquals(java.util.Map.of("b", Role.ROBOT), loaded.roles());
    assertThrows(IllegalArgumentException.class, () -> loaded.without("a"));
    assertThrows(
        IllegalArgumentException.class, () -> loaded.with("c", Role.ROBOT, "short".toCharArray()));
    assertThrows(IllegalArgumentException.class, () -> Role.parse("admin"));
  }

  @Test
  void aDamagedFileIsNamedWithTheUserAndTheProblem() throws Exception {
    Path f = dir.resolve("bad.yaml");
    Files.writeString(f, "users:\n  bob: {role: pilot, password: \"x\"}\n");
    IOException e = assertThrows(IOException.class, () -> CredentialStore.load(f));
    assertTrue(
        e.getMessage().contains("user 'bob'") && e.getMessage().contains("password"),
        e.getMessage());
    Files.writeString(
        f,
        "users:\n  bob: {role: pilot, password: \""
            + PasswordHash.hash("abcdefgh".toCharArray())
            + "\"}\n");
    e = assertThrows(IOException.class, () -> CredentialStore.load(f));
    assertTrue(e.getMessage().contains("unknown role 'pilot'"), e.getMessage());
  }
}
