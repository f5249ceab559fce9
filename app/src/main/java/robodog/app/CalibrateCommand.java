package robodog.app;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import robodog.core.config.RobotDescription;
import robodog.hardware.pi.Pi4jDevices;
import robodog.hardware.pi.PinMap;
import robodog.hardware.servo.CalibrationSession;
import robodog.hardware.servo.ServoCalibration;
import robodog.hardware.servo.ServoOutput;

/** {@code ./robodog calibrate servos}: interactive servo calibration on the robot. */
@Command(
    name = "calibrate",
    mixinStandardHelpOptions = true,
    description = "Calibration tools that run on the robot.",
    subcommands = {CalibrateCommand.Servos.class, CalibrateCameraCommand.class})
public final class CalibrateCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(
        spec.commandLine(), "expected: servos or camera");
  }

  /** One joint at a time: nudge its neutral until it matches the reference pose, then save. */
  @Command(
      name = "servos",
      mixinStandardHelpOptions = true,
      description = {
        "Holds the robot in a reference pose (coxa square, femur level, tibia vertical) and lets",
        "you nudge each joint's neutral angle until the real joint matches; s saves, ? helps.",
        "Support the body on a stand first: the legs move."
      })
  public static final class Servos implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin ConfigOption config = new ConfigOption();

    @Option(
        names = "--file",
        description =
            "calibration file to read and save (default: start from servos.yaml as the layers"
                + " give it, save to $XDG_CONFIG_HOME/robodog/servos.yaml, i.e."
                + " ~/.config/robodog/servos.yaml; see './robodog config')")
    Path file;

    @Override
    public Integer call() throws Exception {
      RobotDescription robot = RobotDescription.load(config.file("robot.yaml"));
      CalibrationFiles files = CalibrationFiles.of(file, config.layers());
      ServoCalibration cal = ServoCalibration.load(files.from(), robot);
      PinMap pins = PinMap.load(config.file("pins.yaml"));
      Path target = files.to();
      PrintWriter out = spec.commandLine().getOut();
      out.println(files.describe());
      try (Pi4jDevices devices = new Pi4jDevices()) {
        ServoOutput servos;
        try {
          servos = devices.servoOutput(pins, cal);
          servos.initialize(us -> java.util.concurrent.locks.LockSupport.parkNanos(us * 1000));
        } catch (RuntimeException e) {
          spec.commandLine().getErr().println("robodog: hardware not ready: " + e.getMessage());
          return 1;
        }
        CalibrationSession session = new CalibrationSession(robot, cal, servos, target);
        out.println(session.start());
        out.flush();
        BufferedReader in =
            new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        try {
          for (String line = in.readLine(); line != null; line = in.readLine()) {
            if (line.isBlank()) {
              continue;
            }
            String reply = session.handle(line);
            if (reply == null) {
              break;
            }
            out.println(reply);
            out.flush();
          }
        } finally {
          servos.allOff(); // leave the servos limp, never holding a half-calibrated pose
        }
      }
      return 0;
    }
  }
}
