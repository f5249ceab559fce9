package robodog.hardware.servo;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import robodog.core.JointKind;
import robodog.core.Joints;
import robodog.core.config.ConfigException;
import robodog.core.config.ConfigNode;
import robodog.core.config.RobotDescription;

/**
 * Servo calibration from {@code config/servos.yaml}: for each of the 18 joints, the PCA9685 board
 * and channel, the direction and the joint angle at the servo's centre pulse, plus the pulse range
 * and travel of the servos. Validated against the robot's joint limits at start-up: a file with two
 * joints on one channel, or a limit the servo cannot reach, is refused with the field named.
 * Immutable; any thread. {@link #pulseSeconds} is allocation-free.
 *
 * @param pwmHz servo frame rate, Hz
 * @param servoRangeDeg servo travel between the two pulse limits, degrees
 * @param pulseMinUs pulse at one end of the travel, µs
 * @param pulseMaxUs pulse at the other end, µs
 * @param boardAddresses I2C addresses of the boards, in file order
 * @param oscillatorHz measured oscillator per board, Hz
 * @param board index into {@code boardAddresses} per joint
 * @param channel PCA9685 output per joint
 * @param direction +1 or -1 per joint
 * @param minDeg per-joint lower limit, degrees: the robot's limit or narrower ({@code min_deg})
 * @param maxDeg per-joint upper limit, degrees ({@code max_deg})
 * @param jointPulseMinUs per-joint pulse at one end of the travel, µs (default {@code pulseMinUs})
 * @param jointPulseMaxUs per-joint pulse at the other end, µs (default {@code pulseMaxUs})
 * @param neutralDeg joint angle at the centre pulse per joint, degrees (as in the file, so a save
 *     and load round trip is exact)
 */
