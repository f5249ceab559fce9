package robodog.harness.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import robodog.core.JointKind;
import robodog.core.LegId;
import robodog.harness.RobotFactory;
import robodog.locomotion.LocomotionConfig;
import robodog.sim.failure.LegFailure;
import robodog.sim.scenario.Scenario;

/**
 * The leg-failure benchmark: every leg × every failure kind × seeds, walking straight on a
 * scenario's ground, and for each cell the detection (was the broken leg the one declared, how long
 * after the break), falls, and the speed walked on five legs after the detection compared with the
 * same command walked on six legs in the wave gait (the slowest table gait). Also the healthy
 * sweep: shipped scenarios run whole over seeds, counting any detection as false. Runs on the
 * calling thread (each run is the control thread for its duration).
 */
public final class LegFailureMatrix {
  /** Speeds are measured from this long after the detection (the fold and the body shift), s. */
  public static final double SETTLE_S = 2.0;

  /** One run of a broken leg. */
  public record Trial(
      LegId leg,
      LegFailure.Kind kind,
      long seed,
      String detectedLeg,
      String evidence,
      double delayS,
      boolean fell,
      double speedMps) {

    /** Detected, the right leg, within 2 s. */
    public boolean ok() {
      return leg.shortName().equals(detectedLeg) && delayS <= 2.0 && !fell;
    }
  }

  /** One healthy run. */
  public record Healthy(
      String scenario,
      long seed,
      String detectedLeg,
      String evidence,
      double detectedAtS,
      boolean fell,
      double peakTrackFraction,
      double peakContactGapS) {}

  private LegFailureMatrix() {}

  /** {@code base} walking straight at {@code vx} m/s in {@code gait} for {@code durationS}. */
  public static Scenario straight(Scenario base, String gait, double vx, double durationS) {
    return new Scenario(
        base.name(),
        base.description(),
        base.terrain(),
        base.startX(),
        base.startY(),
        base.startYawRad(),
        base.payloadKg(),
        base.payloadCom(),
        durationS,
        base.seed(),
        gait,
        null,
        List.of(new Scenario.Segment(0, vx, 0, 0, null)),
        Double.NaN,
        Double.NaN,
        base.scene(),
        null);
  }

  /**
   * Runs one broken-leg trial: {@code sc} (from {@link #straight}) with {@code leg} breaking
   * ({@code kind}, femur for the joint kinds) at {@code atS}.
   */
  public static Trial trial(
      RobotFactory robots,
      LocomotionConfig cfg,
      Scenario sc,
      LegId leg,
      LegFailure.Kind kind,
      double atS,
      long seed,
      double rateHz)
      throws Exception {
    return trial(robots, cfg, sc, leg, kind, JointKind.FEMUR, atS, seed, rateHz);
  }

  /**
   * As {@link #trial(RobotFactory, LocomotionConfig, Scenario, LegId, LegFailure.Kind, double,
   * long, double)}, with the joint that breaks for the joint kinds.
   */
  public static Trial trial(
      RobotFactory robots,
      LocomotionConfig cfg,
      Scenario sc,
      LegId leg,
      LegFailure.Kind kind,
      JointKind joint,
      double atS,
      long seed,
      double rateHz)
      throws Exception {
    Scenario s = sc.withLegFailure(new LegFailure(leg, kind, joint, atS));
    SimRun.Result r = run(robots, cfg, s, seed, rateHz);
    SimReport.LegFailureReport f = r.report().legFailure();
    double delay = f.detectionDelayS() == null ? Double.POSITIVE_INFINITY : f.detectionDelayS();
    double from = f.detectedAtS() == null ? s.durationS() : f.detectedAtS() + SETTLE_S;
    return new Trial(
        leg,
        kind,
        seed,
        f.detectedLeg(),
        f.evidence(),
        delay,
        r.report().falls() > 0,
        speed(r.recorder(), from, sc.startYawRad()));
  }

