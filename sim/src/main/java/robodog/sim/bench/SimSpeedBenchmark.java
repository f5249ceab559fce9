package robodog.sim.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import robodog.core.JointCommand;
import robodog.core.Joints;
import robodog.core.RobotState;
import robodog.core.config.RobotDescription;
import robodog.sim.SimConfig;
import robodog.sim.SimHardware;
import robodog.sim.SimWorld;
import robodog.sim.terrain.Patch;
import robodog.sim.terrain.RoughTerrain;
import robodog.sim.terrain.Terrain;
import robodog.sim.terrain.Terrains;

/**
 * Real-time factor of the physics alone (no controller): the robot on each terrain, standing and
 * doing a scripted joint oscillation (coxa sway, femur lift in two alternating tripods, so feet
 * leave and re-touch the ground) after {@value #STAND_S} s of standing, through {@link SimHardware}
 * exactly as the control loop drives it. Each terrain runs once to warm the JIT, then is timed.
 * Accuracy columns: how far the body sags below its nominal height after standing {@value #STAND_S}
 * s, and the RMS servo tracking error (target − angle) during the oscillation. Then the same
 * rough-terrain run on 1 and on 2 threads at once: the speed-up, and whether the parallel runs are
 * bit-identical to the sequential one.
 *
 * <pre>
 * java -cp ... robodog.sim.bench.SimSpeedBenchmark [--seconds 20] [--period-ms 2] [--step-ms 2]
 *     [--iterations 10] [--contacts 3] [--terrains flat,rough,...] [--robot ../config/robot.yaml]
 * </pre>
 *
 * Runs on the calling thread (plus two worker threads for the parallel part).
 */
public final class SimSpeedBenchmark {
  /** Every terrain the benchmark knows, in print order. */
  static final List<String> TERRAINS =
      List.of(
          "flat",
          "slope",
          "rough",
          "rough-boxes",
          "stairs",
          "ice",
          "mud",
          "gravel",
          "equipment-run");

  /** Seconds of standing still before the oscillation starts (the sag is measured then). */
  static final double STAND_S = 1.0;

  private SimSpeedBenchmark() {}

  /** Options. */
  record Options(
      double seconds,
      long periodNanos,
      SimConfig config,
      List<String> terrains,
      RobotDescription robot) {}

  /** One timed run. */
  record Run(
      double simSeconds,
      double wallSeconds,
      boolean fallen,
      double meanContacts,
      double sagM,
      double trackingRmsRad,
      double[] trace) {
    double rtf() {
      return simSeconds / wallSeconds;
    }
  }

  public static void main(String[] args) throws Exception {
    Options o = parse(args);
    System.out.printf(
        Locale.ROOT,
        "physics only, %.0f s simulated per run, control period %.1f ms, step <= %.1f ms, %d"
            + " iterations, <= %d contacts per pair, %d cores%n",
        o.seconds(),
        o.periodNanos() / 1e6,
        o.config().stepSeconds() * 1e3,
        o.config().solverIterations(),
        o.config().contactsPerPair(),
        Runtime.getRuntime().availableProcessors());
    System.out.printf(
        Locale.ROOT,
        "%-14s %8s %10s %9s %8s %9s %5s%n",
        "terrain",
        "RTF",
        "us/period",
        "contacts",
        "sag mm",
        "track mrad",
        "fell");
    for (String t : o.terrains()) {
      run(o, t, Math.min(o.seconds(), 5)); // JIT warm-up
      Run r = run(o, t, o.seconds());
      double periods = r.simSeconds() / (o.periodNanos() * 1e-9);
      System.out.printf(
          Locale.ROOT,
          "%-14s %7.1fx %10.1f %9.1f %8.1f %9.1f %5s%n",
          t,
          r.rtf(),
          r.wallSeconds() * 1e6 / periods,
          r.meanContacts(),
          r.sagM() * 1e3,
          r.trackingRmsRad() * 1e3,
          r.fallen() ? "yes" : "no");
    }
    parallel(o, "rough");
  }

