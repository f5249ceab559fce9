package robodog.harness.learn;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import robodog.harness.RobotFactory;
import robodog.learning.rl.Mlp;
import robodog.learning.rl.PolicyFile;
import robodog.learning.runtime.TerrainActions;
import robodog.locomotion.LocomotionConfig;

/**
 * {@code ./robodog eval terrain-policy}: the learned policy and every fixed preset on the same
 * held-out courses, in parallel, then a table and a chart. A preset is a table gait at its own step
 * height, neutral body height and the operator's speed, all course long.
 */
public final class TerrainEvaluation {
  private TerrainEvaluation() {}

  /** Aggregate figures of one contender over all courses. */
  public record Row(
      String name,
      int courses,
      int completed,
      int falls,
      double meanSpeed,
      double meanCot,
      double accelRms,
      double meanTimeS) {}

  /** An extra fixed setting to compare against: gait, speed scale, step height (m). */
  public record Fixed(String gait, double speedScale, double stepHeightM) {
    /** Parses {@code gait,speedScale,stepHeightM}; throws naming what was expected. */
    public static Fixed parse(String text, LocomotionConfig cfg) {
      String[] p = text.split(",");
      try {
        Fixed f = new Fixed(p[0].trim(), Double.parseDouble(p[1]), Double.parseDouble(p[2]));
        if (cfg.gaitTable().indexOf(f.gait()) < 0
            || !(f.speedScale() >= TerrainActions.SPEED_MIN
                && f.speedScale() <= TerrainActions.SPEED_MAX)
            || !(f.stepHeightM() >= TerrainActions.STEP_MIN
                && f.stepHeightM() <= TerrainActions.STEP_MAX)) {
          throw new IllegalArgumentException("out of range");
        }
        return f;
      } catch (RuntimeException e) {
        throw new IllegalArgumentException(
            "--fixed '"
                + text
                + "': expected gait,speedScale,stepHeightM with a table gait, speed scale 0.5-1.5"
                + " and step height 0.02-0.08 m, e.g. tetrapod,1.3,0.035");
      }
    }
  }

  /** A contender: the policy, or a constant action. */
  interface Chooser {
    void act(double[] obs, double[] action);
  }

