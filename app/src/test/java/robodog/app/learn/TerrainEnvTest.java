package robodog.app.learn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import robodog.app.robot.HarnessRobots;
import robodog.harness.learn.TerrainCourses;
import robodog.harness.learn.TerrainEnv;
import robodog.harness.learn.TerrainEvaluation;
import robodog.learning.rl.Env;
import robodog.locomotion.LocomotionConfig;

/** The simulator-backed environment is a function of its seed, also on parallel threads. */
class TerrainEnvTest {
  private static final LocomotionConfig CFG = LocomotionConfig.load(Path.of("../config"));

  /** Observations and rewards of three decisions (a fixed action sequence). */
  private static List<double[]> trace(long seed, int level) {
    TerrainEnv env = new TerrainEnv(HarnessRobots.HEADLESS, CFG, 1.0);
    List<double[]> out = new ArrayList<>();
    out.add(env.reset(seed, level));
    double[][] actions = {
      TerrainEvaluation.preset(CFG, 0), TerrainEvaluation.preset(CFG, 2), {1, -1, -1, -1, 1, -1, 1}
    };
    for (double[] a : actions) {
      Env.Step st = env.step(a);
      double[] o = st.observation().clone();
      double[] row = new double[o.length + 1];
      System.arraycopy(o, 0, row, 0, o.length);
      row[o.length] = st.reward();
      out.add(row);
      if (st.done()) {
        break;
      }
    }
    return out;
  }

  @Test
  void sameSeedSameEpisodeEvenOnParallelThreads() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Future<List<double[]>> a = pool.submit(() -> trace(42, 3));
      Future<List<double[]>> b = pool.submit(() -> trace(42, 3));
      List<double[]> ta = a.get();
      List<double[]> tb = b.get();
      assertEquals(ta.size(), tb.size());
      for (int i = 0; i < ta.size(); i++) {
        assertArrayEquals(ta.get(i), tb.get(i), "step " + i + " differs");
      }
      List<double[]> other = trace(43, 3);
      assertNotEquals(ta.get(1)[ta.get(1).length - 1], other.get(1)[other.get(1).length - 1]);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void progressIsRewardedAndTheObservationSeesTheGround() {
    TerrainEnv env = new TerrainEnv(HarnessRobots.HEADLESS, CFG, 1.0);
    int gaits = CFG.gaitTable().gaits().size();
    TerrainCourses.Course course = TerrainCourses.training(7, 0);
    double[] slow = TerrainEvaluation.preset(CFG, 0);
    slow[gaits] = -1; // speed scale 0.5
    env.reset(course);
    double slowRet = 0;
    for (int k = 0; k < 4; k++) {
      slowRet += env.step(slow).reward();
    }
    double[] flat = env.reset(course);
    double[] fast = TerrainEvaluation.preset(CFG, 0);
    fast[gaits] = 1; // speed scale 1.5 asked; the controller lays at most 1
    double ret = 0;
    for (int k = 0; k < 4; k++) {
      ret += env.step(fast).reward();
    }
    TerrainEnv.Metrics m = env.metrics();
    assertFalse(m.fell());
    assertTrue(m.distanceM() > 0.3, "walked " + m.distanceM() + " m");
    assertTrue(
        m.distanceM() <= 5 * course.speedMps() + 0.02,
        "never faster than the course's operator speed in training either: "
            + m.distanceM()
            + " m in the 1 s warm-up and 4 s at "
            + course.speedMps()
            + " m/s");
    assertTrue(ret > slowRet + 0.5, "more progress earns more reward: " + ret + " vs " + slowRet);
    // On a 15-degree slope the observation's mean pitch says so (index 1, rad).
    TerrainCourses.Course slope =
        new TerrainCourses.Course(
            "slope",
            robodog.sim.terrain.Terrains.slope(Math.toRadians(15), 0.9),
            robodog.sim.SimConfig.defaults(1),
            0.1,
            1,
            5);
    double[] o = env.reset(slope);
    assertTrue(Math.abs(o[1]) > Math.toRadians(5), "pitch on a slope: " + o[1]);
    assertTrue(Math.abs(flat[1]) < Math.toRadians(3), "pitch on flat: " + flat[1]);
  }
}
