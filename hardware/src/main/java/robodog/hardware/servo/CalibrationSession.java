package robodog.hardware.servo;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import robodog.core.JointCommand;
import robodog.core.JointKind;
import robodog.core.Joints;
import robodog.core.config.ConfigException;
import robodog.core.config.RobotDescription;

/**
 * The logic of {@code ./robodog calibrate servos}: the robot is held in a reference pose that is
 * easy to see (coxa square to its mount, femur level, tibia vertical), one joint is selected at a
 * time, and its neutral angle is nudged until the real joint matches the pose; then the file is
 * saved. Every frame is computed with joint angles clamped to their limits, and an edit that would
 * put a limit outside the servo's travel is refused, so no joint is ever driven past a limit.
 *
 * <p>Commands (one per line): {@code n}/{@code p} next/previous joint, {@code j NAME} select,
 * {@code + [deg]}/{@code - [deg]} nudge (default 1°), {@code r} reverse direction, {@code s} save,
 * {@code q} quit, {@code ?} help. Single-threaded (the terminal).
 */
public final class CalibrationSession {
  private final RobotDescription robot;
  private final ServoOutput output;
  private final Path file;
  private final List<Double> neutral;
  private final List<Integer> direction;
  private final JointCommand pose = new JointCommand();
  private ServoCalibration current;
  private int joint;
  private boolean dirty;

  public CalibrationSession(
      RobotDescription robot, ServoCalibration cal, ServoOutput output, Path file) {
    this.robot = robot;
    this.output = output;
    this.file = file;
    this.current = cal;
    this.neutral = new ArrayList<>(cal.neutralDeg());
    this.direction = new ArrayList<>(cal.direction());
    double[] reference = {0, 0, -Math.PI / 2};
    for (int j = 0; j < Joints.COUNT; j++) {
      JointKind k = JointKind.VALUES[j % JointKind.COUNT];
      double q = reference[k.ordinal()];
      pose.position[j] = Math.max(cal.minRad(j), Math.min(cal.maxRad(j), q));
    }
    pose.enabled = true;
  }

  /** Sends the reference pose with the current calibration. */
  public String start() {
    output.write(pose);
    return "holding the reference pose (coxa square, femur level, tibia vertical); "
        + describe()
        + "  (? for help)";
  }

  private String describe() {
    return String.format(
        Locale.ROOT,
        "%s: neutral %.1f°, direction %+d",
        Joints.name(joint),
        neutral.get(joint),
        direction.get(joint));
  }

  /** Handles one command line; returns what to print. {@code null} means quit. */
  public String handle(String line) {
    String[] w = line.trim().split("\\s+");
    String cmd = w[0];
    switch (cmd) {
      case "n":
        joint = (joint + 1) % Joints.COUNT;
        return describe();
      case "p":
        joint = (joint + Joints.COUNT - 1) % Joints.COUNT;
        return describe();
      case "j":
        for (int j = 0; j < Joints.COUNT; j++) {
          if (w.length > 1 && Joints.name(j).equals(w[1])) {
            joint = j;
            return describe();
          }
        }
        return "unknown joint: expected a name like lf_femur_joint";
      case "+":
      case "-":
        double step;
        try {
          step = w.length > 1 ? Double.parseDouble(w[1]) : 1.0;
        } catch (NumberFormatException e) {
          return "expected a number of degrees after " + cmd + ", got '" + w[1] + "'";
        }
        if (!(step > 0 && step <= 20)) {
          return "a nudge must be in (0, 20] degrees";
        }
        return edit(neutral.get(joint) + (cmd.equals("+") ? step : -step), direction.get(joint));
      case "r":
        return edit(neutral.get(joint), -direction.get(joint));
      case "s":
        try {
          ServoCalibrationWriter.save(current, file);
        } catch (IOException e) {
          return "not saved: " + e.getMessage() + " (the old file is unchanged)";
        }
        dirty = false;
        return "saved " + file;
      case "q":
        return dirty ? "unsaved changes: s to save, q! to quit without saving" : null;
      case "q!":
        return null;
      case "?":
        return "n/p next/previous joint, j NAME select, + [deg] / - [deg] nudge neutral,"
            + " r reverse direction, s save, q quit";
      default:
        return "unknown command '" + cmd + "' (? for help)";
    }
  }

  private String edit(double newNeutral, int newDirection) {
    double oldNeutral = neutral.get(joint);
    int oldDirection = direction.get(joint);
    neutral.set(joint, newNeutral);
    direction.set(joint, newDirection);
    ServoCalibration edited =
        new ServoCalibration(
            current.pwmHz(),
            current.servoRangeDeg(),
            current.pulseMinUs(),
            current.pulseMaxUs(),
            current.boardAddresses(),
            current.oscillatorHz(),
            current.board(),
            current.channel(),
            List.copyOf(direction),
            List.copyOf(neutral),
            current.minDeg(),
            current.maxDeg(),
            current.jointPulseMinUs(),
            current.jointPulseMaxUs());
    try {
      checkLimits(edited);
    } catch (ConfigException e) {
      neutral.set(joint, oldNeutral);
      direction.set(joint, oldDirection);
      return "refused: " + e.getMessage();
    }
    current = edited;
    output.setCalibration(edited);
    output.write(pose);
    dirty = true;
    return describe();
  }

  private void checkLimits(ServoCalibration c) {
    double half = Math.toRadians(c.servoRangeDeg()) / 2;
    for (double limit : new double[] {c.minRad(joint), c.maxRad(joint)}) {
      double s = c.direction().get(joint) * (limit - Math.toRadians(c.neutralDeg().get(joint)));
      if (Math.abs(s) > half + 1e-9) {
        throw new ConfigException(
            String.format(
                Locale.ROOT,
                "%s limit %.0f° would be outside the servo's ±%.0f° travel",
                Joints.name(joint),
                Math.toDegrees(limit),
                Math.toDegrees(half)));
      }
    }
  }

  /** The calibration as edited so far. */
  public ServoCalibration calibration() {
    return current;
  }
}
