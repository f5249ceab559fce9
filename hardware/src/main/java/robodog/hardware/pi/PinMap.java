package robodog.hardware.pi;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import robodog.core.BatteryCharge;
import robodog.core.LegId;
import robodog.core.config.ConfigException;
import robodog.core.config.ConfigNode;

/**
 * The Pi's wiring from {@code config/pins.yaml}: I2C bus and addresses, GPIO pins (BCM numbers) and
 * their polarity, battery divider and thresholds (optional: without them, {@link BatteryCharge}'s
 * for the robot's pack). Validated at start: a pin used twice or an address clash is refused naming
 * the field. Immutable; any thread.
 */
public record PinMap(
    int i2cBus,
    int imuAddress,
    List<Double> imuMountRpyRad,
    int adcAddress,
    double batteryDivider,
    double batteryWarnVolts,
    double batteryCriticalVolts,
    List<Integer> footSwitchBcm,
    int estopBcm,
    boolean estopActiveLow,
    boolean switchesActiveLow,
    int relayBcm,
    int oeBcm) {

  /** Loads and validates the pin map. */
  public static PinMap load(Path file) {
    ConfigNode r = ConfigNode.load(file);
    r.rejectUnknown(
        Set.of(
            "i2c_bus",
            "imu_address",
            "imu_mount_rpy_deg",
            "adc_address",
            "battery_divider",
            "battery_warn_v",
            "battery_critical_v",
            "foot_switch_bcm",
            "estop_bcm",
            "estop_active_low",
            "switches_active_low",
            "relay_bcm",
            "oe_bcm"));
    Set<Long> used = new HashSet<>();
    ConfigNode feet = r.child("foot_switch_bcm");
    List<Integer> foot = new ArrayList<>();
    for (LegId leg : LegId.VALUES) {
      foot.add(pin(feet, leg.shortName(), used));
    }
    // The thresholds every body shares live in core; pins.yaml may override them for another pack.
    double warn =
        r.has("battery_warn_v")
            ? r.requireDouble("battery_warn_v", 1, 60, "V")
            : BatteryCharge.warnVolts(BatteryCharge.ROBOT_CELLS);
    double critical =
        r.has("battery_critical_v")
            ? r.requireDouble("battery_critical_v", 1, 60, "V")
            : BatteryCharge.criticalVolts(BatteryCharge.ROBOT_CELLS);
    if (critical >= warn) {
      throw r.error("battery_critical_v", "a voltage below battery_warn_v (" + warn + " V)");
    }
    int imu = (int) r.requireLong("imu_address", 0x68, 0x69);
    int adc = (int) r.requireLong("adc_address", 0x48, 0x4B);
    double[] mount =
        r.has("imu_mount_rpy_deg")
            ? r.requireDoubles(
                "imu_mount_rpy_deg", 3, "degrees: roll pitch yaw of the board in base_link")
            : new double[3];
    return new PinMap(
        (int) r.requireLong("i2c_bus", 0, 10),
        imu,
        List.of(Math.toRadians(mount[0]), Math.toRadians(mount[1]), Math.toRadians(mount[2])),
        adc,
        r.requireDouble("battery_divider", 1, 100, "(battery volts per ADC volt)"),
        warn,
        critical,
        List.copyOf(foot),
        pin(r, "estop_bcm", used),
        r.optBoolean("estop_active_low", false),
        r.optBoolean("switches_active_low", true),
        pin(r, "relay_bcm", used),
        r.has("oe_bcm") ? pin(r, "oe_bcm", used) : -1);
  }

  private static int pin(ConfigNode n, String key, Set<Long> used) {
    long p = n.requireLong(key, 2, 27);
    if (!used.add(p)) {
      throw new ConfigException(
          n.where() + " " + key + ": GPIO " + p + " is already used by another input or output");
    }
    return (int) p;
  }
}
