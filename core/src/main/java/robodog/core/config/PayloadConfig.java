package robodog.core.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import robodog.core.Payload;

/**
 * The declared payload from {@code payload.yaml} ({@code mass_kg}, {@code com_height_m}, {@code
 * fragility}). A missing file means nothing on board; a bad field is a {@link ConfigException}
 * naming the file, the field and the range. Start-up thread.
 */
public final class PayloadConfig {
  private PayloadConfig() {}

  /** Loads {@code file}, or {@link Payload#none()} when it does not exist. */
  public static Payload load(Path file) {
    if (!Files.exists(file)) {
      return Payload.none();
    }
    ConfigNode n = ConfigNode.load(file);
    n.rejectUnknown(Set.of("mass_kg", "com_height_m", "fragility"));
    return new Payload(
        n.optDouble("mass_kg", 0, 0, Payload.MAX_MASS_KG, "kg"),
        n.optDouble("com_height_m", 0, 0, Payload.MAX_COM_HEIGHT_M, "m"),
        n.optDouble("fragility", 0, 0, 1, "(0 rugged .. 1 glass)"));
  }
}
