package robodog.app;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import robodog.app.robot.LinkOptions;
import robodog.app.robot.OperatorSide;
import robodog.app.robot.PiBody;
import robodog.app.robot.Robot;
import robodog.app.robot.RobotSetup;
import robodog.app.robot.Shutdown;
import robodog.core.LoopStats;
import robodog.core.Mode;
import robodog.core.MotionCommand;
import robodog.core.SystemClock;
import robodog.hardware.pi.PinMap;
import robodog.hardware.servo.ServoCalibration;
import robodog.locomotion.LocomotionConfig;
import robodog.sim.scenario.Scenario;
import robodog.sim.scenario.ScenarioLoader;

/**
 * {@code ./robodog run}: the whole robot (controller, operator link, tablet page, missions, learned
 * advisor, perception, ROS 2) on one of its bodies: the Raspberry Pi's own devices ({@code
 * --hardware pi}, the default on a Pi), the real Pi4J drivers against register models over the
 * physics simulator ({@code hil}), or the simulated hardware ({@code sim}, the default elsewhere;
 * {@code sim --realtime} is its short alias). On the Pi every device is opened and checked before
 * servo power comes on; a failure names the device, nothing powered, exit 1. The robot on the Pi
 * starts PASSIVE, a simulated one standing; operators command it through the link.
 */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = {
      "Runs the whole robot: on the Raspberry Pi (--hardware pi), on simulated chips over physics",
      "(hil) or on simulated hardware (sim), with the operator link, tablet page and missions."
    })
public final class RunCommand implements Callable<Integer> {
  private static final Path PI_MODEL = Path.of("/proc/device-tree/model");

  @Spec CommandSpec spec;

  @Mixin ConfigOption config = new ConfigOption();

  @Mixin LinkOptions link = new LinkOptions();

  @Mixin PolicyOptions policy = new PolicyOptions();

  @Mixin RealtimeOptions rtOptions = new RealtimeOptions();

  @Option(
      names = "--hardware",
      description =
          "pi (the Raspberry Pi's devices; default on a Pi), hil (Pi4J drivers on register"
              + " models over physics) or sim (simulated hardware; default elsewhere)")
  String hardware;

  @Option(
      names = "--scenario",
      defaultValue = "flat-walk",
      description =
          "with hil or sim: the world, a name in scenarios/ or a .yaml (default ${DEFAULT-VALUE})")
  String scenario;

  @Option(names = "--seed", description = "with hil or sim: random seed (default: the scenario's)")
  Long seed;

  @Option(
      names = "--perception",
      description =
          "with hil or sim: on|off, the simulated camera (default on when the scenario has a"
              + " scene); on the Pi perception follows config/camera.yaml")
  String perception;

  @Option(names = "--report", description = "with hil or sim: write the JSON report here")
  Path report;

  @Option(names = "--plots", description = "with hil or sim: write PNG plots into this directory")
  Path plots;

  @Option(names = "--stand", description = "stand up after start (bring-up without an operator)")
  boolean stand;

  @Option(
      names = "--rate",
      description =
          "control loop rate, Hz, 50-2000 (default: loop_rate_hz of controller.yaml); lower only"
              + " where the machine cannot keep up, e.g. hil under emulation")
  Double rateOption;

  @Option(
      names = "--duration",
      description = "stop after this many seconds (default: run until stopped)")
  Double duration;