  private static void parallel(Options o, String terrain) throws Exception {
    run(o, terrain, o.seconds());
    Run one = run(o, terrain, o.seconds());
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      long t0 = System.nanoTime();
      Future<Run> a = pool.submit(() -> run(o, terrain, o.seconds()));
      Future<Run> b = pool.submit(() -> run(o, terrain, o.seconds()));
      Run ra = a.get();
      Run rb = b.get();
      double wall = (System.nanoTime() - t0) / 1e9;
      boolean same =
          java.util.Arrays.equals(ra.trace(), one.trace())
              && java.util.Arrays.equals(rb.trace(), one.trace());
      System.out.printf(
          Locale.ROOT,
          "parallel %s: 1 thread %.1fx; 2 threads %.1fx each, %.1fx together, speed-up %.2f;"
              + " results bit-identical to the sequential run: %s%n",
          terrain,
          one.rtf(),
          ra.rtf() / 2 + rb.rtf() / 2,
          2 * o.seconds() / wall,
          (2 * o.seconds() / wall) / one.rtf(),
          same ? "yes" : "NO");
    } finally {
      pool.shutdownNow();
    }
  }

  /** Builds a world on {@code terrain} and runs it for {@code seconds} simulated seconds. */
  static Run run(Options o, String terrain, double seconds) {
    RobotDescription robot = o.robot();
    SimHardware hw = new SimHardware(robot, terrain(terrain, 3), o.config(), 0, 0, 0);
    hw.configure();
    hw.activate();
    SimWorld w = hw.world();
    double[] q0 = new double[Joints.COUNT];
    hw.neutralJointAngles(q0);
    JointCommand cmd = new JointCommand();
    cmd.enabled = true;
    RobotState state = new RobotState();
    long period = o.periodNanos();
    long n = Math.round(seconds / (period * 1e-9));
    double[] trace = new double[(int) (n / 50 + 1) * 3];
    long contacts = 0;
    double sag = Double.NaN;
    double errSq = 0;
    long errN = 0;
    double expectedZ = w.terrain().heightAt(0, 0) + robot.stance().bodyHeightM();
    long t0 = System.nanoTime();
    for (long k = 0; k < n; k++) {
      double t = k * period * 1e-9;
      oscillate(q0, t - STAND_S, cmd.position);
      hw.read(k * period, period, state);
      hw.write(k * period, period, cmd);
      contacts += w.contactCount();
      if (Double.isNaN(sag) && t >= STAND_S) {
        sag = expectedZ - w.bodyPosition().get2();
      }
      if (t >= STAND_S) {
        for (int j = 0; j < Joints.COUNT; j++) {
          double e = w.jointTarget(j) - w.jointAngle(j);
          errSq += e * e;
        }
        errN += Joints.COUNT;
      }
      if (k % 50 == 0) {
        int i = (int) (k / 50) * 3;
        trace[i] = w.bodyPosition().get0();
        trace[i + 1] = w.bodyPosition().get1();
        trace[i + 2] = w.bodyPosition().get2();
      }
    }
    double wall = (System.nanoTime() - t0) / 1e9;
    return new Run(
        n * period * 1e-9,
        wall,
        w.fallen(),
        contacts / (double) n,
        sag,
        Math.sqrt(errSq / Math.max(1, errN)),
        trace);
  }

  /**
   * The scripted motion: coxa sway ±0.15 rad at 0.5 Hz, and each tripod in turn lifting its feet
   * (femur +0.25 rad, tibia +0.15 rad) for half of a 1 s cycle's first or second half.
   */
  static void oscillate(double[] q0, double t, double[] out) {
    if (t < 0) {
      System.arraycopy(q0, 0, out, 0, Joints.COUNT);
      return;
    }
    for (int leg = 0; leg < 6; leg++) {
      boolean tripodA = leg == 0 || leg == 2 || leg == 4;
      double phase = (t + (tripodA ? 0 : 0.5)) % 1.0;
      double lift = phase < 0.25 ? Math.sin(Math.PI * phase / 0.25) : 0;
      int j = leg * 3;
      out[j] = q0[j] + 0.15 * Math.sin(2 * Math.PI * 0.5 * t);
      out[j + 1] = q0[j + 1] + 0.25 * lift;
      out[j + 2] = q0[j + 2] + 0.15 * lift;
    }
  }

  /** The benchmark terrains by name (seeded ones with {@code seed}). */
  static Terrain terrain(String name, long seed) {
    switch (name) {
      case "flat":
        return Terrains.flat(0.9);
      case "slope":
        return Terrains.slope(Math.toRadians(15), 0.9);
      case "rough":
        return Terrains.rough(0.03, 0.4, Terrains.defaultCell(0.4), 12, 6, 0.9, seed);
      case "rough-boxes":
        // The same kind of ground as "rough" sampled into a grid of boxes instead of a
        // heightfield, on a smaller 4 m x 3 m patch (4,800 boxes): ODE tests a single geom
        // against every geom of a hash space, so the cost grows with the patch.
        return new robodog.sim.terrain.CompositeTerrain(
            "rough-boxes",
            List.of(
                Terrains.flat(0.9),
                new RoughTerrain(
                        -1.5,
                        -1.5,
                        4,
                        3,
                        0.03,
                        0.4,
                        Terrains.defaultCell(0.4),
                        0.03,
                        seed,
                        Patch.rigid("rough", 0.9),
                        true)
                    .asBoxes()));
      case "stairs":
        return Terrains.stairs(0.15, 0.04, 0.35, 4, 0.9);
      case "ice":
        return Terrains.ice(0.05);
      case "mud":
        return Terrains.mud(0.3, Terrains.MUD_STIFFNESS_N_PER_M, Terrains.MUD_DAMPING_NS_PER_M);
      case "gravel":
        return Terrains.gravel(seed, -1, 4, 25, 0.025, 0.7);
      case "equipment-run":
        return Terrains.equipmentRun(seed);
      default:
        throw new IllegalArgumentException(
            "unknown terrain '" + name + "': expected one of " + String.join(", ", TERRAINS));
    }
  }

  static Options parse(String[] args) {
    double seconds = 20;
    double periodMs = 2;
    SimConfig base = SimConfig.defaults(1);
    double stepMs = base.stepSeconds() * 1e3;
    int iterations = base.solverIterations();
    int contacts = base.contactsPerPair();
    List<String> terrains = new ArrayList<>(TERRAINS);
    Path robot = Path.of("../config/robot.yaml");
    for (int i = 0; i < args.length; i++) {
      String v = i + 1 < args.length ? args[i + 1] : "";
      switch (args[i]) {
        case "--seconds" -> seconds = Double.parseDouble(v);
        case "--period-ms" -> periodMs = Double.parseDouble(v);
        case "--step-ms" -> stepMs = Double.parseDouble(v);
        case "--iterations" -> iterations = Integer.parseInt(v);
        case "--contacts" -> contacts = Integer.parseInt(v);
        case "--terrains" -> terrains = List.of(v.split(","));
        case "--robot" -> robot = Path.of(v);
        default ->
            throw new IllegalArgumentException(
                "unknown option "
                    + args[i]
                    + ": expected --seconds, --period-ms, --step-ms,"
                    + " --iterations, --contacts, --terrains, --robot");
      }
      i++;
    }
    for (String t : terrains) {
      terrain(t, 1); // fail early on a bad name
    }
    SimConfig cfg =
        base.withSolver(stepMs * 1e-3, iterations).withContactsPerPair(contacts).noiseless();
    return new Options(
        seconds, Math.round(periodMs * 1e6), cfg, terrains, RobotDescription.load(robot));
  }
}