  /** Speed along the heading over {@code [fromS, end]} of one healthy run of {@code sc}, m/s. */
  public static double healthySpeed(
      RobotFactory robots, LocomotionConfig cfg, Scenario sc, double fromS, long seed, double rate)
      throws Exception {
    SimRun.Result r = run(robots, cfg, sc, seed, rate);
    return r.report().falls() > 0 ? 0 : speed(r.recorder(), fromS, sc.startYawRad());
  }

  /** A shipped scenario run whole without any failure: any detection is a false one. */
  public static Healthy healthy(
      RobotFactory robots, LocomotionConfig cfg, Scenario sc, long seed, double rateHz)
      throws Exception {
    SimRun.Result r = run(robots, cfg, sc, seed, rateHz);
    SimReport.LegFailureReport f = r.report().legFailure();
    return new Healthy(
        sc.name(),
        seed,
        f.detectedLeg(),
        f.evidence(),
        f.detectedAtS() == null ? Double.NaN : f.detectedAtS(),
        r.report().falls() > 0,
        f.peakTrackingFraction(),
        f.peakContactGapS());
  }

  private static SimRun.Result run(
      RobotFactory robots, LocomotionConfig cfg, Scenario s, long seed, double rateHz)
      throws Exception {
    SimRun.Options o = new SimRun.Options(s, null, seed, s.durationS(), rateHz, false, false, null);
    return SimRun.run(robots, cfg, o);
  }

  private static double speed(RunRecorder rec, double fromS, double yaw) {
    double[] t = rec.time();
    int n = rec.size();
    int i0 = -1;
    for (int i = 0; i < n; i++) {
      if (t[i] >= fromS) {
        i0 = i;
        break;
      }
    }
    if (i0 < 0 || n - 1 - i0 < 10) {
      return Double.NaN;
    }
    double dx = rec.x()[n - 1] - rec.x()[i0];
    double dy = rec.y()[n - 1] - rec.y()[i0];
    return (dx * Math.cos(yaw) + dy * Math.sin(yaw)) / (t[n - 1] - t[i0]);
  }

  /** The matrix as a table: one row per leg × kind, over its seeds. */
  public static List<String> table(List<Trial> trials, double sixLegWaveMps) {
    List<String> lines = new ArrayList<>();
    lines.add(
        String.format(
            Locale.ROOT,
            "%-4s %-12s %5s %8s %10s %5s %10s %8s  %s",
            "leg",
            "kind",
            "runs",
            "detected",
            "max_delay",
            "falls",
            "min_speed",
            "vs_wave",
            "evidence"));
    for (LegId leg : LegId.VALUES) {
      for (LegFailure.Kind kind : LegFailure.Kind.values()) {
        int runs = 0;
        int ok = 0;
        int falls = 0;
        double maxDelay = 0;
        double minSpeed = Double.POSITIVE_INFINITY;
        java.util.TreeSet<String> ev = new java.util.TreeSet<>();
        for (Trial t : trials) {
          if (t.leg() != leg || t.kind() != kind) {
            continue;
          }
          runs++;
          ok += leg.shortName().equals(t.detectedLeg()) ? 1 : 0;
          falls += t.fell() ? 1 : 0;
          maxDelay = Math.max(maxDelay, t.delayS());
          minSpeed = Math.min(minSpeed, Double.isNaN(t.speedMps()) ? 0 : t.speedMps());
          ev.add(t.evidence() == null ? "-" : t.evidence());
        }
        if (runs == 0) {
          continue;
        }
        lines.add(
            String.format(
                Locale.ROOT,
                "%-4s %-12s %5d %8d %9.2fs %5d %8.3f/s %7.0f%%  %s",
                leg.shortName(),
                kind.wireName(),
                runs,
                ok,
                maxDelay,
                falls,
                minSpeed,
                100 * minSpeed / sixLegWaveMps,
                String.join(",", ev)));
      }
    }
    return lines;
  }
}
