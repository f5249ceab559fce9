package robodog.locomotion;

import java.nio.file.Path;

/** Shared test fixtures: the shipped config. */
public final class Fixtures {
  private static LocomotionConfig config;

  private Fixtures() {}

  /** The repository's config/ loaded once. */
  public static synchronized LocomotionConfig config() {
    if (config == null) {
      config = LocomotionConfig.load(Path.of("../config"));
    }
    return config;
  }
}
