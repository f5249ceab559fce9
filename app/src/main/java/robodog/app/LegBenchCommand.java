package robodog.app;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import robodog.app.robot.HarnessRobots;
import robodog.core.JointKind;
import robodog.core.LegId;
import robodog.harness.sim.LegFailureMatrix;
import robodog.harness.sim.SimRun;
import robodog.locomotion.LocomotionConfig;
import robodog.sim.failure.LegFailure;
import robodog.sim.scenario.Scenario;
import robodog.sim.scenario.ScenarioLoader;

/**
 * {@code ./robodog bench legs}: the leg-failure matrix (leg × kind × seed) on a scenario's ground,
 * and with {@code --healthy} the false-detection sweep over shipped scenarios.
 */
@Command(
    name = "legs",
    mixinStandardHelpOptions = true,
    description =
        "Breaks each leg in each way (stuck femur, limp femur, tibia_short, switch_dead) mid-walk"
            + " and prints detection delay, falls and five-leg speed against six-leg wave at the"
            + " same command; --healthy runs shipped scenarios whole and counts false"
            + " detections.")
public final class LegBenchCommand implements Callable<Integer> {
  /**
   * Seed n breaks the leg (n − 1) × this much later than {@code --at}, s: on flat ground the seed
   * changes only the sensor noise, so without it every seed would break the leg at the same gait
   * phase. 0.27 s does not divide any gait's cycle, so the seeds sample the phases.
   */
  static final double PHASE_STEP_S = 0.27;

  @Spec CommandSpec spec;

  @Option(
      names = "--scenario",
      defaultValue = "flat-walk",
      description = "ground and start of the matrix runs (default ${DEFAULT-VALUE})")
  String scenario;

  @Option(names = "--gait", defaultValue = "tripod", description = "gait before the break")
  String gait;

  @Option(names = "--speed", defaultValue = "0.1", description = "commanded m/s (default 0.1)")
  double speed;

  @Option(names = "--duration", defaultValue = "16", description = "simulated s per run")
  double duration;

  @Option(
      names = "--at",
      defaultValue = "5",
      description = "time of the break for seed 1, s (seed n: 0.27 s later per seed)")
  double at;

  @Option(names = "--seeds", defaultValue = "3", description = "seeds per cell (1..N)")
  int seeds;

  @Option(names = "--legs", split = ",", description = "legs to break (default: all six)")
  List<String> legs;

  @Option(
      names = "--kinds",
      split = ",",
      description = "failure kinds (default: stuck, limp, tibia_short, switch_dead)")
  List<String> kinds;

  @Option(
      names = "--joint",
      defaultValue = "femur",
      description = "joint that breaks for stuck and limp: coxa, femur or tibia (default femur)")
  String joint;

  @Option(
      names = "--healthy",
      split = ",",
      description = "instead of the matrix: run these scenarios whole, --seeds seeds each")
  List<String> healthy;

  @Option(names = "--rate", description = "control rate in simulation, Hz (default: config)")
  Double rateOption;

  @picocli.CommandLine.Mixin ConfigOption config = new ConfigOption();

