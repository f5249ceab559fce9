package robodog.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import robodog.core.config.ConfigException;
import robodog.locomotion.LocomotionConfig;

/** The per-file layered lookup on real directories: which layer each file is taken from. */
class ConfigLayersTest {
  @TempDir Path tmp;

  Path builtIn;
  Path site;
  Path home;
  Path xdg;
  Path option;

  @BeforeEach
  void layers() throws Exception {
    builtIn = Files.createDirectories(tmp.resolve("shipped"));
    site = tmp.resolve("etc-robodog");
    home = Files.createDirectories(tmp.resolve("home"));
    xdg = tmp.resolve("xdg");
    option = tmp.resolve("option");
    for (String f : ConfigLayers.KNOWN_FILES) {
      Files.writeString(builtIn.resolve(f), "# built-in\n");
    }
  }

  private ConfigLayers stack(Path configOption) {
    return ConfigLayers.standard(
            builtIn, site, Map.of("XDG_CONFIG_HOME", xdg.toString()), home, configOption)
        .check();
  }

  private static void put(Path dir, String name) throws Exception {
    Files.createDirectories(dir);
    Files.writeString(dir.resolve(name), "# " + dir.getFileName() + "\n");
  }

  @Test
  void theHighestLayerThatHasAFileWinsForThatFile() throws Exception {
    put(site, "robot.yaml");
    put(site, "gaits.yaml");
    put(xdg.resolve("robodog"), "robot.yaml");
    put(option, "pins.yaml");
    ConfigLayers l = stack(option);
    assertEquals(xdg.resolve("robodog").resolve("robot.yaml"), l.file("robot.yaml"));
    assertEquals(site.resolve("gaits.yaml"), l.file("gaits.yaml"));
    assertEquals(option.resolve("pins.yaml"), l.file("pins.yaml"));
    assertEquals(builtIn.resolve("controller.yaml"), l.file("controller.yaml"));
    put(option, "robot.yaml");
    assertEquals(option.resolve("robot.yaml"), stack(option).file("robot.yaml"));
    assertEquals(ConfigLayers.Role.OPTION, stack(option).source("robot.yaml").role());
  }

  @Test
  void aLayerHoldingOnlyServosOverridesOnlyServos() throws Exception {
    put(site, "servos.yaml");
    ConfigLayers l = stack(null);
    assertEquals(site.resolve("servos.yaml"), l.file("servos.yaml"));
    for (String f : ConfigLayers.KNOWN_FILES) {
      if (!f.equals("servos.yaml")) {
        assertEquals(builtIn.resolve(f), l.file(f), f);
      }
    }
  }

  @Test
  void locomotionLoadsEachFileFromItsOwnLayer() throws Exception {
    // The shipped files in the lowest layer; a user layer with a robot.yaml whose femur is longer.
    ConfigLayers l = shippedWithUserRobot("femur_m: 0.12", "femur_m: 0.13");
    LocomotionConfig cfg = LocomotionConfig.load(l);
    assertEquals(0.13, cfg.robot().leg().femurM(), 1e-12);
    assertEquals(LocomotionConfig.load(Path.of("../config")).gaitTable(), cfg.gaitTable());
  }

  private ConfigLayers shippedWithUserRobot(String from, String to) throws Exception {
    try (var files = Files.list(Path.of("../config"))) {
      for (Path f : (Iterable<Path>) files::iterator) {
        Files.copy(
            f, builtIn.resolve(f.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      }
    }
    String robot = Files.readString(builtIn.resolve("robot.yaml"));
    assertTrue(robot.contains(from));
    put(xdg.resolve("robodog"), "robot.yaml");
    Files.writeString(xdg.resolve("robodog").resolve("robot.yaml"), robot.replace(from, to));
    return stack(null);
  }

  @Test
  void aFileInNoLayerResolvesToTheShippedPathAndHasNoSource() {
    ConfigLayers l = stack(null);
    assertNull(l.source("nonesuch.yaml"));
    assertEquals(builtIn.resolve("nonesuch.yaml"), l.file("nonesuch.yaml"));
  }

  @Test
  void absentSiteAndUserLayersAreSkippedSilently() {
    assertFalse(Files.exists(site));
    assertFalse(Files.exists(xdg));
    ConfigLayers l = stack(null);
    assertEquals(ConfigLayers.State.ABSENT, l.layer(ConfigLayers.Role.SITE).state());
    assertEquals(builtIn.resolve("robot.yaml"), l.file("robot.yaml"));
  }

  @Test
  void aMissingConfigOptionIsABadArgumentNamingTheDirectory() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> stack(option));
    assertEquals("--config " + option + ": directory not found", e.getMessage());
  }

  @Test
  void aSiteLayerThatIsAFileIsAnEnvironmentErrorNamingIt() throws Exception {
    Files.writeString(site, "not a directory");
    ConfigException e = assertThrows(ConfigException.class, () -> stack(null));
    assertTrue(e.getMessage().startsWith(site + " (site configuration layer)"), e.getMessage());
  }

  @Test
  void anUnreadableUserLayerIsAnEnvironmentErrorNamingIt() throws Exception {
    Path user = Files.createDirectories(xdg.resolve("robodog"));
    Files.setPosixFilePermissions(user, PosixFilePermissions.fromString("---------"));
    try {
      // root reads anything: there this refusal cannot be provoked.
      assumeFalse(Files.isReadable(user), "running as a user who can read a mode-000 directory");
      ConfigException e = assertThrows(ConfigException.class, () -> stack(null));
      assertTrue(e.getMessage().contains(user + " (user configuration layer)"), e.getMessage());
    } finally {
      Files.setPosixFilePermissions(user, PosixFilePermissions.fromString("rwx------"));
    }
  }

  @Test
  void theUserLayerFollowsXdgConfigHomeElseTheHomeDotConfig() {
    Path dflt = home.resolve(".config").resolve("robodog");
    assertEquals(
        xdg.resolve("robodog"),
        ConfigLayers.standard(builtIn, site, Map.of("XDG_CONFIG_HOME", xdg.toString()), home, null)
            .userDir());
    assertEquals(dflt, ConfigLayers.standard(builtIn, site, Map.of(), home, null).userDir());
    assertEquals(
        dflt,
        ConfigLayers.standard(builtIn, site, Map.of("XDG_CONFIG_HOME", ""), home, null).userDir());
    assertEquals(
        dflt,
        ConfigLayers.standard(builtIn, site, Map.of("XDG_CONFIG_HOME", "rel/dir"), home, null)
            .userDir(),
        "a relative XDG_CONFIG_HOME is ignored, as the XDG specification asks");
  }
}
