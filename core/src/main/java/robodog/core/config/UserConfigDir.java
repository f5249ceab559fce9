package robodog.core.config;

import java.nio.file.Path;
import java.util.Map;

/**
 * The user's own robodog configuration directory, following the XDG base directory rules: {@code
 * $XDG_CONFIG_HOME/robodog}, or {@code ~/.config/robodog} when the variable is unset, empty or not
 * an absolute path (the XDG specification says a relative value is to be ignored). This is where
 * what the robot writes for its user goes (servo calibration, MQTT users), never the shipped files.
 *
 * <p>Pure: reads only its arguments, so tests pass their own environment and home. Any thread.
 */
public final class UserConfigDir {
  /** The environment variable consulted. */
  public static final String XDG_CONFIG_HOME = "XDG_CONFIG_HOME";

  private UserConfigDir() {}

  /**
   * The directory (it may not exist yet).
   *
   * @param env the process environment, e.g. {@code System.getenv()}
   * @param userHome the user's home, e.g. {@code Path.of(System.getProperty("user.home"))}
   */
  public static Path of(Map<String, String> env, Path userHome) {
    String xdg = env.get(XDG_CONFIG_HOME);
    if (xdg != null && !xdg.isEmpty()) {
      Path p = Path.of(xdg);
      if (p.isAbsolute()) {
        return p.resolve("robodog");
      }
    }
    return userHome.resolve(".config").resolve("robodog");
  }

  /** The same for this process: {@code System.getenv()} and the {@code user.home} property. */
  public static Path ofThisProcess() {
    return of(System.getenv(), Path.of(System.getProperty("user.home")));
  }
}
