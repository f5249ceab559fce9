package robodog.app;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import robodog.app.robot.HarnessRobots;
import robodog.harness.sim.GaitComparison;
import robodog.harness.sim.SimReport;
import robodog.harness.sim.SimRun;
import robodog.locomotion.LocomotionConfig;
import robodog.sim.scenario.Scenario;
import robodog.sim.scenario.ScenarioLoader;

/** {@code ./robodog sim}: the simulated robot on a scenario: the main job. */
@Command(
    name = "sim",
    mixinStandardHelpOptions = true,
    description = {
      "Runs a scenario in the physics simulator (ode4j) with the real controller, prints a summary",
      "and optionally writes a JSON report and PNG plots. Default scenario: flat-walk."
    })
public final class SimCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--scenario",
      defaultValue = "flat-walk",
      description = "scenario name in scenarios/ or a .yaml path (default ${DEFAULT-VALUE})")
  String scenario;

  @Option(names = "--duration", description = "simulated seconds (default: the scenario's)")
  Double duration;

  @Option(names = "--seed", description = "random seed (default: the scenario's)")
  Long seed;

  @Option(
      names = "--gait",
      description = "override the scenario's gait: tripod, tetrapod, ripple or wave")
  String gait;

  @Option(names = "--report", description = "write the JSON report here")
  Path report;

  @Option(names = "--plots", description = "write PNG plots into this directory")
  Path plots;

  @Option(
      names = "--realtime",
      description = "pace to the wall clock; the robot stands waiting for an operator")
  boolean realtime;

  @Option(
      names = "--script",
      description = "with --realtime: also play the scenario's scripted commands")
  boolean script;

  @Option(
      names = "--compare",
      split = ",",
      description = "run the scenario once per gait and print a table, e.g. tripod,ripple,wave")
  List<String> compare;

  @Option(
      names = "--hil",
      description =
          "hardware in the loop: the real PCA9685, MPU-6050 and ADS1115 drivers through Pi4J"
              + " against simulated chips")
  boolean hil;

  @Option(
      names = "--rate",
      description =
          "control rate in simulation, Hz (default: loop_rate_hz of config/controller.yaml, 500);"
              + " each tick advances the physics by exactly one period in steps of at most 2 ms")
  Double rateOption;

  double rate;

  @Option(
      names = "--route",
      description =
          "dispatch this route (routes/<name>.yaml or the run database) as an equipment run,"
              + " e.g. --scenario equipment-run --route equipment-run")
  String route;

  @picocli.CommandLine.Mixin PolicyOptions policy = new PolicyOptions();

  @Option(
      names = "--fragility",
      description =
          "with --route: the payload's declared fragility, 0 (rugged) to 1 (glass), default 0.5;"
              + " 0.7 and above selects the gentle ride (ripple gait, 0.05 m/s, low body)")
  Double fragility;

  @Option(
      names = "--perception",
      description =
          "on|off: camera perception (simulated camera, markers, people, height grid, terrain)"
              + " feeding the controller's crew-safety limit; default on when the scenario's scene"
              + " has people, or with --realtime and any scene. With --route: on feeds the run's markers, people and obstacles"
              + " from the camera pipeline instead of simulation ground truth (default off)")
  String perception;

  @picocli.CommandLine.Mixin ConfigOption config = new ConfigOption();

  @picocli.CommandLine.Mixin RealtimeOptions rtOptions = new RealtimeOptions();

  @picocli.CommandLine.Mixin
  robodog.app.robot.LinkOptions link = new robodog.app.robot.LinkOptions();

  @Override
  public Integer call() throws Exception {
    if (duration != null && !(duration > 0 && duration <= 86_400)) {
      throw new IllegalArgumentException("--duration must be in (0, 86400] s, got " + duration);
    }
    if (rateOption != null && !(rateOption >= 50 && rateOption <= 2000)) {
      throw new IllegalArgumentException("--rate must be in [50, 2000] Hz, got " + rateOption);
    }
    if (script && !realtime) {
      throw new IllegalArgumentException(
          "--script only applies with --realtime (headless runs always play the script)");
    }
    link.ros2().check(realtime);
    LocomotionConfig cfg = config.load();
    rate = rateOption != null ? rateOption : cfg.settings().loopRateHz();
    Scenario sc = ScenarioLoader.load(scenario, Paths.scenarios());
    if (gait != null && cfg.gaitTable().indexOf(gait) < 0) {
      throw new IllegalArgumentException(
          "unknown gait '"
              + gait
              + "': expected one of "
              + String.join(", ", cfg.gaitTable().names()));
    }
    if (compare != null) {
      for (String g : compare) {
        if (cfg.gaitTable().indexOf(g.trim()) < 0) {
          throw new IllegalArgumentException(
              "--compare: unknown gait '"
                  + g
                  + "': expected one of "
                  + String.join(", ", cfg.gaitTable().names()));
        }
      }
    }
    SimRun.validate(cfg, sc, gait);
    if (perception != null && !perception.equals("on") && !perception.equals("off")) {
      throw new IllegalArgumentException("--perception: expected on or off, got " + perception);
    }
    // Default: on when the scene has people in it (crew safety is what perception is for), or in
    // a realtime run with any scene; a headless run waits for every camera frame (lock step,
    // several times slower), so a scene of markers alone leaves it off unless asked.
    boolean withPerception =
        perception == null
            ? !sc.scene().people().isEmpty()
                || (realtime && !sc.scene().equals(robodog.sim.camera.Scene.EMPTY))
            : perception.equals("on");
    robodog.harness.perception.SimPerception.Setup percept =
        withPerception && compare == null && route == null
            ? robodog.harness.perception.SimPerception.Setup.load(config.layers())
            : null;
    long s = seed != null ? seed : sc.seed();
    // A realtime run is for a teleoperator: it keeps going until stopped unless told otherwise.
    double d = duration != null ? duration : (realtime ? Double.POSITIVE_INFINITY : sc.durationS());
    PrintWriter out = spec.commandLine().getOut();
    Path policyFile = policy.file();
    if (policyFile != null && (compare != null || route != null)) {
      throw new IllegalArgumentException(
          "--policy: --compare and --route run without the learned policy; drop --policy");
    }
    if (compare == null && route == null) {
      policy.printOff(out);
    }
    String namedGait = gait != null ? gait : sc.gait();
    if (policyFile != null && namedGait != null) {
      out.println(
          "policy: "
              + namedGait
              + " is an explicit gait: it is walked as asked and the advisor lays nothing over it");
    }
    if (compare != null) {
      return GaitComparison.print(HarnessRobots.HEADLESS, cfg, sc, compare, s, d, rate, out);
    }
    if (route != null) {
      return robodog.harness.mission.MissionSimRun.run(
                  HarnessRobots.HEADLESS,
                  cfg,
                  sc,
                  s,
                  duration != null ? duration : 300,
                  rate,
                  route,
                  Paths.home().resolve("routes"),
                  link.db(RunsCommand.defaultDb()),
                  plots != null ? plots : Paths.home().resolve("runs").resolve("reports"),
                  fragility != null ? fragility : 0.5,
                  // Mission runs keep ground-truth markers unless asked: the camera runs in lock
                  // step (near real time), ground truth many times faster (docs/missions.md).
                  "on".equals(perception)
                      ? robodog.harness.perception.SimPerception.Setup.load(config.layers())
                      : null,
                  out)
              .outcome()
              .equals("completed")
          ? 0
          : 1;
    }
    robodog.harness.sim.WorldBody.Hil hilSetup = hil ? hil(cfg, config) : null;
    robodog.app.robot.OperatorSide.Setup side =
        realtime
            ? link.setup(
                    RunsCommand.defaultDb(),
                    Paths.home().resolve("routes"),
                    plots != null ? plots : Paths.home().resolve("runs").resolve("reports"))
                .withCommsLoss(robodog.operatorlink.CommsLossStages.load(config.file("link.yaml")))
            : null;
    if (!realtime && percept != null) {
      out.println(
          "perception: on (headless: the simulation waits for each camera frame, so it runs"
              + " near real time)");
    }
    return SimulatedRun.run(
        cfg,
        new robodog.harness.sim.SimRun.Options(
            sc,
            gait,
            s,
            d,
            rate,
            realtime,
            script,
            null,
            hilSetup,
            policyFile,
            percept,
            null,
            null,
            simulatedBodyRealtime(spec, rtOptions)),
        side,
        report,
        plots,
        out);
  }

  /**
   * The control thread's real-time set-up on a simulated body: none unless {@code --rt-priority},
   * {@code --cpu} or {@code --no-mlock} was given. The simulated body steps its physics on the
   * control thread, so a FIFO thread would take a whole core whenever the simulation falls behind
   * real time and starve the broker and page on a small machine; on the Pi the tick is short.
   */
  static robodog.core.rt.RealtimeRequest simulatedBodyRealtime(
      CommandSpec spec, RealtimeOptions rt) {
    var parsed = spec.commandLine().getParseResult();
    boolean asked =
        parsed.hasMatchedOption("--rt-priority")
            || parsed.hasMatchedOption("--cpu")
            || parsed.hasMatchedOption("--no-mlock");
    return asked ? rt.request() : robodog.core.rt.RealtimeRequest.none();
  }

  /** The Pi's wiring and servo calibration from the configuration, for hardware in the loop. */
  static robodog.harness.sim.WorldBody.Hil hil(LocomotionConfig cfg, ConfigOption config) {
    return new robodog.harness.sim.WorldBody.Hil(
        robodog.hardware.pi.PinMap.load(config.file("pins.yaml")),
        robodog.hardware.servo.ServoCalibration.load(config.file("servos.yaml"), cfg.robot()));
  }

  static String summary(SimReport r) {
    return base(r) + legFailure(r.legFailure());
  }

  // Only when a leg broke or one was declared broken: most runs have neither.
  private static String legFailure(SimReport.LegFailureReport f) {
    if (f == null || (f.injected() == null && f.detectedLeg() == null && f.obstructions() == 0)) {
      return "";
    }
    String found =
        f.detectedLeg() == null
            ? "not detected"
            : String.format(
                Locale.ROOT,
                "detected %s (%s) at %.2f s%s",
                f.detectedLeg(),
                f.evidence(),
                f.detectedAtS(),
                f.detectionDelayS() == null
                    ? " (nothing broke: a false detection)"
                    : String.format(Locale.ROOT, ", %.2f s after the break", f.detectionDelayS()));
    return String.format(
        Locale.ROOT,
        "%n  leg failure: %s, %s%s",
        f.injected() == null ? "none injected" : f.injected(),
        found,
        f.obstructions() == 0
            ? ""
            : String.format(
                Locale.ROOT,
                "; %d obstructed leg(s) folded, found sound in the air, walking again",
                f.obstructions()));
  }

  private static String base(SimReport r) {
    return String.format(
        Locale.ROOT,
        "%s (seed %d, gait %s): %.1f s simulated in %.1f s wall (%.1fx real time)%n"
            + "  distance %.2f m, mean speed %.3f m/s (commanded %.3f), falls %d, completed %s%n"
            + "  min stability margin %.3f m, body roll rms %.2f°, pitch rms %.2f°%n"
            + "  energy %.1f J, cost of transport %s, payload %.1f kg (accel rms %.2f m/s²),"
            + " joint tracking rms %.2f°%n"
            + "  walked %s; balance recoveries %d",
        r.scenario(),
        r.seed(),
        r.gait(),
        r.simTimeS(),
        r.wallTimeS(),
        r.realTimeFactor(),
        r.distanceM(),
        r.meanSpeedMps(),
        r.commandedSpeedMps(),
        r.falls(),
        r.completed() ? "yes" : "no",
        r.minStabilityMarginM(),
        Math.toDegrees(r.bodyRollRmsRad()),
        Math.toDegrees(r.bodyPitchRmsRad()),
        r.energyJ(),
        r.costOfTransport() == null ? "-" : String.format(Locale.ROOT, "%.2f", r.costOfTransport()),
        r.payloadKg(),
        r.payloadAccelRmsMps2(),
        Math.toDegrees(r.jointTrackingRmsRad()),
        gaitTimes(r.gaitSeconds()),
        r.recoveries());
  }

  /** "ripple 80.2 s, wave 41.0 s", or "nothing" when it never walked. */
  private static String gaitTimes(java.util.Map<String, Double> seconds) {
    if (seconds == null || seconds.isEmpty()) {
      return "nothing";
    }
    StringBuilder b = new StringBuilder();
    seconds.forEach(
        (g, s) ->
            b.append(b.length() == 0 ? "" : ", ")
                .append(g)
                .append(' ')
                .append(String.format(Locale.ROOT, "%.1f", s))
                .append(" s"));
    return b.toString();
  }
}
