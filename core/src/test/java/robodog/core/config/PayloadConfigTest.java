package robodog.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import robodog.core.Payload;

class PayloadConfigTest {
  @TempDir Path dir;

  @Test
  void theShippedFileDeclaresNothingOnBoard() {
    assertEquals(Payload.none(), PayloadConfig.load(Path.of("../config/payload.yaml")));
  }

  @Test
  void aMissingFileIsNothingOnBoardAndAGoodOneIsRead() throws Exception {
    assertEquals(Payload.none(), PayloadConfig.load(dir.resolve("absent.yaml")));
    Path f = dir.resolve("payload.yaml");
    Files.writeString(f, "mass_kg: 1.5\ncom_height_m: 0.12\nfragility: 0.7\n");
    assertEquals(new Payload(1.5, 0.12, 0.7), PayloadConfig.load(f));
  }

  @Test
  void aBadFieldNamesTheFileTheFieldAndTheRange() throws Exception {
    Path f = dir.resolve("payload.yaml");
    Files.writeString(f, "mass_kg: 9\n");
    ConfigException e = assertThrows(ConfigException.class, () -> PayloadConfig.load(f));
    assertTrue(
        e.getMessage().contains("payload.yaml") && e.getMessage().contains("mass_kg"),
        e.getMessage());
    Files.writeString(f, "mass: 1\n");
    e = assertThrows(ConfigException.class, () -> PayloadConfig.load(f));
    assertTrue(e.getMessage().contains("mass"), e.getMessage());
  }
}
