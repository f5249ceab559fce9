package robodog.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./robodog config} and {@code --config} as a user meets them on the command line. */
class ConfigCommandTest {
  @TempDir Path dir;

  private static String line(String out, String start) {
    for (String l : out.split("\n")) {
      if (l.trim().startsWith(start)) {
        return l;
      }
    }
    throw new AssertionError("no line starting with " + start + " in\n" + out);
  }

  @Test
  void itNamesTheLayerEachFileComesFromAndWhichLayersExist() throws Exception {
    Path opt = Files.createDirectories(dir.resolve("opt"));
    Files.copy(Path.of("../config/servos.yaml"), opt.resolve("servos.yaml"));
    Cli r = Cli.run("config", "--config", opt.toString());
    assertEquals(0, r.status, r.err);
    assertTrue(line(r.out, "servos.yaml").contains(opt.resolve("servos.yaml") + "  [--config]"));
    assertTrue(line(r.out, "robot.yaml").contains("[built-in]"), r.out);
    assertTrue(line(r.out, "--config").matches("\\s*--config\\s+present\\s+" + opt), r.out);
    assertTrue(line(r.out, "built-in").contains("present"), r.out);
    assertTrue(line(r.out, "site").contains("/etc/robodog"), r.out);
  }

  @Test
  void aMissingConfigDirectoryIsRefusedWithItsName() {
    Path missing = dir.resolve("no-such-dir");
    for (String[] args :
        new String[][] {
          {"urdf", "--config", missing.toString()},
          {"config", "--config", missing.toString()},
          {"run", "--hardware", "pi", "--config", missing.toString()}
        }) {
      Cli r = Cli.run(args);
      assertEquals(2, r.status, String.join(" ", args) + ": " + r.err);
      assertTrue(r.err.startsWith("robodog: --config " + missing + ": directory not found"), r.err);
      assertFalse(r.out.contains("files ("), "refused before listing: " + r.out);
      assertFalse(r.err.contains("I2C"), "refused before any device is opened: " + r.err);
    }
  }

  @Test
  void aConfigDirectoryWithOnlyRobotYamlChangesOnlyTheRobot() throws Exception {
    Path opt = Files.createDirectories(dir.resolve("opt"));
    String robot = Files.readString(Path.of("../config/robot.yaml"));
    assertTrue(robot.contains("femur_m: 0.12"));
    Files.writeString(opt.resolve("robot.yaml"), robot.replace("femur_m: 0.12", "femur_m: 0.14"));
    Cli shipped = Cli.run("urdf");
    Cli mine = Cli.run("urdf", "--config", opt.toString());
    assertEquals(0, mine.status, mine.err);
    assertTrue(mine.out.contains("0.14"), "the overriding robot.yaml is used");
    assertFalse(shipped.out.equals(mine.out));
  }
}