  /** On the generated held-out mixed courses {@code first .. first + n - 1}. */
  public static List<Row> run(
      RobotFactory robots,
      LocomotionConfig cfg,
      Path policyFile,
      int first,
      int n,
      List<Fixed> extra,
      int workers,
      Path png,
      PrintStream out)
      throws IOException, InterruptedException {
    List<java.util.function.Supplier<TerrainCourses.Course>> courses = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      int c = first + i;
      courses.add(() -> TerrainCourses.heldOut(c));
    }
    return run(
        robots,
        cfg,
        policyFile,
        courses,
        String.format(Locale.ROOT, "held-out mixed courses %d..%d", first, first + n - 1),
        extra,
        workers,
        png,
        out);
  }

  /** On the given courses (each supplier builds a fresh course: one per episode). */
  public static List<Row> run(
      RobotFactory robots,
      LocomotionConfig cfg,
      Path policyFile,
      List<java.util.function.Supplier<TerrainCourses.Course>> courses,
      String title,
      List<Fixed> extra,
      int workers,
      Path png,
      PrintStream out)
      throws IOException, InterruptedException {
    int n = courses.size();
    Mlp policy = PolicyFile.load(policyFile).policy();
    int gaits = cfg.gaitTable().gaits().size();
    List<String> names = new ArrayList<>();
    List<java.util.function.Supplier<Chooser>> choosers = new ArrayList<>();
    names.add("learned");
    choosers.add(
        () -> {
          Mlp p = policy.copy();
          return p::forward;
        });
    for (int g = 0; g < gaits; g++) {
      double[] a = preset(cfg, g);
      names.add(cfg.gaitTable().gaits().get(g).name());
      choosers.add(() -> (obs, act) -> System.arraycopy(a, 0, act, 0, a.length));
    }
    for (Fixed f : extra) {
      double[] a = preset(cfg, cfg.gaitTable().indexOf(f.gait()));
      a[gaits] =
          TerrainActions.unlerp(TerrainActions.SPEED_MIN, TerrainActions.SPEED_MAX, f.speedScale());
      a[gaits + 1] =
          TerrainActions.unlerp(TerrainActions.STEP_MIN, TerrainActions.STEP_MAX, f.stepHeightM());
      names.add(
          String.format(
              Locale.ROOT, "%s x%.2f %.0f mm", f.gait(), f.speedScale(), f.stepHeightM() * 1000));
      choosers.add(() -> (obs, act) -> System.arraycopy(a, 0, act, 0, a.length));
    }
    ThreadLocal<TerrainEnv> envs =
        ThreadLocal.withInitial(() -> new TerrainEnv(robots, cfg, TerrainTraining.DECISION_HZ));
    ExecutorService pool = Executors.newFixedThreadPool(workers);
    long t0 = System.nanoTime();
    List<List<Future<TerrainEnv.Metrics>>> fs = new ArrayList<>();
    try {
      for (int c = 0; c < names.size(); c++) {
        List<Future<TerrainEnv.Metrics>> row = new ArrayList<>();
        for (int i = 0; i < n; i++) {
          java.util.function.Supplier<TerrainCourses.Course> course = courses.get(i);
          java.util.function.Supplier<Chooser> ch = choosers.get(c);
          row.add(pool.submit(() -> episode(envs.get(), course.get(), ch.get())));
        }
        fs.add(row);
      }
      List<Row> rows = new ArrayList<>();
      StringBuilder csv =
          new StringBuilder(
              "contender,course,name,completed,fell,time_s,distance_m,cot,accel_rms\n");
      for (int c = 0; c < names.size(); c++) {
        List<TerrainEnv.Metrics> ms = new ArrayList<>();
        for (int i = 0; i < n; i++) {
          TerrainEnv.Metrics m = fs.get(c).get(i).get();
          ms.add(m);
          csv.append(
              String.format(
                  Locale.ROOT,
                  "%s,%d,%s,%b,%b,%.2f,%.3f,%.3f,%.3f%n",
                  names.get(c),
                  i,
                  m.course(),
                  m.completed(),
                  m.fell(),
                  m.timeS(),
                  m.distanceM(),
                  m.costOfTransport(),
                  m.accelerationRms()));
        }
        rows.add(aggregate(names.get(c), ms));
      }
      print(rows, title, n, (System.nanoTime() - t0) / 1e9, out);
      Files.createDirectories(png.toAbsolutePath().getParent());
      Files.writeString(png.resolveSibling("eval.csv"), csv);
      chart(rows, png);
      out.println("wrote " + png + " and " + png.resolveSibling("eval.csv"));
      return rows;
    } catch (ExecutionException e) {
      throw new IllegalStateException("evaluation episode failed: " + e.getCause(), e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  /** The constant action that makes gait {@code g} with its own step height, speed scale 1. */
  public static double[] preset(LocomotionConfig cfg, int g) {
    int gaits = cfg.gaitTable().gaits().size();
    double[] a = new double[gaits + 3];
    for (int i = 0; i < gaits; i++) {
      a[i] = i == g ? 1 : -1;
    }
    a[gaits] = TerrainActions.unlerp(TerrainActions.SPEED_MIN, TerrainActions.SPEED_MAX, 1.0);
    a[gaits + 1] =
        TerrainActions.unlerp(
            TerrainActions.STEP_MIN,
            TerrainActions.STEP_MAX,
            cfg.gaitTable().gaits().get(g).stepHeightMeters());
    a[gaits + 2] = 0;
    return a;
  }

  static TerrainEnv.Metrics episode(TerrainEnv env, TerrainCourses.Course c, Chooser ch) {
    double[] obs = env.reset(c);
    double[] a = new double[env.actionSize()];
    for (int k = 0; k < 10_000; k++) {
      ch.act(obs, a);
      var st = env.step(a);
      obs = st.observation();
      if (st.done()) {
        break;
      }
    }
    return env.metrics();
  }

  static Row aggregate(String name, List<TerrainEnv.Metrics> ms) {
    int done = 0;
    int falls = 0;
    double speed = 0;
    double cot = 0;
    int cotN = 0;
    double acc = 0;
    double time = 0;
    for (TerrainEnv.Metrics m : ms) {
      done += m.completed() ? 1 : 0;
      falls += m.fell() ? 1 : 0;
      speed += m.distanceM() / m.timeS();
      if (Double.isFinite(m.costOfTransport())) {
        cot += m.costOfTransport();
        cotN++;
      }
      acc += m.accelerationRms();
      // Not completed: counts as the whole time limit (a fall or a stall is no shortcut).
      time += m.completed() ? m.completionTimeS() : m.timeLimitS();
    }
    int n = ms.size();
    return new Row(name, n, done, falls, speed / n, cot / Math.max(1, cotN), acc / n, time / n);
  }

  static void print(List<Row> rows, String title, int n, double wall, PrintStream out) {
    out.printf(Locale.ROOT, "%s (%d runs each), %.0f s wall%n", title, n, wall);
    out.println(
        "| contender | completed | falls | mean speed m/s | cost of transport | accel RMS m/s² | mean time s |");
    out.println("|---|---|---|---|---|---|---|");
    for (Row r : rows) {
      out.printf(
          Locale.ROOT,
          "| %s | %d/%d | %d | %.3f | %.2f | %.2f | %.1f |%n",
          r.name(),
          r.completed(),
          r.courses(),
          r.falls(),
          r.meanSpeed(),
          r.meanCot(),
          r.accelRms(),
          r.meanTimeS());
    }
    Row learned = rows.get(0);
    Row bestCot = null;
    Row bestTime = null;
    int fewestFalls = Integer.MAX_VALUE;
    for (Row r : rows.subList(1, rows.size())) {
      bestCot = bestCot == null || r.meanCot() < bestCot.meanCot() ? r : bestCot;
      bestTime = bestTime == null || r.meanTimeS() < bestTime.meanTimeS() ? r : bestTime;
      fewestFalls = Math.min(fewestFalls, r.falls());
    }
    out.printf(
        Locale.ROOT,
        "learned vs best preset: falls %d vs %d; cost of transport %+.0f%% vs %s; mean time %+.0f%% vs %s%n",
        learned.falls(),
        fewestFalls,
        100 * (learned.meanCot() / bestCot.meanCot() - 1),
        bestCot.name(),
        100 * (learned.meanTimeS() / bestTime.meanTimeS() - 1),
        bestTime.name());
  }

  static void chart(List<Row> rows, Path png) throws IOException {
    CategoryChart c =
        new CategoryChartBuilder()
            .width(900)
            .height(500)
            .title("terrain policy vs fixed presets, held-out courses")
            .xAxisTitle("contender")
            .yAxisTitle("value")
            .build();
    List<String> names = new ArrayList<>();
    List<Double> time = new ArrayList<>();
    List<Double> cot = new ArrayList<>();
    List<Double> falls = new ArrayList<>();
    for (Row r : rows) {
      names.add(r.name());
      time.add(r.meanTimeS() / 10);
      cot.add(r.meanCot());
      falls.add((double) r.falls());
    }
    c.addSeries("mean time (10 s)", names, time);
    c.addSeries("cost of transport", names, cot);
    c.addSeries("falls", names, falls);
    BitmapEncoder.saveBitmap(c, png.toString(), BitmapEncoder.BitmapFormat.PNG);
  }
}