public record ServoCalibration(
    double pwmHz,
    double servoRangeDeg,
    double pulseMinUs,
    double pulseMaxUs,
    List<Integer> boardAddresses,
    List<Double> oscillatorHz,
    List<Integer> board,
    List<Integer> channel,
    List<Integer> direction,
    List<Double> neutralDeg,
    List<Double> minDeg,
    List<Double> maxDeg,
    List<Double> jointPulseMinUs,
    List<Double> jointPulseMaxUs) {

  /** Lower angle limit of joint j, rad: the hardware never commands below it. */
  public double minRad(int j) {
    return Math.toRadians(minDeg.get(j));
  }

  /** Upper angle limit of joint j, rad. */
  public double maxRad(int j) {
    return Math.toRadians(maxDeg.get(j));
  }

  /** Pulse width (s) that puts joint {@code j} at angle {@code q} (rad). Allocation-free. */
  public double pulseSeconds(int j, double q) {
    double s = direction.get(j) * (q - Math.toRadians(neutralDeg.get(j)));
    double lo = jointPulseMinUs.get(j);
    double hi = jointPulseMaxUs.get(j);
    double centre = (lo + hi) * 0.5e-6;
    double perRad = (hi - lo) * 1e-6 / Math.toRadians(servoRangeDeg);
    return centre + s * perRad;
  }

  /** Joint angle (rad) that pulse width {@code seconds} gives joint {@code j}: the inverse. */
  public double angleFromPulse(int j, double seconds) {
    double lo = jointPulseMinUs.get(j);
    double hi = jointPulseMaxUs.get(j);
    double centre = (lo + hi) * 0.5e-6;
    double perRad = (hi - lo) * 1e-6 / Math.toRadians(servoRangeDeg);
    return Math.toRadians(neutralDeg.get(j)) + (seconds - centre) / perRad / direction.get(j);
  }

  /** Loads and validates against the robot's joint limits. */
  public static ServoCalibration load(Path file, RobotDescription robot) {
    return from(ConfigNode.load(file), robot);
  }

  /** Validates a parsed file; throws {@link ConfigException} naming the field. */
  public static ServoCalibration from(ConfigNode root, RobotDescription robot) {
    root.rejectUnknown(
        Set.of("pwm_hz", "servo_range_deg", "pulse_min_us", "pulse_max_us", "boards", "joints"));
    double pwm = root.requireDouble("pwm_hz", 24, 1526, "Hz (the PCA9685's range)");
    double rangeDeg = root.requireDouble("servo_range_deg", 30, 360, "degrees");
    double range = Math.toRadians(rangeDeg);
    double minUs = root.requireDouble("pulse_min_us", 100, 3000, "µs");
    double maxUs = root.requireDouble("pulse_max_us", 100, 3000, "µs");
    if (maxUs <= minUs) {
      throw root.error("pulse_max_us", "a pulse longer than pulse_min_us (" + minUs + " µs)");
    }
    if (maxUs * 1e-6 >= 1.0 / pwm) {
      throw root.error(
          "pulse_max_us", "a pulse shorter than one PWM period (" + 1e6 / pwm + " µs at pwm_hz)");
    }
    List<Integer> addresses = new ArrayList<>();
    List<Double> osc = new ArrayList<>();
    for (ConfigNode b : root.childList("boards")) {
      b.rejectUnknown(Set.of("address", "oscillator_hz"));
      int a = (int) b.requireLong("address", 0x40, 0x7F);
      if (a == 0x70 || addresses.contains(a)) {
        throw b.error("address", "a unique board address other than 0x70 (the All-Call address)");
      }
      addresses.add(a);
      osc.add(b.optDouble("oscillator_hz", 25e6, 20e6, 30e6, "Hz"));
    }
    ConfigNode joints = root.child("joints");
    Set<String> names = new HashSet<>();
    for (int j = 0; j < Joints.COUNT; j++) {
      names.add(Joints.name(j));
    }
    joints.rejectUnknown(names);
    List<Integer> board = new ArrayList<>();
    List<Integer> channel = new ArrayList<>();
    List<Integer> direction = new ArrayList<>();
    List<Double> neutralDeg = new ArrayList<>();
    List<Double> minDeg = new ArrayList<>();
    List<Double> pulseMin = new ArrayList<>();
    List<Double> pulseMax = new ArrayList<>();
    List<Double> maxDeg = new ArrayList<>();
    Map<Integer, String> used = new HashMap<>();
    for (int j = 0; j < Joints.COUNT; j++) {
      String name = Joints.name(j);
      ConfigNode c = joints.child(name);
      c.rejectUnknown(
          Set.of(
              "board",
              "channel",
              "direction",
              "neutral_deg",
              "min_deg",
              "max_deg",
              "pulse_min_us",
              "pulse_max_us"));
      double jMin = c.optDouble("pulse_min_us", minUs, 100, 3000, "µs");
      double jMax = c.optDouble("pulse_max_us", maxUs, 100, 3000, "µs");
      if (jMax <= jMin || jMax * 1e-6 >= 1.0 / pwm) {
        throw c.error(
            "pulse_max_us",
            "a pulse longer than pulse_min_us (" + jMin + " µs) and shorter than one PWM period");
      }
      pulseMin.add(jMin);
      pulseMax.add(jMax);
      int address = (int) c.requireLong("board", 0, 0x7F);
      int bi = addresses.indexOf(address);
      if (bi < 0) {
        throw c.error("board", "one of the addresses under boards: " + hex(addresses));
      }
      int ch = (int) c.requireLong("channel", 0, 15);
      String other = used.put(address * 16 + ch, name);
      if (other != null) {
        throw new ConfigException(
            c.where()
                + ".channel: "
                + name
                + " and "
                + other
                + " both use board 0x"
                + Integer.toHexString(address)
                + " channel "
                + ch
                + "; expected one joint per channel");
      }
      int dir = (int) c.requireLong("direction", -1, 1);
      if (dir == 0) {
        throw c.error("direction", "1 or -1");
      }
      double nDeg = c.requireDouble("neutral_deg", -180, 180, "degrees");
      double n = Math.toRadians(nDeg);
      JointKind kind = JointKind.VALUES[j % JointKind.COUNT];
      double robotMin = Math.toDegrees(robot.jointMin(kind));
      double robotMax = Math.toDegrees(robot.jointMax(kind));
      double lo =
          c.optDouble(
              "min_deg", robotMin, robotMin, robotMax, "degrees, within robot.yaml's joint limits");
      double hi =
          c.optDouble(
              "max_deg", robotMax, robotMin, robotMax, "degrees, within robot.yaml's joint limits");
      if (hi <= lo) {
        throw c.error("max_deg", "a limit above min_deg (" + lo + "°)");
      }
      minDeg.add(lo);
      maxDeg.add(hi);
      for (double limit : new double[] {Math.toRadians(lo), Math.toRadians(hi)}) {
        double s = dir * (limit - n);
        if (Math.abs(s) > range / 2 + 1e-9) {
          throw new ConfigException(
              c.where()
                  + ".neutral_deg: the joint limit "
                  + Math.round(Math.toDegrees(limit))
                  + "° maps to servo angle "
                  + Math.round(Math.toDegrees(s))
                  + "°, outside the servo's ±"
                  + Math.round(Math.toDegrees(range / 2))
                  + "°; expected a neutral_deg that centres the"
                  + " joint's range in the servo's travel");
        }
      }
      board.add(bi);
      channel.add(ch);
      direction.add(dir);
      neutralDeg.add(nDeg);
    }
    return new ServoCalibration(
        pwm,
        rangeDeg,
        minUs,
        maxUs,
        List.copyOf(addresses),
        List.copyOf(osc),
        List.copyOf(board),
        List.copyOf(channel),
        List.copyOf(direction),
        List.copyOf(neutralDeg),
        List.copyOf(minDeg),
        List.copyOf(maxDeg),
        List.copyOf(pulseMin),
        List.copyOf(pulseMax));
  }

  private static String hex(List<Integer> a) {
    StringBuilder sb = new StringBuilder();
    for (int x : a) {
      sb.append(sb.length() == 0 ? "" : ", ").append("0x").append(Integer.toHexString(x));
    }
    return sb.toString();
  }
}
