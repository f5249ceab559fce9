package robodog.app;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import robodog.core.ControlTask;
import robodog.core.LoopRunner;
import robodog.core.LoopStats;
import robodog.core.Mailbox;
import robodog.core.Mode;
import robodog.core.MotionCommand;
import robodog.core.SystemClock;
import robodog.core.Telemetry;
import robodog.hardware.PiHardware;
import robodog.hardware.pi.Pi4jDevices;
import robodog.hardware.pi.PinMap;
import robodog.hardware.servo.ServoCalibration;
import robodog.locomotion.HexapodController;
import robodog.locomotion.LocomotionConfig;

/**
 * {@code ./robodog run}: the controller on the real robot (Raspberry Pi, Pi4J). Everything is
 * validated and every device opened and checked before servo power comes on; any failure there ends
 * with a message naming the device and nothing powered. The robot starts PASSIVE; {@code --stand}
 * asks it to stand up (bring-up), operators command it through the operator link.
 */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = "Runs the controller on the robot's own hardware (Raspberry Pi).")
public final class RunCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin ConfigOption config = new ConfigOption();

  @Mixin robodog.app.ros2.Ros2Options ros2 = new robodog.app.ros2.Ros2Options();

  @Option(names = "--stand", description = "stand up after start (bring-up without an operator)")
  boolean stand;

  @Mixin PolicyOptions policy = new PolicyOptions();

  @Option(
      names = "--duration",
      description = "stop after this many seconds (default: run until stopped)")
  Double duration;

  @Override
  public Integer call() throws Exception {
    if (duration != null && !(duration > 0)) {
      throw new IllegalArgumentException("--duration must be > 0 s, got " + duration);
    }
    ros2.check(true);
    LocomotionConfig cfg = config.load();
    ServoCalibration cal = ServoCalibration.load(config.dir().resolve("servos.yaml"), cfg.robot());
    PinMap pins = PinMap.load(config.dir().resolve("pins.yaml"));
    PrintWriter out = spec.commandLine().getOut();
    java.nio.file.Path policyFile = policy.file();
    // The robot's own payload is not configured yet: the policy sees 0 kg (see docs/weaknesses.md).
    try (Pi4jDevices devices = new Pi4jDevices();
        robodog.app.learn.PolicyWiring advisor =
            policyFile == null ? null : robodog.app.learn.PolicyWiring.load(cfg, policyFile, 0)) {
      if (advisor != null) {
        out.println(advisor.describe());
      }
      double[] sitting = cfg.jointAnglesAtHeight(cfg.robot().stance().sitHeightM());
      PiHardware hw;
      try {
        hw = devices.build(pins, cal, sitting);
        hw.configure();
      } catch (RuntimeException e) {
        spec.commandLine().getErr().println("robodog: hardware not ready: " + e.getMessage());
        return 1;
      }
      Mailbox<MotionCommand> commands = LocomotionConfig.commandMailbox();
      Mailbox<Telemetry> telemetry = LocomotionConfig.telemetryMailbox();
      robodog.app.ros2.Ros2Session ros2Session =
          ros2.startStandalone(commands, telemetry, cfg.robot(), out);
      HexapodController controller =
          cfg.newController(commands, ros2Session.controllerTelemetry(), Mode.PASSIVE);
      robodog.perception.PerceptionPipeline perception =
          robodog.app.perception.RobotPerception.start(config.dir(), controller, out);
      if (advisor != null) {
        advisor.attach(controller, cfg.settings().loopRateHz(), true);
      }
      long period = Math.round(1e9 / cfg.settings().loopRateHz());
      LoopRunner loop =
          new LoopRunner(
              new SystemClock(), period, new ControlTask(hw, controller), "control-loop");
      MotionCommand c = new MotionCommand();
      c.requestedMode = stand ? Mode.STANDING : Mode.PASSIVE;
      commands.offer(c);
      hw.activate();
      loop.start(Thread.MAX_PRIORITY);
      Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(loop, hw), "robodog-shutdown"));
      long end = duration == null ? Long.MAX_VALUE : System.nanoTime() + Math.round(duration * 1e9);
      while (System.nanoTime() < end) {
        Thread.sleep(1000);
        Telemetry t = telemetry.latest();
        LoopStats s = loop.stats();
        out.printf(
            Locale.ROOT,
            "mode %s  %s  advisor %s  margin %.3f m  ticks %d  overruns %d  p99 lateness %.0f µs%s%n",
            t == null ? "-" : t.mode,
            t == null ? "" : t.notice.text(),
            t == null ? "-" : robodog.operatorlink.mqtt.TelemetryJson.advisorState(t.gaitAdvisor),
            t == null ? 0 : t.stabilityMargin,
            s.ticks(),
            s.overruns(),
            s.latenessP99Nanos() / 1e3,
            perception == null
                ? ""
                : String.format(
                    Locale.ROOT,
                    "  perception %d frames %.1f ms, scale %.2f",
                    perception.framesProcessed(),
                    perception.meanFrameMillis(),
                    t == null ? 1.0 : t.safetyScale));
        out.flush();
      }
      stop(loop, hw);
      if (perception != null) {
        perception.close();
      }
      ros2Session.close();
    }
    return 0;
  }

  private static void stop(LoopRunner loop, PiHardware hw) {
    try {
      loop.stop();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      hw.deactivate(); // all outputs off, relay open
    }
  }
}
