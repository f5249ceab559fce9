package robodog.harness.learn;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import robodog.harness.course.CourseGenerator;
import robodog.sim.scenario.Scenario;
import robodog.sim.scenario.ScenarioLoader;

/**
 * The evaluation's courses. Training (for the preset search): {@code ./robodog courses --seed 1}
 * courses 0, 1, ..., cut to their first {@link #TRAINING_GOAL_M} m so the search stays short. Held
 * out: {@code ./robodog courses --seed 1000000000} courses 0, 1, ... (a generator seed the search
 * never sees), plus a shipped scenario with run seeds {@code seed + 1000 i}. Start-up thread.
 */
public final class EvalCourses {
  /** Generator seed of the training courses. */
  public static final long TRAINING_SEED = 1;

  /** Generator seed of the held-out courses. */
  public static final long HELD_OUT_SEED = 1_000_000_000L;

  /** Goal of a training course, m. */
  public static final double TRAINING_GOAL_M = 3;

  private EvalCourses() {}

  /** Training courses {@code 0 .. n-1}, cut to {@link #TRAINING_GOAL_M}. */
  public static List<BaselineEvaluation.Course> training(int n) throws IOException {
    List<BaselineEvaluation.Course> l = new ArrayList<>();
    for (Scenario s : generated(TRAINING_SEED, n)) {
      double speed = s.commands().get(0).vx();
      double d = Math.ceil(TRAINING_GOAL_M / speed * 2.5 + 10);
      Scenario cut =
          new Scenario(
              s.name(),
              s.description(),
              s.terrain(),
              s.startX(),
              s.startY(),
              s.startYawRad(),
              s.payloadKg(),
              s.payloadCom(),
              d,
              s.seed(),
              null,
              null,
              s.commands(),
              TRAINING_GOAL_M,
              Double.NaN,
              s.scene(),
              null);
      l.add(new BaselineEvaluation.Course(cut.name() + " (first 3 m)", cut, cut.seed()));
    }
    return l;
  }

  /** Held-out generated courses {@code 0 .. n-1}. */
  public static List<BaselineEvaluation.Course> heldOut(int n) throws IOException {
    List<BaselineEvaluation.Course> l = new ArrayList<>();
    for (Scenario s : generated(HELD_OUT_SEED, n)) {
      l.add(new BaselineEvaluation.Course(s.name(), s, s.seed()));
    }
    return l;
  }

  /** {@code sc} with run seeds {@code sc.seed() + 1000 i}, i = 0 .. n-1. */
  public static List<BaselineEvaluation.Course> seeds(Scenario sc, int n) {
    if (Double.isNaN(sc.goalDistanceM())) {
      throw new IllegalArgumentException(
          "scenario " + sc.name() + ": needs a goal distance (goal: { distance_m: ... })");
    }
    List<BaselineEvaluation.Course> l = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      long s = sc.seed() + 1000L * i;
      l.add(new BaselineEvaluation.Course(sc.name() + " seed " + s, sc, s));
    }
    return l;
  }

  private static List<Scenario> generated(long seed, int n) throws IOException {
    List<Scenario> l = new ArrayList<>();
    if (n <= 0) {
      return l;
    }
    Path dir = Files.createTempDirectory("robodog-eval-courses");
    try {
      for (Path f : CourseGenerator.write(seed, n, dir)) {
        l.add(ScenarioLoader.load(f.toString(), dir));
        Files.delete(f);
      }
    } finally {
      Files.deleteIfExists(dir);
    }
    return l;
  }
}
