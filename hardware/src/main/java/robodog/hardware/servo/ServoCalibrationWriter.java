package robodog.hardware.servo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import robodog.core.Joints;

/**
 * Saves a calibration in the format {@link ServoCalibration#from} reads, numbers at full precision
 * so a save and load round trip is exact. Written to a temporary file and moved into place, so a
 * crash mid-save never leaves a half-written calibration (the old one stays). Not for the control
 * thread.
 */
public final class ServoCalibrationWriter {
  private ServoCalibrationWriter() {}

  /** The YAML text. */
  public static String toYaml(ServoCalibration c) {
    StringBuilder sb = new StringBuilder();
    sb.append("# Servo calibration (see config/servos.yaml in the repository for the meaning).\n");
    sb.append("# Written by ./robodog calibrate servos.\n");
    sb.append("pwm_hz: ").append(c.pwmHz()).append('\n');
    sb.append("servo_range_deg: ").append(c.servoRangeDeg()).append('\n');
    sb.append("pulse_min_us: ").append(c.pulseMinUs()).append('\n');
    sb.append("pulse_max_us: ").append(c.pulseMaxUs()).append('\n');
    sb.append("boards:\n");
    for (int b = 0; b < c.boardAddresses().size(); b++) {
      sb.append(
          String.format(
              Locale.ROOT,
              "  - { address: 0x%02x, oscillator_hz: %s }%n",
              c.boardAddresses().get(b),
              c.oscillatorHz().get(b)));
    }
    sb.append("joints:\n");
    for (int j = 0; j < Joints.COUNT; j++) {
      sb.append(
          String.format(
              Locale.ROOT,
              "  %s: { board: 0x%02x, channel: %d, direction: %2d, neutral_deg: %s,"
                  + " min_deg: %s, max_deg: %s, pulse_min_us: %s, pulse_max_us: %s }%n",
              Joints.name(j),
              c.boardAddresses().get(c.board().get(j)),
              c.channel().get(j),
              c.direction().get(j),
              c.neutralDeg().get(j),
              c.minDeg().get(j),
              c.maxDeg().get(j),
              c.jointPulseMinUs().get(j),
              c.jointPulseMaxUs().get(j)));
    }
    return sb.toString();
  }

  /**
   * Writes atomically: temporary file in the same directory, then a move over the old one. The
   * directory is created if missing (the first save into the user's configuration directory).
   */
  public static void save(ServoCalibration c, Path file) throws IOException {
    Path abs = file.toAbsolutePath();
    Files.createDirectories(abs.getParent());
    Path tmp = Files.createTempFile(abs.getParent(), ".servos", ".yaml");
    try {
      Files.writeString(tmp, toYaml(c));
      Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }
}
