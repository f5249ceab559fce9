package robodog.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import robodog.core.config.ConfigException;
import robodog.core.config.ConfigFiles;
import robodog.core.config.UserConfigDir;

/**
 * Where each configuration file is read from: directories stacked lowest first, and for every file
 * name the highest directory that holds it wins, whole-file. Keys are never merged across layers: a
 * servo calibration or a robot description is one consistent set, and half of one file from the
 * site and half from the user would be a robot nobody measured.
 *
 * <p>The standard stack is the shipped {@code config/} &lt; {@code /etc/robodog} (the site) &lt;
 * {@code $XDG_CONFIG_HOME/robodog} (the user) &lt; {@code --config DIR}. A directory may hold only
 * the files it overrides. A layer that does not exist is skipped silently (most machines have no
 * {@code /etc/robodog}); see {@link #check} for the ones that are refused.
 *
 * <p>Immutable. Built and used on the start-up thread (the lookup touches the file system; nothing
 * on the control thread asks it anything).
 *
 * @param lowToHigh the layers, lowest (built-in defaults) first; at least one
 */
public record ConfigLayers(List<Layer> lowToHigh) implements ConfigFiles {
  /** The site layer of the standard stack. */
  public static final Path SITE = Path.of("/etc/robodog");

  /** The files robodog reads from the layers, in the order {@code ./robodog config} lists them. */
  public static final List<String> KNOWN_FILES =
      List.of(
          "robot.yaml",
          "gaits.yaml",
          "controller.yaml",
          "servos.yaml",
          "pins.yaml",
          "camera.yaml",
          "perception.yaml",
          "payload.yaml",
          "link.yaml");

  /** What a layer is for; decides which error a broken one gives. */
  public enum Role {
    /** The shipped defaults under robodog.home. */
    BUILT_IN("built-in"),
    /** {@code /etc/robodog}: the site's settings, e.g. the robot's wiring. */
    SITE("site"),
    /** The user's XDG directory: where calibration and MQTT users are written. */
    USER("user"),
    /** {@code --config DIR} on the command line. */
    OPTION("--config");

    private final String label;

    Role(String label) {
      this.label = label;
    }

    /** Short name for messages and {@code ./robodog config}. */
    public String label() {
      return label;
    }
  }

  /** What is at a layer's path right now. */
  public enum State {
    PRESENT,
    ABSENT,
    NOT_A_DIRECTORY,
    UNREADABLE
  }

  /** One layer: its role and directory (which may not exist). */
  public record Layer(Role role, Path dir) {
    /** Looks at the file system. */
    public State state() {
      if (!Files.exists(dir)) {
        return State.ABSENT;
      }
      if (!Files.isDirectory(dir)) {
        return State.NOT_A_DIRECTORY;
      }
      // Listing needs read permission, opening a file inside needs search (x) permission.
      return Files.isReadable(dir) && Files.isExecutable(dir) ? State.PRESENT : State.UNREADABLE;
    }
  }

  public ConfigLayers {
    lowToHigh = List.copyOf(lowToHigh);
    if (lowToHigh.isEmpty()) {
      throw new IllegalArgumentException("at least one configuration layer is needed");
    }
  }

  /** The standard stack with the real site directory {@link #SITE}. */
  public static ConfigLayers standard(
      Path builtIn, Map<String, String> env, Path userHome, Path configOption) {
    return standard(builtIn, SITE, env, userHome, configOption);
  }

  /**
   * The standard stack; {@code site} is a parameter so tests can use a temporary directory.
   *
   * @param builtIn the shipped {@code config/}
   * @param env the environment ({@code XDG_CONFIG_HOME}: see {@link UserConfigDir})
   * @param userHome the user's home, for the {@code ~/.config} default
   * @param configOption {@code --config DIR}, or null when not given
   */
  public static ConfigLayers standard(
      Path builtIn, Path site, Map<String, String> env, Path userHome, Path configOption) {
    List<Layer> layers =
        new java.util.ArrayList<>(
            List.of(
                new Layer(Role.BUILT_IN, builtIn),
                new Layer(Role.SITE, site),
                new Layer(Role.USER, UserConfigDir.of(env, userHome))));
    if (configOption != null) {
      layers.add(new Layer(Role.OPTION, configOption));
    }
    return new ConfigLayers(layers);
  }

  /**
   * Refuses a stack that cannot be trusted, before anything is loaded or powered: a {@code
   * --config} directory that is absent, not a directory or unreadable is a bad argument ({@link
   * IllegalArgumentException}, exit 2); any other layer that exists but is not a readable directory
   * is a broken installation ({@link ConfigException}, exit 1). Skipping it would silently run the
   * robot on the wrong calibration. The message names the directory.
   *
   * @return this, for chaining
   */
  public ConfigLayers check() {
    for (Layer l : lowToHigh) {
      State s = l.state();
      if (l.role() == Role.OPTION && s != State.PRESENT) {
        throw new IllegalArgumentException("--config " + l.dir() + ": " + describe(s));
      }
      if (s == State.NOT_A_DIRECTORY || s == State.UNREADABLE) {
        throw new ConfigException(
            l.dir() + " (" + l.role().label() + " configuration layer): " + describe(s));
      }
    }
    return this;
  }

  private static String describe(State s) {
    return switch (s) {
      case ABSENT -> "directory not found";
      case NOT_A_DIRECTORY -> "exists but is not a directory";
      case UNREADABLE -> "exists but is not readable (check its permissions)";
      case PRESENT -> "present";
    };
  }

  /**
   * The layer {@code name} is taken from: the highest one holding an entry of that name, or null
   * when none does. An entry that exists but cannot be read still wins, so its loader fails naming
   * it instead of a lower layer being used without a word.
   */
  public Layer source(String name) {
    for (int i = lowToHigh.size() - 1; i >= 0; i--) {
      Layer l = lowToHigh.get(i);
      if (Files.exists(l.dir().resolve(name))) {
        return l;
      }
    }
    return null;
  }

  /**
   * The path to read {@code name} from. When no layer has it, the built-in (lowest) path, so a
   * required file's "not found" names the shipped location and an optional one reads as absent.
   */
  @Override
  public Path file(String name) {
    Layer l = source(name);
    return (l != null ? l : lowToHigh.get(0)).dir().resolve(name);
  }

  /** The user's directory, where what the robot writes for its user goes (it may not exist). */
  public Path userDir() {
    return layer(Role.USER).dir();
  }

  /** The first layer with {@code role}; throws when the stack has none. */
  public Layer layer(Role role) {
    for (Layer l : lowToHigh) {
      if (l.role() == role) {
        return l;
      }
    }
    throw new IllegalStateException("no " + role.label() + " configuration layer");
  }
}
