package robodog.app.mission;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import robodog.app.robot.HarnessRobots;
import robodog.autonomy.Route;
import robodog.autonomy.Waypoint;
import robodog.autonomy.store.RunDatabase;
import robodog.core.perception.SafetyLimit;
import robodog.harness.mission.GroundTruthPerception;
import robodog.harness.mission.MarkerField;
import robodog.harness.mission.MissionSim;
import robodog.locomotion.LocomotionConfig;
import robodog.sim.scenario.Scenario;
import robodog.sim.scenario.ScenarioLoader;

/**
 * Local navigation in closed-loop physics (perception rendered from ground truth): a figure
 * stepping onto the path stops the walking robot, which resumes after it leaves; a box on the path
 * is walked around.
 */
class LocalNavigationSimTest {
  static final LocomotionConfig CFG = LocomotionConfig.load(Path.of("../config"));
  static final Scenario SC = ScenarioLoader.load("flat-walk", Path.of("../scenarios"));

  @TempDir Path dir;

  private MissionSim start(RunDatabase db, GroundTruthPerception p) {
    List<Waypoint> w = new ArrayList<>();
    for (int i = 0; i <= 6; i++) {
      w.add(new Waypoint(-1, 0.5 * i, 0, 0.15));
    }
    db.saveRoute(new Route("straight", 0, w, List.of(), List.of()), "test", true);
    MissionSim s =
        new MissionSim(
            HarnessRobots.HEADLESS, CFG, SC, 3, 200, db, MarkerField.none(), 0, id -> {});
    s.perception(p);
    s.operator("tablet", "cmd/lease", "{\"seq\":SEQ,\"action\":\"acquire\"}");
    s.mission("tablet", "{\"seq\":SEQ,\"op\":\"dispatch\",\"route\":\"straight\"}");
    assertTrue(s.service().mission() != null, s.errors().toString());
    return s;
  }

  private static void supervise(MissionSim s, double seconds) throws Exception {
    for (int i = 0; i < seconds / 0.5; i++) {
      assertTrue(s.run(0.5), "no fall");
      s.mission("tablet", "{\"seq\":SEQ,\"op\":\"heartbeat\"}");
    }
  }

  @Test
  void aFigureOnThePathStopsTheRobotUntilItLeaves() throws Exception {
    try (RunDatabase db = RunDatabase.open(dir.resolve("p.db"))) {
      GroundTruthPerception p = new GroundTruthPerception();
      MissionSim s = start(db, p);
      double x0 = s.world().bodyPosition().get0() - s.trueX();
      double y0 = s.world().bodyPosition().get1() - s.trueY();
      supervise(s, 8);
      p.person = new double[] {x0 + s.trueX() + 2.2, y0}; // in the slow zone, beyond the stop zone
      // It slows as it closes in, then stops; wait until it has stopped and settled.
      for (int i = 0; i < 60 && !stopped(db); i++) {
        supervise(s, 0.5);
      }
      assertTrue(stopped(db), "stopped for the figure");
      supervise(s, 2);
      double held = s.trueX();
      supervise(s, 6);
      double crept = s.trueX() - held;
      System.out.printf(
          Locale.ROOT,
          "figure: stopped %.2f m from it, moved %.3f m in 6 s%n",
          p.person[0] - x0 - s.trueX(),
          crept);
      assertTrue(Math.abs(crept) < 0.03, "stood still while the figure was there: " + crept);
      assertTrue(
          p.person[0] - x0 - s.trueX() > SafetyLimit.DEFAULT_STOP_M - 0.2,
          "halted at the crew-safety stop zone");
      p.person = null;
      for (int i = 0; i < 120 && s.service().mission() != null; i++) {
        supervise(s, 0.5);
      }
      assertEquals("completed", db.history(1).get(0).outcome());
      assertTrue(Math.abs(s.trueX() - 3) < 0.25, "reached the end: " + s.trueX());
    }
  }

  private static boolean stopped(RunDatabase db) {
    return db.incidents(db.history(1).get(0).id()).stream()
        .anyMatch(i -> i.kind().equals("person"));
  }

  @Test
  void aBoxOnThePathIsWalkedAround() throws Exception {
    try (RunDatabase db = RunDatabase.open(dir.resolve("b.db"))) {
      GroundTruthPerception p = new GroundTruthPerception();
      MissionSim s = start(db, p);
      double x0 = s.world().bodyPosition().get0();
      double y0 = s.world().bodyPosition().get1();
      double[] box = {x0 + 1.6, y0, 0.15};
      p.obstacles.add(box);
      double closest = Double.POSITIVE_INFINITY;
      for (int i = 0; i < 240 && s.service().mission() != null; i++) {
        supervise(s, 0.5);
        closest = Math.min(closest, Math.hypot(s.trueX() + x0 - box[0], s.trueY() + y0 - box[1]));
      }
      var run = db.history(1).get(0);
      var inc = db.incidents(run.id());
      System.out.printf(
          Locale.ROOT,
          "box: %s, closest approach of the body centre %.2f m, %s%n",
          run.outcome(),
          closest,
          inc.stream().filter(i -> i.kind().equals("detour")).toList());
      assertEquals("completed", run.outcome(), inc.toString());
      assertTrue(inc.stream().anyMatch(i -> i.kind().equals("detour")), inc.toString());
      assertTrue(closest > box[2] + 0.15, "kept clear of the box: " + closest);
    }
  }
}
