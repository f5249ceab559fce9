package robodog.hardware.pi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import robodog.core.BatteryCharge;

/** Battery thresholds: core's for the 2S pack unless pins.yaml names others. */
class PinMapBatteryTest {
  @TempDir Path dir;

  @Test
  void theShippedPinMapUsesCoresThresholds() {
    PinMap p = PinMap.load(Path.of("../config/pins.yaml"));
    assertEquals(BatteryCharge.warnVolts(BatteryCharge.ROBOT_CELLS), p.batteryWarnVolts(), 1e-12);
    assertEquals(
        BatteryCharge.criticalVolts(BatteryCharge.ROBOT_CELLS), p.batteryCriticalVolts(), 1e-12);
  }

  @Test
  void pinsYamlMayOverrideThemForAnotherPack() throws Exception {
    String shipped = Files.readString(Path.of("../config/pins.yaml"));
    Path f = dir.resolve("pins.yaml");
    Files.writeString(f, shipped + "battery_warn_v: 10.8\nbattery_critical_v: 10.2\n");
    PinMap p = PinMap.load(f);
    assertEquals(10.8, p.batteryWarnVolts(), 1e-12);
    assertEquals(10.2, p.batteryCriticalVolts(), 1e-12);
  }
}
