package robodog.operatorlink.mqtt.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;
import robodog.core.config.UserConfigDir;

/**
 * The MQTT users file: name → role and salted password hash (see {@link PasswordHash}). Format:
 *
 * <pre>
 * users:
 *   operator:
 *     role: "operator"
 *     password: "pbkdf2-sha256$100000$...$..."
 * </pre>
 *
 * Any YAML form of the same mapping loads, such as the one-line entries {@code operator: {role:
 * operator, password: "..."}} that earlier versions wrote. Written by Jackson's YAML generator,
 * atomically (temporary file, then rename) with owner-only permissions. Loading validates every
 * entry and names the first bad one. Immutable after load; {@link #with} and {@link #without}
 * return changed copies. Any thread.
 */
public final class CredentialStore {
  /** A user's role and stored hash. */
  public record User(Role role, String passwordHash) {}

  /** What {@link #createIfMissing} did: the store, and the new password or null. */
  public record Created(CredentialStore store, String newUser, String newPassword) {}

  /** Name of the user created on first run. */
  public static final String DEFAULT_USER = "operator";

  /** Reads the file and writes it; no {@code ---} line, strings double-quoted (as before). */
  private static final ObjectMapper YAML =
      new ObjectMapper(
          YAMLFactory.builder().disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER).build());

  private static final String HEADER =
      "# robodog MQTT users: passwords are PBKDF2 hashes. Edit with ./robodog users.\n";
  private static final String NAME = "[A-Za-z0-9_.-]{1,64}";

  private final Map<String, User> users;

  private CredentialStore(Map<String, User> users) {
    this.users = Map.copyOf(users);
  }

  /** An empty store (nobody can log in). */
  public static CredentialStore empty() {
    return new CredentialStore(Map.of());
  }

  /**
   * Where the users file is when none is named.
   *
   * @param path the file to read and write
   * @param legacy true when {@code path} is the old {@code ~/.robodog/credentials.yaml}, kept
   *     because it exists and the new one does not; the caller says so in one line
   * @param current the new default, where a legacy file would be moved to
   */
  public record DefaultLocation(Path path, boolean legacy, Path current) {}

  /**
   * The default users file: {@code credentials.yaml} in the user's configuration directory ({@link
   * UserConfigDir}: {@code $XDG_CONFIG_HOME/robodog}, else {@code ~/.config/robodog}). An existing
   * {@code ~/.robodog/credentials.yaml} (the old default) is kept in use while the new file does
   * not exist: users' secrets are never moved silently, and an operator's password keeps working.
   * Once both exist the new one wins. Start-up thread (looks at the file system).
   */
  public static DefaultLocation locateDefault(Map<String, String> env, Path userHome) {
    Path current = UserConfigDir.of(env, userHome).resolve("credentials.yaml");
    Path old = userHome.resolve(".robodog").resolve("credentials.yaml");
    boolean legacy = !Files.exists(current) && Files.exists(old);
    return new DefaultLocation(legacy ? old : current, legacy, current);
  }

  /** {@link #locateDefault} for this process's environment and {@code user.home}. */
  public static DefaultLocation locateDefault() {
    return locateDefault(System.getenv(), Path.of(System.getProperty("user.home")));
  }

  /** The default users file's path ({@link #locateDefault} without the note). */
  public static Path defaultPath() {
    return locateDefault().path();
  }

  /** Reads and validates {@code file}; the message names the file, the user and the problem. */
  public static CredentialStore load(Path file) throws IOException {
    JsonNode root;
    try {
      root = YAML.readTree(file.toFile());
    } catch (IOException e) {
      throw new IOException(file + ": not readable YAML (" + e.getMessage().split("\n")[0] + ")");
    }
    if (root == null || root.isMissingNode() || root.isNull()) {
      return empty();
    }
    JsonNode list = root.get("users");
    if (!root.isObject() || list == null || !list.isObject() || root.size() != 1) {
      throw new IOException(file + ": expected a single key 'users' mapping names to entries");
    }
    Map<String, User> users = new TreeMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = list.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String where = file + ": user '" + e.getKey() + "'";
      if (!e.getKey().matches(NAME)) {
        throw new IOException(where + ": expected a name of 1-64 letters, digits, '.', '_', '-'");
      }
      JsonNode role = e.getValue().get("role");
      JsonNode hash = e.getValue().get("password");
      if (role == null || !role.isTextual()) {
        throw new IOException(where + ": role: expected operator, observer or robot");
      }
      if (hash == null || !hash.isTextual() || !PasswordHash.wellFormed(hash.asText())) {
        throw new IOException(
            where + ": password: expected a pbkdf2-sha256 hash written by './robodog users add'");
      }
      try {
        users.put(e.getKey(), new User(Role.parse(role.asText()), hash.asText()));
      } catch (IllegalArgumentException bad) {
        throw new IOException(where + ": " + bad.getMessage());
      }
    }
    return new CredentialStore(users);
  }

  /**
   * Loads {@code file}, or creates it with one {@link #DEFAULT_USER} (role operator) and a random
   * password that the caller prints once: it is stored only as a hash.
   */
  public static Created createIfMissing(Path file) throws IOException {
    if (Files.exists(file)) {
      return new Created(load(file), null, null);
    }
    String password = PasswordHash.randomPassword();
    CredentialStore s = empty().with(DEFAULT_USER, Role.OPERATOR, password.toCharArray());
    s.save(file);
    return new Created(s, DEFAULT_USER, password);
  }

  /** A copy with {@code name} added or replaced. */
  public CredentialStore with(String name, Role role, char[] password) {
    if (!name.matches(NAME)) {
      throw new IllegalArgumentException(
          "user name '" + name + "': expected 1-64 letters, digits, '.', '_' or '-'");
    }
    if (password.length < 8) {
      throw new IllegalArgumentException("password: expected at least 8 characters");
    }
    Map<String, User> m = new TreeMap<>(users);
    m.put(name, new User(role, PasswordHash.hash(password)));
    return new CredentialStore(m);
  }

  /** A copy without {@code name}; the message says so when there is no such user. */
  public CredentialStore without(String name) {
    if (!users.containsKey(name)) {
      throw new IllegalArgumentException("no user '" + name + "' in the credentials file");
    }
    Map<String, User> m = new TreeMap<>(users);
    m.remove(name);
    return new CredentialStore(m);
  }

  /** The user's role when the password matches, else null. */
  public Role authenticate(String name, char[] password) {
    User u = name == null ? null : users.get(name);
    return u != null && PasswordHash.verify(password, u.passwordHash()) ? u.role() : null;
  }

  /** {@code name}'s entry, or null. */
  public User user(String name) {
    return name == null ? null : users.get(name);
  }

  /** Users and roles, sorted by name. */
  public Map<String, Role> roles() {
    Map<String, Role> m = new TreeMap<>();
    users.forEach((k, v) -> m.put(k, v.role()));
    return m;
  }

  /** Writes atomically, owner read/write only (where the file system has POSIX permissions). */
  public void save(Path file) throws IOException {
    Path dir = file.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    ObjectNode root = YAML.createObjectNode();
    ObjectNode list = root.putObject("users");
    for (Map.Entry<String, User> e : new TreeMap<>(users).entrySet()) {
      ObjectNode entry = list.putObject(e.getKey());
      entry.put("role", e.getValue().role().label());
      entry.put("password", e.getValue().passwordHash());
    }
    // Jackson writes no comments: the fixed header line goes first, the users after it.
    StringWriter b = new StringWriter();
    b.write(HEADER);
    YAML.writeValue(b, root);
    Path tmp = Files.createTempFile(dir, ".credentials", ".tmp");
    try {
      try {
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException e) {
        // Not a POSIX file system: the directory's protection is all there is.
      }
      Files.writeString(tmp, b.toString(), StandardCharsets.UTF_8);
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }
}
