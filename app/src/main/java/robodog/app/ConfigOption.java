package robodog.app;

import java.nio.file.Path;
import picocli.CommandLine.Option;
import robodog.locomotion.LocomotionConfig;

/** The {@code --config DIR} option every command shares (a picocli mixin). */
public final class ConfigOption {
  @Option(names = "--config", description = "config directory (default: the repository's config/)")
  Path dir;

  /** The chosen directory. */
  Path dir() {
    return dir != null ? dir : Paths.config();
  }

  /** Loads and validates robot, gaits and controller settings from it. */
  public LocomotionConfig load() {
    return LocomotionConfig.load(dir());
  }
}
