package robodog.app;

import java.nio.file.Path;
import picocli.CommandLine.Option;
import robodog.locomotion.LocomotionConfig;

/**
 * The {@code --config DIR} option every command shares (a picocli mixin), and the layered lookup
 * behind it ({@link ConfigLayers}). Commands ask it for a file by name ({@link #file}) and never
 * build a path into a config directory themselves. Start-up thread.
 */
public final class ConfigOption {
  @Option(
      names = "--config",
      paramLabel = "DIR",
      description = {
        "the highest configuration layer. Each file is taken whole from the highest of: the"
            + " shipped config/ < /etc/robodog < $XDG_CONFIG_HOME/robodog (default"
            + " ~/.config/robodog) < DIR that has it; DIR may hold only the files it overrides."
            + " './robodog config' shows where each comes from (docs/configuration.md)."
      })
  Path dir;

  private ConfigLayers layers;

  /**
   * The standard layers for this process, checked on first use (see {@link ConfigLayers#check}: a
   * missing {@code --config} directory or an unreadable layer is refused here, before anything is
   * loaded).
   */
  public ConfigLayers layers() {
    if (layers == null) {
      layers = unchecked().check();
    }
    return layers;
  }

  /** The standard layers, not yet checked ({@code ./robodog config} shows broken ones first). */
  ConfigLayers unchecked() {
    return ConfigLayers.standard(
        Paths.config(), System.getenv(), Path.of(System.getProperty("user.home")), dir);
  }

  /** Where to read {@code name} (e.g. {@code "pins.yaml"}) from; see {@link ConfigLayers#file}. */
  public Path file(String name) {
    return layers().file(name);
  }

  /** Loads and validates robot, gaits and controller settings, each from its layer. */
  public LocomotionConfig load() {
    return LocomotionConfig.load(layers());
  }
}
