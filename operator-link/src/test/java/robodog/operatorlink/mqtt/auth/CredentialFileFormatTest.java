package robodog.operatorlink.mqtt.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The users file as Jackson writes it, and files in the one-line form earlier versions wrote. */
class CredentialFileFormatTest {
  @TempDir Path dir;

  private static final String CREW =
      "pbkdf2-sha256$100000$8G4N+uzn6mQtvZTvTcpGiw==$jrmW3dw96a0l0w3GrEVF6+/vG1snuajR8bYfszhaWpU=";
  private static final String WATCH =
      "pbkdf2-sha256$100000$Kf+kvyfhs/zJhG2rJNW7ZQ==$dwmtbpd6nQ14xlE89to30Ed/0sPycphryVPuzt/1v44=";
  private static final String BRIDGE =
      "pbkdf2-sha256$100000$spSMiNxcgwfjcYbF1luvNg==$fY65eiMLwzDSfSq3rVrqOs3DpevpLTI+aoZv2IbYpmE=";

  /** Byte for byte what the string-built writer produced for three users. */
  private static final String OLD_FILE =
      "# robodog MQTT users: passwords are PBKDF2 hashes. Edit with ./robodog users.\n"
          + "users:\n"
          + "  camera-2.b: {role: robot, password: \""
          + BRIDGE
          + "\"}\n"
          + "  crew_lead: {role: operator, password: \""
          + CREW
          + "\"}\n"
          + "  grip: {role: observer, password: \""
          + WATCH
          + "\"}\n";

  @Test
  void aFileWrittenByTheOldWriterLosesNothing() throws Exception {
    Path f = dir.resolve("credentials.yaml");
    Files.writeString(f, OLD_FILE);
    CredentialStore old = CredentialStore.load(f);
    Map<String, Role> roles =
        Map.of("camera-2.b", Role.ROBOT, "crew_lead", Role.OPERATOR, "grip", Role.OBSERVER);
    assertEquals(roles, old.roles());
    assertEquals(Role.OPERATOR, old.authenticate("crew_lead", "crew-pass-1".toCharArray()));
    assertEquals(Role.OBSERVER, old.authenticate("grip", "watch-only-2".toCharArray()));
    assertEquals(Role.ROBOT, old.authenticate("camera-2.b", "robot-three-3".toCharArray()));
    assertNull(old.authenticate("grip", "crew-pass-1".toCharArray()));

    // Saved again by the new writer: same users, roles and hashes (no password re-hashed).
    old.save(f);
    CredentialStore again = CredentialStore.load(f);
    assertEquals(roles, again.roles());
    assertEquals(CREW, again.user("crew_lead").passwordHash());
    assertEquals(WATCH, again.user("grip").passwordHash());
    assertEquals(BRIDGE, again.user("camera-2.b").passwordHash());
    assertEquals(Role.OPERATOR, again.authenticate("crew_lead", "crew-pass-1".toCharArray()));
  }

  @Test
  void theNewFileIsBlockYamlWithTheHeaderAndSortedUsers() throws Exception {
    Path f = dir.resolve("c.yaml");
    CredentialStore.load(writeOld(f)).save(f);
    assertEquals(
        "# robodog MQTT users: passwords are PBKDF2 hashes. Edit with ./robodog users.\n"
            + "users:\n"
            + "  camera-2.b:\n"
            + "    role: \"robot\"\n"
            + "    password: \""
            + BRIDGE
            + "\"\n"
            + "  crew_lead:\n"
            + "    role: \"operator\"\n"
            + "    password: \""
            + CREW
            + "\"\n"
            + "  grip:\n"
            + "    role: \"observer\"\n"
            + "    password: \""
            + WATCH
            + "\"\n",
        Files.readString(f));
  }

  @Test
  void anEmptyStoreRoundTrips() throws Exception {
    Path f = dir.resolve("empty.yaml");
    CredentialStore.empty().save(f);
    assertTrue(Files.readString(f).endsWith("users: {}\n"), Files.readString(f));
    assertEquals(Map.of(), CredentialStore.load(f).roles());
  }

  @Test
  void aNameWithQuotesBackslashesNewlinesOrNonAsciiIsRefusedSayingWhatIsAllowed() throws Exception {
    for (String name : new String[] {"a\"b", "a\\b", "a\nb", "gr\u00fcn", "\u8349", "x: y"}) {
      IllegalArgumentException e =
          assertThrows(
              IllegalArgumentException.class,
              () -> CredentialStore.empty().with(name, Role.OPERATOR, "long-enough".toCharArray()));
      assertTrue(
          e.getMessage().contains("expected 1-64 letters, digits, '.', '_' or '-'"),
          e.getMessage());
    }
    // A hand-edited file with such a name is refused at load, naming the user.
    Path f = dir.resolve("hand.yaml");
    Files.writeString(
        f, "users:\n  \"gr\\u00fcn \\\"x\\\"\": {role: operator, password: \"" + CREW + "\"}\n");
    IOException e = assertThrows(IOException.class, () -> CredentialStore.load(f));
    assertTrue(e.getMessage().contains("user 'gr\u00fcn \"x\"'"), e.getMessage());
  }

  private static Path writeOld(Path f) throws IOException {
    Files.writeString(f, OLD_FILE);
    return f;
  }
}
