package robodog.perception;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import robodog.core.config.ConfigException;
import robodog.core.config.ConfigNode;

class PerceptionConfigTest {
  @Test
  void theShippedFileLoadsWithItsDocumentedValues() {
    PerceptionConfig c = PerceptionConfig.load(Path.of("../config/perception.yaml"));
    assertEquals(Math.toRadians(15), c.mount().pitchRad(), 1e-12);
    assertEquals("DICT_4X4_50", c.markerDictionary());
    assertEquals(3.0, c.slowM());
    assertEquals(1.5, c.stopM());
    assertNull(c.calibrationFile());
    assertEquals(PerceptionConfig.DEFAULT.slowMinScale(), c.slowMinScale());
  }

  @Test
  void theMountIsReadFromCameraYamlBesideItTheOnePlaceTheSimulatorReadsToo(
      @org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
    java.nio.file.Files.writeString(
        dir.resolve("camera.yaml"), "width_px: 640\nmount: {z_m: 0.1, pitch_down_deg: 20}\n");
    java.nio.file.Files.writeString(dir.resolve("perception.yaml"), "markers: {size_m: 0.2}\n");
    PerceptionConfig c = PerceptionConfig.load(dir.resolve("perception.yaml"));
    assertEquals(Math.toRadians(20), c.mount().pitchRad(), 1e-12);
    assertEquals(0.1, c.mount().z(), 1e-12);
    assertEquals(0.12, c.mount().x(), 1e-12, "keys camera.yaml leaves out keep the default");
  }

  private static String error(String yaml) {
    return assertThrows(
            ConfigException.class,
            () -> PerceptionConfig.parse(ConfigNode.parseString("perception.yaml", yaml), null))
        .getMessage();
  }

  @Test
  void badValuesNameTheKeyAndWhatWasExpected() {
    assertTrue(error("markers: {dictionary: DICT_9X9}").contains("DICT_4X4_50"));
    assertTrue(error("people: {slow_m: 1.0, stop_m: 2.0}").contains("stop_m"));
    assertTrue(error("grid: {cells: 81}").contains("even"));
    assertTrue(error("people: {slow_mm: 3}").contains("slow_mm"));
    assertTrue(error("camera: {mount: {pitch_down_deg: 120}}").contains("pitch_down_deg"));
  }
}
