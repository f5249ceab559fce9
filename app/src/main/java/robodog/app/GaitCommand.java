package robodog.app;

import java.io.BufferedWriter;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import robodog.core.LegId;
import robodog.locomotion.LocomotionConfig;
import robodog.locomotion.gait.SpeedLimit;
import robodog.locomotion.trace.GaitTrace;

/** {@code ./robodog gait}: exports a gait trace as CSV for engineers. */
@Command(
    name = "gait",
    mixinStandardHelpOptions = true,
    description = {
      "Runs the gait controller on ideal servos and writes one CSV row per leg per tick:",
      "t,leg,phase,foot_x,foot_y,foot_z,coxa,femur,tibia (foot in base_link, m; joints in rad)."
    })
public final class GaitCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--gait",
      defaultValue = "tripod",
      description = "tripod, tetrapod, ripple or wave (default ${DEFAULT-VALUE})")
  String gait;

  @Option(
      names = "--vx",
      defaultValue = "0.1",
      description = "forward velocity, m/s (default ${DEFAULT-VALUE})")
  double vx;

  @Option(names = "--vy", defaultValue = "0", description = "leftward velocity, m/s")
  double vy;

  @Option(names = "--yaw-rate", defaultValue = "0", description = "yaw rate, rad/s")
  double yawRate;

  @Option(
      names = "--duration",
      defaultValue = "5",
      description = "trace length, s (default ${DEFAULT-VALUE})")
  double duration;

  @Option(
      names = "--rate",
      defaultValue = "500",
      description = "control rate, Hz (default ${DEFAULT-VALUE})")
  double rate;

  @Option(names = "--csv", required = true, description = "output CSV file")
  Path csv;

  @Option(names = "--failed-leg", description = "mark a leg failed: lf, lm, lr, rf, rm or rr")
  String failedLeg;

  @picocli.CommandLine.Mixin ConfigOption config = new ConfigOption();

  /**
   * A velocity the gait cannot step is bad input here (on the robot the controller would scale it
   * down and say so): the fastest foot may cover at most one stride per stance.
   */
  private void rejectUnreachableVelocity(LocomotionConfig cfg, int gaitIndex) {
    double[] nx = new double[LegId.COUNT];
    double[] ny = new double[LegId.COUNT];
    LocomotionConfig.neutralFootholds(cfg.robot(), nx, ny);
    double worst = SpeedLimit.worstFootSpeed(vx, vy, yawRate, nx, ny);
    var g = cfg.gaits().get(gaitIndex);
    double limit = SpeedLimit.footSpeedLimit(g, cfg.gaitTable().maxStrideMeters());
    if (worst > limit * (1 + 1e-9)) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "--vx %.3f --vy %.3f --yaw-rate %.3f is unreachable with %s: its fastest foot would"
                  + " move %.3f m/s; expected at most %.3f m/s (max_stride_m %.3f m / stance %.3f s)",
              vx,
              vy,
              yawRate,
              g.name(),
              worst,
              limit,
              cfg.gaitTable().maxStrideMeters(),
              g.stanceSeconds()));
    }
  }

  @Override
  public Integer call() throws Exception {
    if (!(duration > 0 && duration <= 3600)) {
      throw new IllegalArgumentException("--duration must be in (0, 3600] s, got " + duration);
    }
    if (!(rate >= 10 && rate <= 5000)) {
      throw new IllegalArgumentException("--rate must be in [10, 5000] Hz, got " + rate);
    }
    for (double v : new double[] {vx, vy, yawRate}) {
      if (!Double.isFinite(v)) {
        throw new IllegalArgumentException("--vx, --vy and --yaw-rate must be finite numbers");
      }
    }
    LegId failed = failedLeg == null ? null : LegId.parse(failedLeg);
    LocomotionConfig cfg = config.load();
    int gaitIndex = cfg.gaits().indexOf(gait.trim());
    if (gaitIndex < 0 || gaitIndex >= cfg.gaitTable().gaits().size()) {
      throw new IllegalArgumentException(
          "unknown gait '"
              + gait
              + "': expected one of "
              + String.join(", ", cfg.gaitTable().names()));
    }
    if (failed != null && !cfg.gaits().allowed(gaitIndex, failed.ordinal())) {
      int five = cfg.gaits().fiveLegIndex(failed.ordinal());
      spec.commandLine()
          .getErr()
          .printf(
              Locale.ROOT,
              "note: %s is not statically stable with %s failed (worst margin %.3f m); using the"
                  + " derived five-leg gait %s (worst margin %.3f m)%n",
              gait,
              failed.shortName(),
              cfg.gaits().worstMargin(gaitIndex, failed.ordinal()),
              cfg.gaits().get(five).name(),
              cfg.gaits().worstMargin(five, failed.ordinal()));
      gaitIndex = five;
    }
    rejectUnreachableVelocity(cfg, gaitIndex);
    Path parent = csv.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    Path tmp = Files.createTempFile(parent, ".gait", ".csv");
    GaitTrace.Summary s;
    try (BufferedWriter w = Files.newBufferedWriter(tmp)) {
      s = GaitTrace.run(cfg, gaitIndex, vx, vy, yawRate, failed, duration, rate, w);
    } catch (Exception e) {
      Files.deleteIfExists(tmp);
      throw e;
    }
    Files.move(tmp, csv, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    PrintWriter out = spec.commandLine().getOut();
    out.printf(
        Locale.ROOT,
        "wrote %s: %d ticks x 6 legs, gait %s%n"
            + "mean velocity after limits: vx %.3f m/s, vy %.3f m/s, yaw %.3f rad/s%n"
            + "min stability margin %.3f m, IK limit hits %d, deferred lift-offs %d%n",
        csv,
        s.ticks(),
        cfg.gaits().get(gaitIndex).name(),
        s.achievedVx(),
        s.achievedVy(),
        s.achievedYawRate(),
        s.minMargin(),
        s.ikLimitHits(),
        s.deferredLiftoffs());
    return 0;
  }
}
