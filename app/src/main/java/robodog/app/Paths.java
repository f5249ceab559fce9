package robodog.app;

import java.nio.file.Path;

/** Where the shipped files live: the repository root given by the launcher, else the cwd. */
final class Paths {
  private Paths() {}

  /** Repository root ({@code -Drobodog.home}, set by the {@code robodog} script). */
  static Path home() {
    return Path.of(System.getProperty("robodog.home", "."));
  }

  /** Default config directory. */
  static Path config() {
    return home().resolve("config");
  }

  /** Default scenarios directory. */
  static Path scenarios() {
    return home().resolve("scenarios");
  }
}
