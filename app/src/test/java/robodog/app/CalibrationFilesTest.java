package robodog.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import robodog.core.config.RobotDescription;
import robodog.hardware.servo.ServoCalibration;
import robodog.hardware.servo.ServoCalibrationWriter;

/**
 * Where {@code calibrate servos} reads and saves. The command cannot reach its save without the
 * robot's I2C bus, so the save path is driven here with the same pieces it uses: {@link
 * CalibrationFiles} picks the files, {@link ServoCalibrationWriter} writes.
 */
class CalibrationFilesTest {
  @TempDir Path tmp;

  Path shipped;
  Path home;
  Path xdg;

  @BeforeEach
  void copyShippedConfig() throws Exception {
    shipped = Files.createDirectories(tmp.resolve("install").resolve("config"));
    try (var files = Files.list(Path.of("../config"))) {
      for (Path f : (Iterable<Path>) files::iterator) {
        Files.copy(f, shipped.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
      }
    }
    home = Files.createDirectories(tmp.resolve("home"));
    xdg = tmp.resolve("xdg");
  }

  private ConfigLayers layers(Path option) {
    return ConfigLayers.standard(
            shipped, tmp.resolve("etc"), Map.of("XDG_CONFIG_HOME", xdg.toString()), home, option)
        .check();
  }

  @Test
  void aSaveGoesToTheUserLayerCreatingItAndLeavesTheShippedFileAlone() throws Exception {
    byte[] before = Files.readAllBytes(shipped.resolve("servos.yaml"));
    ConfigLayers l = layers(null);
    CalibrationFiles f = CalibrationFiles.of(null, l);
    assertEquals(shipped.resolve("servos.yaml"), f.from());
    assertEquals(xdg.resolve("robodog").resolve("servos.yaml"), f.to());
    assertFalse(f.to().startsWith(shipped));
    assertFalse(Files.exists(xdg), "nothing is created before a save");

    RobotDescription robot = RobotDescription.load(l.file("robot.yaml"));
    ServoCalibration cal = ServoCalibration.load(f.from(), robot);
    ServoCalibrationWriter.save(cal, f.to());

    assertArrayEquals(before, Files.readAllBytes(shipped.resolve("servos.yaml")));
    assertTrue(Files.isRegularFile(f.to()));
    try (var left = Files.list(f.to().getParent())) {
      assertEquals(1, left.count(), "no temporary file left beside it");
    }
    // The next run reads what was saved; the next session starts from it.
    assertEquals(f.to(), layers(null).file("servos.yaml"));
    assertEquals(f.to(), CalibrationFiles.of(null, layers(null)).from());
    assertTrue(f.describe().contains("saving to " + f.to()), f.describe());
  }

  @Test
  void fileOptionIsReadAndSaved() {
    Path mine = tmp.resolve("mine.yaml");
    CalibrationFiles f = CalibrationFiles.of(mine, layers(null));
    assertEquals(mine, f.from());
    assertEquals(mine, f.to());
    assertNull(f.shadowedBy());
  }

  @Test
  void startsFromTheSiteCalibrationWhenThatIsTheOneInUse() throws Exception {
    Path site = Files.createDirectories(tmp.resolve("etc"));
    Files.copy(shipped.resolve("servos.yaml"), site.resolve("servos.yaml"));
    CalibrationFiles f = CalibrationFiles.of(null, layers(null));
    assertEquals(site.resolve("servos.yaml"), f.from());
    assertEquals(xdg.resolve("robodog").resolve("servos.yaml"), f.to());
    assertNull(f.shadowedBy(), "the user layer is above the site");
  }

  @Test
  void aServosFileInTheConfigOptionIsNamedAsShadowingTheSave() throws Exception {
    Path opt = Files.createDirectories(tmp.resolve("opt"));
    Files.copy(shipped.resolve("servos.yaml"), opt.resolve("servos.yaml"));
    CalibrationFiles f = CalibrationFiles.of(null, layers(opt));
    assertEquals(opt.resolve("servos.yaml"), f.shadowedBy());
    assertTrue(f.describe().contains(opt.resolve("servos.yaml") + " is in a higher layer"));
  }

  @Test
  void theCommandWithoutItsBusSaysWhereItWouldSaveAndWritesNothing() throws Exception {
    Path realShipped = Path.of("../config/servos.yaml");
    byte[] before = Files.readAllBytes(realShipped);
    String oldHome = System.getProperty("user.home");
    System.setProperty("user.home", home.toString());
    try {
      Cli r = Cli.run("calibrate", "servos");
      assertEquals(1, r.status, r.err);
      assertTrue(r.err.contains("cannot open I2C bus 1"), r.err);
      Path user = robodog.core.config.UserConfigDir.ofThisProcess();
      assertTrue(r.out.contains("saving to " + user.resolve("servos.yaml")), r.out);
    } finally {
      System.setProperty("user.home", oldHome);
    }
    assertArrayEquals(before, Files.readAllBytes(realShipped));
  }
}