  @Override
  public Integer call() throws Exception {
    if (seeds < 1
        || healthy == null
            && (!(duration > at + PHASE_STEP_S * (seeds - 1) + LegFailureMatrix.SETTLE_S + 4)
                || !(at >= 1))) {
      throw new ParameterException(
          spec.commandLine(),
          "--seeds >= 1, --at >= 1 s and --duration longer than the last break + 6 s expected");
    }
    LocomotionConfig cfg = config.load();
    double rate = rateOption != null ? rateOption : cfg.settings().loopRateHz();
    PrintWriter out = spec.commandLine().getOut();
    if (healthy != null) {
      return healthy(cfg, rate, out);
    }
    JointKind breaking = joint();
    Scenario base = ScenarioLoader.load(scenario, Paths.scenarios());
    Scenario sc = LegFailureMatrix.straight(base, gait, speed, duration);
    SimRun.validate(cfg, sc, null);
    Scenario wave = LegFailureMatrix.straight(base, "wave", speed, duration);
    double from = at + PHASE_STEP_S * (seeds - 1) + 2 + LegFailureMatrix.SETTLE_S;
    double waveSum = 0;
    for (long s = 1; s <= seeds; s++) {
      waveSum += LegFailureMatrix.healthySpeed(HarnessRobots.HEADLESS, cfg, wave, from, s, rate);
    }
    double waveSpeed = waveSum / seeds;
    out.printf(
        Locale.ROOT,
        "six legs, wave at %.3f m/s commanded: %.4f m/s (mean of %d seeds, from %.1f s)%n",
        speed,
        waveSpeed,
        seeds,
        from);
    out.flush();
    List<LegFailureMatrix.Trial> trials = new ArrayList<>();
    for (LegId leg : legs()) {
      for (LegFailure.Kind kind : kinds()) {
        for (long s = 1; s <= seeds; s++) {
          LegFailureMatrix.Trial t =
              LegFailureMatrix.trial(
                  HarnessRobots.HEADLESS,
                  cfg,
                  sc,
                  leg,
                  kind,
                  breaking,
                  at + PHASE_STEP_S * (s - 1),
                  s,
                  rate);
          trials.add(t);
          out.printf(
              Locale.ROOT,
              "  %s %-11s seed %d: detected %s (%s) after %.2f s, %s, %.4f m/s%n",
              leg.shortName(),
              kind.wireName(),
              s,
              t.detectedLeg() == null ? "nothing" : t.detectedLeg(),
              t.evidence() == null ? "-" : t.evidence(),
              t.delayS(),
              t.fell() ? "FELL" : "no fall",
              t.speedMps());
          out.flush();
        }
      }
    }
    out.printf(
        Locale.ROOT,
        "%s ground, %s at %.3f m/s, break at %.2f s + %.2f s per seed, %.0f s runs, %d seeds;"
            + " speed from detection + %.0f s%n",
        base.name(),
        gait,
        speed,
        at,
        PHASE_STEP_S,
        duration,
        seeds,
        LegFailureMatrix.SETTLE_S);
    for (String line : LegFailureMatrix.table(trials, waveSpeed)) {
      out.println(line);
    }
    long bad = trials.stream().filter(t -> !t.ok()).count();
    out.printf(
        Locale.ROOT, "%d of %d trials missed (wrong leg, > 2 s, or a fall)%n", bad, trials.size());
    return 0;
  }

  private int healthy(LocomotionConfig cfg, double rate, PrintWriter out) throws Exception {
    int falseDetections = 0;
    int runs = 0;
    for (String name : healthy) {
      Scenario sc = ScenarioLoader.load(name, Paths.scenarios());
      double worstScore = 0;
      double worstGap = 0;
      int found = 0;
      int falls = 0;
      for (long s = 1; s <= seeds; s++) {
        LegFailureMatrix.Healthy h =
            LegFailureMatrix.healthy(HarnessRobots.HEADLESS, cfg, sc, s, rate);
        runs++;
        worstScore = Math.max(worstScore, h.peakTrackFraction());
        worstGap = Math.max(worstGap, h.peakContactGapS());
        falls += h.fell() ? 1 : 0;
        if (h.detectedLeg() != null) {
          found++;
          out.printf(
              Locale.ROOT,
              "  FALSE DETECTION %s seed %d: %s (%s) at %.2f s%n",
              name,
              s,
              h.detectedLeg(),
              h.evidence(),
              h.detectedAtS());
        }
      }
      falseDetections += found;
      out.printf(
          Locale.ROOT,
          "%-14s %2d seeds: %d false detections, %d falls, peak tracking %.2f of its threshold,"
              + " longest contact gap %.2f s (fires at %.1f s, or 1.5 gait cycles when longer)%n",
          name,
          seeds,
          found,
          falls,
          worstScore,
          worstGap,
          robodog.locomotion.health.LegHealthMonitor.NO_CONTACT_S);
      out.flush();
    }
    out.printf(Locale.ROOT, "%d false detections in %d runs%n", falseDetections, runs);
    return falseDetections == 0 ? 0 : 1;
  }

  private List<LegId> legs() {
    List<LegId> l = new ArrayList<>();
    if (legs == null) {
      return List.of(LegId.VALUES);
    }
    for (String s : legs) {
      try {
        l.add(LegId.parse(s));
      } catch (IllegalArgumentException e) {
        throw new ParameterException(spec.commandLine(), "--legs: " + e.getMessage());
      }
    }
    return l;
  }

  private JointKind joint() {
    for (JointKind k : JointKind.VALUES) {
      if (k.shortName().equals(joint)) {
        return k;
      }
    }
    throw new ParameterException(
        spec.commandLine(), "--joint: expected coxa, femur or tibia, got \"" + joint + "\"");
  }

  private List<LegFailure.Kind> kinds() {
    List<LegFailure.Kind> l = new ArrayList<>();
    if (kinds == null) {
      return List.of(LegFailure.Kind.values());
    }
    for (String s : kinds) {
      try {
        l.add(LegFailure.Kind.parse(s));
      } catch (IllegalArgumentException e) {
        throw new ParameterException(spec.commandLine(), "--kinds: " + e.getMessage());
      }
    }
    return l;
  }
}
