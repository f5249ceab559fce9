package robodog.core.config;

import java.nio.file.Path;

/**
 * Where a configuration file of a given name is read from. Loaders that need several files take one
 * of these instead of a directory, so the composition root can pick each file from a different
 * place (the layered lookup in {@code app}) while tests still hand over one directory.
 *
 * <p>Start-up thread only: implementations may look at the file system.
 */
@FunctionalInterface
public interface ConfigFiles {
  /**
   * The path to read {@code name} (e.g. {@code "servos.yaml"}) from. Never null; the file need not
   * exist (an optional file is checked by its loader, a required one fails there naming the path).
   */
  Path file(String name);

  /** All files from one directory, the way the loaders worked before layers. */
  static ConfigFiles in(Path dir) {
    return dir::resolve;
  }
}
