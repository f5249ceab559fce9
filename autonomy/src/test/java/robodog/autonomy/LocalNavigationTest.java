package robodog.autonomy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import robodog.autonomy.store.Incident;

/**
 * People and obstacles on the route (perception's people zones and obstacle grid rendered from a
 * world model around the kinematic robot): stop and resume for a person, detour around a box, give
 * up with a reason at a wall.
 */
class LocalNavigationTest {
  @TempDir Path dir;

  static Route line() {
    List<Waypoint> w = new ArrayList<>();
    for (int i = 0; i <= 10; i++) {
      w.add(new Waypoint(-1, 0.5 * i, 0, 0.15));
    }
    return new Route("line", 0, w, List.of(), List.of());
  }

  private Bench bench(String name) {
    Bench b = new Bench(dir.resolve(name + ".db"));
    b.perception = true;
    b.db.saveRoute(line(), "test", false);
    b.send("{\"seq\":SEQ,\"op\":\"dispatch\",\"route\":\"line\"}");
    return b;
  }

  @Test
  void aPersonOnThePathStopsTheRobotWhichGoesOnWhenTheyLeave() {
    try (Bench b = bench("person")) {
      b.run(8); // about 0.9 m along
      b.person = new double[] {b.plant.x + 2.5, 0.1}; // inside the slow zone, outside the stop zone
      b.run(30); // slows, then stops short of them
      double x = b.plant.x;
      b.run(10);
      assertTrue(b.plant.speed() < 0.005, "stopped for the person: " + b.plant.speed());
      assertTrue(Math.abs(b.plant.x - x) < 0.02, "held still while they stood there");
      assertTrue(
          b.person[0] - b.plant.x > LocalNavigator.PERSON_STOP_M - 0.15,
          "kept its distance: " + (b.person[0] - b.plant.x));
      assertEquals(RunState.RUNNING, b.svc.mission().state());
      b.person = null;
      assertTrue(b.runUntilDone(120));
      assertEquals("completed", b.db.history(1).get(0).outcome());
      List<Incident> inc = b.db.incidents(b.db.history(1).get(0).id());
      assertTrue(inc.stream().anyMatch(i -> i.kind().equals("person")), inc.toString());
      assertTrue(inc.stream().anyMatch(i -> i.kind().equals("person_clear")), inc.toString());
    }
  }

  @Test
  void aBoxOnThePathIsDetoured() {
    try (Bench b = bench("box")) {
      double[] box = {2.5, 0.02, 0.15};
      b.obstacles.add(box);
      double closest = Double.POSITIVE_INFINITY;
      for (int i = 0; i < 2400 && b.svc.mission() != null; i++) {
        b.step();
        closest = Math.min(closest, Math.hypot(b.plant.x - box[0], b.plant.y - box[1]));
      }
      var run = b.db.history(1).get(0);
      List<Incident> inc = b.db.incidents(run.id());
      assertEquals("completed", run.outcome(), inc.toString());
      assertTrue(inc.stream().anyMatch(i -> i.kind().equals("detour")), inc.toString());
      assertTrue(closest > box[2] + 0.15, "kept clear of the box: centre distance " + closest);
      assertTrue(Math.hypot(b.plant.x - 5, b.plant.y) < 0.15, "reached the end");
    }
  }

  @Test
  void aWallAcrossTheRouteEndsTheRunWithAReason() {
    try (Bench b = bench("wall")) {
      for (double y = -2; y <= 2; y += 0.1) {
        b.obstacles.add(new double[] {2.5, y, 0.1});
      }
      assertTrue(b.runUntilDone(200));
      var run = b.db.history(1).get(0);
      assertEquals("ended", run.outcome());
      List<Incident> inc = b.db.incidents(run.id());
      assertTrue(
          inc.stream()
              .anyMatch(i -> i.kind().equals("gave_up") && i.detail().contains("no free detour")),
          inc.toString());
      assertTrue(b.plant.x < 2.5 - 0.1 - 0.15, "stopped short of the wall: " + b.plant.x);
      assertEquals("tablet", b.lease.holder);
    }
  }
}