  @Override
  public Integer call() throws Exception {
    if (duration != null && !(duration > 0 && duration <= 30 * 86_400)) {
      throw new IllegalArgumentException("--duration must be in (0, 2592000] s, got " + duration);
    }
    if (rateOption != null && !(rateOption >= 50 && rateOption <= 2000)) {
      throw new IllegalArgumentException("--rate must be in [50, 2000] Hz, got " + rateOption);
    }
    String body = hardware != null ? hardware : onPi() ? "pi" : "sim";
    if (!body.equals("pi") && !body.equals("hil") && !body.equals("sim")) {
      throw new IllegalArgumentException("--hardware: expected pi, hil or sim, got '" + body + "'");
    }
    if (perception != null && !perception.equals("on") && !perception.equals("off")) {
      throw new IllegalArgumentException("--perception: expected on or off, got " + perception);
    }
    link.ros2().check(true);
    LocomotionConfig cfg = config.load();
    double rate = rateOption != null ? rateOption : cfg.settings().loopRateHz();
    PrintWriter out = spec.commandLine().getOut();
    OperatorSide.Setup side =
        link.setup(
                RunsCommand.defaultDb(),
                Paths.home().resolve("routes"),
                plots != null ? plots : Paths.home().resolve("runs").resolve("reports"))
            .withCommsLoss(robodog.operatorlink.CommsLossStages.load(config.file("link.yaml")));
    if (hardware == null) {
      out.println(
          "hardware: "
              + body
              + (body.equals("pi")
                  ? " (a Raspberry Pi)"
                  : " (not a Raspberry Pi; --hardware pi insists)"));
    }
    policy.printOff(out);
    if (body.equals("pi")) {
      if (perception != null || report != null || plots != null || !scenario.equals("flat-walk")) {
        throw new IllegalArgumentException(
            "--scenario, --seed, --perception, --report and --plots apply to --hardware hil or sim");
      }
      return runOnPi(cfg, rate, side, out);
    }
    Scenario sc = ScenarioLoader.load(scenario, Paths.scenarios());
    robodog.harness.sim.SimRun.validate(cfg, sc, null);
    boolean withCamera =
        perception == null
            ? !sc.scene().equals(robodog.sim.camera.Scene.EMPTY)
            : perception.equals("on");
    robodog.harness.sim.SimRun.Options r =
        new robodog.harness.sim.SimRun.Options(
            sc,
            null,
            seed != null ? seed : sc.seed(),
            duration != null ? duration : Double.POSITIVE_INFINITY,
            rate,
            true,
            false,
            null,
            body.equals("hil") ? SimCommand.hil(cfg, config) : null,
            policy.file(),
            withCamera
                ? robodog.harness.perception.SimPerception.Setup.load(config.layers())
                : null,
            null,
            null,
            SimCommand.simulatedBodyRealtime(spec, rtOptions));
    return SimulatedRun.run(cfg, r, side, report, plots, out);
  }

  private static boolean onPi() {
    try {
      return Files.isReadable(PI_MODEL) && Files.readString(PI_MODEL).contains("Raspberry Pi");
    } catch (java.io.IOException e) {
      return false;
    }
  }

  private int runOnPi(LocomotionConfig cfg, double rate, OperatorSide.Setup side, PrintWriter out)
      throws Exception {
    ServoCalibration cal = ServoCalibration.load(config.file("servos.yaml"), cfg.robot());
    PinMap pins = PinMap.load(config.file("pins.yaml"));
    PiBody piBody;
    try {
      piBody = new PiBody(cfg, config.layers(), pins, cal);
    } catch (IllegalStateException e) {
      spec.commandLine().getErr().println("robodog: " + e.getMessage());
      return 1;
    }
    RobotSetup setup =
        new RobotSetup(
            rate,
            Mode.PASSIVE,
            policy.file(),
            robodog.core.config.PayloadConfig.load(config.file("payload.yaml")),
            true,
            rtOptions.request(),
            side);
    Shutdown shutdown = Shutdown.install();
    try (Robot robot = Robot.assemble(cfg, piBody, new SystemClock(), setup, out)) {
      MotionCommand c = new MotionCommand();
      c.requestedMode = stand ? Mode.STANDING : Mode.PASSIVE;
      robot.commands().offer(c);
      robot.start(true);
      long end = duration == null ? Long.MAX_VALUE : System.nanoTime() + Math.round(duration * 1e9);
      while (System.nanoTime() < end && !shutdown.requested()) {
        Thread.sleep(200);
        printStatus(robot, out);
      }
      robot.close(); // servos off, state/status offline
      out.println(shutdown.requested() ? "stopped by SIGTERM: servos off" : "stopped: servos off");
      out.flush();
    } finally {
      shutdown.finished();
    }
    return 0;
  }

  private long lastStatus;

  private void printStatus(Robot robot, PrintWriter out) {
    long now = System.nanoTime();
    if (now - lastStatus < 1_000_000_000L) {
      return;
    }
    lastStatus = now;
    LoopStats s = robot.loop().stats();
    out.printf(
        Locale.ROOT,
        "ticks %d  overruns %d  p99 lateness %.0f µs%s%n",
        s.ticks(),
        s.overruns(),
        s.latenessP99Nanos() / 1e3,
        robot.perception() == null ? "" : "  " + robot.perception().summary());
    out.flush();
  }
}
