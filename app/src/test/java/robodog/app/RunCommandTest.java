package robodog.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * On a machine that is not the robot, `run` says which device it could not open and powers nothing.
 */
class RunCommandTest {
  @TempDir Path dir;

  @Test
  void withoutTheRobotsBusItNamesTheBusAndAddress() {
    Cli r = Cli.run("run", "--hardware", "pi", "--duration", "1");
    assertEquals(1, r.status);
    assertTrue(r.err.contains("hardware not ready: cannot open I2C bus 1 address 0x40"), r.err);
  }

  @Test
  void anUnknownBodyOrBadRateIsRefusedByNameWithNothingStarted() {
    Cli r = Cli.run("run", "--hardware", "mars", "--duration", "1");
    assertEquals(2, r.status);
    assertTrue(r.err.contains("--hardware: expected pi, hil or sim, got 'mars'"), r.err);
    assertTrue(!r.out.contains("MQTT broker"), "no broker was opened: " + r.out);
    r = Cli.run("run", "--hardware", "sim", "--rate", "10", "--duration", "1");
    assertEquals(2, r.status);
    assertTrue(r.err.contains("--rate must be in [50, 2000] Hz, got 10.0"), r.err);
  }

  @Test
  void calibrationAlsoNamesTheMissingBusAndLeavesTheFileAlone() throws Exception {
    Path file = dir.resolve("servos.yaml");
    Files.copy(Path.of("../config/servos.yaml"), file);
    String before = Files.readString(file);
    Cli r = Cli.run("calibrate", "servos", "--file", file.toString());
    assertEquals(1, r.status);
    assertTrue(r.err.contains("cannot open I2C bus 1 address 0x40"), r.err);
    assertEquals(before, Files.readString(file));
  }

  @Test
  void aPinUsedTwiceIsRefusedBeforeAnyDeviceIsOpened() throws Exception {
    Path cfg = Cli.configWith(dir, "pins.yaml", "relay_bcm: 21", "relay_bcm: 16");
    Cli r = Cli.run("run", "--hardware", "pi", "--config", cfg.toString());
    assertEquals(1, r.status);
    assertTrue(r.err.contains("relay_bcm: GPIO 16 is already used"), r.err);
  }
}
