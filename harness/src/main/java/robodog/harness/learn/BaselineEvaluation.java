package robodog.harness.learn;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import robodog.harness.RobotFactory;
import robodog.locomotion.LocomotionConfig;
import robodog.sim.scenario.Scenario;

/**
 * {@code ./robodog eval terrain-policy}: the learned advisor against two honest baselines on the
 * same held-out courses in one run. The tuned preset is the best single fixed setting (gait × step
 * height × body height of {@link #grid}, at the commanded speed) on the training courses, then
 * walked as an explicit gait setting; the selector is the robot picking its own gait from the
 * ground; the learned row is the policy bounded as on the robot. Scores: {@link EvalScore}. Called
 * from one thread.
 */
public final class BaselineEvaluation {
  private BaselineEvaluation() {}

  /** A course: name, scenario, run seed. */
  public record Course(String name, Scenario scenario, long seed) {}

  /** Aggregate of one row over the held-out courses. */
  public record Row(
      String name,
      int n,
      int falls,
      int completed,
      double meanScore,
      double worstScore,
      double meanSpeedMps,
      double payloadAccelRmsMps2,
      double energyJ) {}

  /** What the evaluation found. */
  public record Result(
      String tunedPreset, List<Row> rows, double improvementPercent, boolean passes) {}

  /**
   * The search grid: every row of the gait table (the policy's gait choices; not the library's
   * failed-leg gaits) × {@code steps} step heights (m) × body heights neutral + {@code bodyOffsets}
   * (m).
   */
  public static List<EvalRuns.Preset> grid(
      LocomotionConfig cfg, double[] steps, double[] bodyOffsets) {
    List<EvalRuns.Preset> l = new ArrayList<>();
    double neutral = cfg.robot().stance().bodyHeightM();
    for (int g = 0; g < cfg.gaitTable().gaits().size(); g++) {
      for (double s : steps) {
        for (double b : bodyOffsets) {
          l.add(new EvalRuns.Preset(g, s, neutral + b));
        }
      }
    }
    return l;
  }

  /**
   * Searches {@code grid} on {@code training}, then walks the three rows on {@code heldOut}; prints
   * the table, the verdict and the per-terrain table to {@code out}; writes {@code eval.json} and
   * {@code scores.png} into {@code dir}.
   */
  public static Result run(
      RobotFactory robots,
      LocomotionConfig cfg,
      Path policy,
      List<Course> training,
      List<EvalRuns.Preset> grid,
      List<Course> heldOut,
      int workers,
      Path dir,
      PrintStream out,
      PrintStream progress)
      throws Exception {
    // Refused here with its reason: the robot would walk on without a bad policy, and the learned
    // row would silently be the selector's.
    robodog.learning.rl.PolicyFile.load(policy);
    if (training.isEmpty() || grid.isEmpty() || heldOut.isEmpty()) {
      throw new IllegalArgumentException(
          "evaluation needs at least one training course, one preset and one held-out course");
    }
    long t0 = System.nanoTime();
    List<EvalRuns.Job> search = new ArrayList<>();
    for (Course c : training) {
      search.add(job("selector", c, EvalRuns.Way.SELECTOR, null));
      for (EvalRuns.Preset p : grid) {
        search.add(job(p.describe(cfg), c, EvalRuns.Way.PRESET, p));
      }
    }
    List<EvalRuns.Run> sr =
        EvalRuns.run(robots, cfg, policy, search, workers, "preset search", progress);
    int per = grid.size() + 1;
    double[] sum = new double[grid.size()];
    for (int c = 0; c < training.size(); c++) {
      EvalRuns.Run ref = sr.get(c * per);
      double d = training.get(c).scenario().durationS();
      for (int k = 0; k < grid.size(); k++) {
        sum[k] += EvalScore.score(sr.get(c * per + 1 + k), ref, d);
      }
    }
    int best = 0;
    for (int k = 1; k < grid.size(); k++) {
      best = sum[k] < sum[best] ? k : best;
    }
    EvalRuns.Preset tuned = grid.get(best);
    String tunedName = tuned.describe(cfg);
    out.printf(
        Locale.ROOT,
        "tuned preset: %s (mean score %.3f on %d training courses, best of %d settings, %.0f s)%n",
        tunedName,
        sum[best] / training.size(),
        training.size(),
        grid.size(),
        (System.nanoTime() - t0) / 1e9);

    List<EvalRuns.Job> jobs = new ArrayList<>();
    for (Course c : heldOut) {
      jobs.add(job("selector", c, EvalRuns.Way.SELECTOR, null));
      jobs.add(job("tuned preset", c, EvalRuns.Way.PRESET, tuned));
      jobs.add(job("learned", c, EvalRuns.Way.LEARNED, null));
    }
    List<EvalRuns.Run> hr = EvalRuns.run(robots, cfg, policy, jobs, workers, "held-out", progress);
    List<EvalRuns.Run> scored = new ArrayList<>();
    Map<String, List<EvalRuns.Run>> byRow = new LinkedHashMap<>();
    byRow.put("tuned preset", new ArrayList<>());
    byRow.put("selector", new ArrayList<>());
    byRow.put("learned", new ArrayList<>());
    for (int c = 0; c < heldOut.size(); c++) {
      EvalRuns.Run ref = hr.get(3 * c);
      double d = heldOut.get(c).scenario().durationS();
      for (int k = 0; k < 3; k++) {
        EvalRuns.Run r = hr.get(3 * c + k);
        EvalRuns.Run s = r.withScore(EvalScore.score(r, ref, d));
        scored.add(s);
        byRow.get(s.row()).add(s);
      }
    }
    List<Row> rows = new ArrayList<>();
    for (Map.Entry<String, List<EvalRuns.Run>> e : byRow.entrySet()) {
      rows.add(aggregate(e.getKey(), e.getValue()));
    }
    Row learned = rows.get(2);
    double baseline = Math.min(rows.get(0).meanScore(), rows.get(1).meanScore());
    double pct = EvalScore.improvementPercent(learned.meanScore(), baseline);
    boolean passes = pct >= 15 && learned.falls() == 0;
    out.printf(
        Locale.ROOT,
        "held-out: %d courses, %.0f s wall; score: mean of time to goal, payload accel RMS and"
            + " energy, each / the selector's on that course (missed goal: time = %.0f x duration;"
            + " fall: %.0f); lower is better%n",
        heldOut.size(),
        (System.nanoTime() - t0) / 1e9,
        EvalScore.MISSED_TIME_FACTOR,
        EvalScore.FALL_SCORE);
    out.println(
        "| row | n | falls | completed | mean score | worst score | mean speed m/s | payload RMS m/s² | energy J |");
    out.println("|---|---|---|---|---|---|---|---|---|");
    for (Row r : rows) {
      out.printf(
          Locale.ROOT,
          "| %s | %d | %d | %d | %.3f | %.3f | %.3f | %.2f | %.0f |%n",
          r.name(),
          r.n(),
          r.falls(),
          r.completed(),
          r.meanScore(),
          r.worstScore(),
          r.meanSpeedMps(),
          r.payloadAccelRmsMps2(),
          r.energyJ());
    }
    out.printf(
        Locale.ROOT,
        "learned vs better baseline: %+.1f %% (gate: >= 15 %% better with 0 falls): %s%n",
        pct,
        passes ? "passes" : "fails");
    KindTable.print(cfg, "learned", byRow.get("learned"), out);
    KindTable.print(cfg, "selector", byRow.get("selector"), out);
    Files.createDirectories(dir);
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("tuned_preset", tunedName);
    json.put("rows", rows);
    json.put("improvement_percent", pct);
    json.put("passes", passes);
    json.put("search", sr);
    json.put("runs", scored);
    writeAtomic(dir.resolve("eval.json"), JSON.writeValueAsString(json));
    chart(rows, dir.resolve("scores.png"));
    out.println("wrote " + dir.resolve("eval.json") + " and " + dir.resolve("scores.png"));
    return new Result(tunedName, rows, pct, passes);
  }

  private static final ObjectMapper JSON =
      new ObjectMapper()
          .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
          .enable(SerializationFeature.INDENT_OUTPUT);

  private static EvalRuns.Job job(String row, Course c, EvalRuns.Way w, EvalRuns.Preset p) {
    return new EvalRuns.Job(row, c.name(), c.scenario(), c.seed(), w, p);
  }

  static Row aggregate(String name, List<EvalRuns.Run> rs) {
    int falls = 0;
    int done = 0;
    double score = 0;
    double worst = 0;
    double speed = 0;
    double acc = 0;
    double energy = 0;
    for (EvalRuns.Run r : rs) {
      falls += r.fell() ? 1 : 0;
      done += r.completed() ? 1 : 0;
      score += r.score();
      worst = Math.max(worst, r.score());
      speed += r.meanSpeedMps();
      acc += r.payloadAccelRmsMps2();
      energy += r.energyJ();
    }
    int n = Math.max(1, rs.size());
    return new Row(name, rs.size(), falls, done, score / n, worst, speed / n, acc / n, energy / n);
  }

  private static void writeAtomic(Path f, String text) throws IOException {
    Path abs = f.toAbsolutePath();
    Path tmp = Files.createTempFile(abs.getParent(), ".eval", ".tmp");
    Files.writeString(tmp, text);
    Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
  }

  private static void chart(List<Row> rows, Path png) throws IOException {
    CategoryChart c =
        new CategoryChartBuilder()
            .width(700)
            .height(450)
            .title("held-out courses: composite score (lower is better, selector = 1)")
            .xAxisTitle("row")
            .yAxisTitle("score")
            .build();
    List<String> names = new ArrayList<>();
    List<Double> mean = new ArrayList<>();
    List<Double> worst = new ArrayList<>();
    for (Row r : rows) {
      names.add(r.name());
      mean.add(r.meanScore());
      worst.add(r.worstScore());
    }
    c.addSeries("mean score", names, mean);
    c.addSeries("worst score", names, worst);
    Path tmp = Files.createTempFile(png.toAbsolutePath().getParent(), ".scores", ".png");
    BitmapEncoder.saveBitmap(c, tmp.toString(), BitmapEncoder.BitmapFormat.PNG);
    Files.move(tmp, png, StandardCopyOption.REPLACE_EXISTING);
  }
}
