package robodog.app.mission;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import robodog.app.robot.HarnessRobots;
import robodog.autonomy.RouteFile;
import robodog.autonomy.store.RunDatabase;
import robodog.harness.mission.MarkerField;
import robodog.harness.mission.MissionSim;
import robodog.harness.perception.SimPerception;
import robodog.locomotion.LocomotionConfig;
import robodog.sim.scenario.Scenario;
import robodog.sim.scenario.ScenarioLoader;

/**
 * The shipped equipment-run route's first 1.5 m with injected odometry drift (0.15 m sideways per
 * metre walked), its markers seen only by the simulated camera and the perception pipeline (no
 * ground truth): marker 0, rendered beside the course, pulls the route frame back so the robot
 * stays on the taught line. Without a correction the drift would put it ~0.2 m to the side. About
 * 45 s (lock step).
 */
class CameraMarkerRelocalisationTest {
  @TempDir Path dir;

  @Test
  void cameraSightingsCorrectInjectedDrift() throws Exception {
    LocomotionConfig cfg = LocomotionConfig.load(Path.of("../config"));
    Scenario sc = ScenarioLoader.load("equipment-run", Path.of("../scenarios"));
    try (RunDatabase db = RunDatabase.open(dir.resolve("runs.db"));
        MissionSim s =
            new MissionSim(
                HarnessRobots.HEADLESS, cfg, sc, 7, 200, db, MarkerField.none(), 0.15, id -> {})) {
      db.saveRoute(RouteFile.load(Path.of("../routes/equipment-run.yaml")), "shipped", true);
      s.camera(
          SimPerception.Setup.load(robodog.core.config.ConfigFiles.in(Path.of("../config"))),
          sc.scene(),
          7);
      s.operator("tablet", "cmd/lease", "{\"seq\":SEQ,\"action\":\"acquire\"}");
      s.mission(
          "tablet",
          "{\"seq\":SEQ,\"op\":\"dispatch\",\"route\":\"equipment-run\","
              + "\"payload\":{\"mass_kg\":1.5,\"com_height_m\":0.1,\"fragility\":0.5}}");
      assertTrue(s.service().mission() != null, s.errors().toString());
      while (s.trueX() < 1.5 && s.timeS() < 25) {
        assertTrue(s.run(0.5), "no fall");
        s.mission("tablet", "{\"seq\":SEQ,\"op\":\"heartbeat\"}");
      }
      long corrections = s.service().mission().relocalisations();
      double[] err = s.sightingErrors().stream().mapToDouble(e -> e[1]).sorted().toArray();
      System.out.printf(
          Locale.ROOT,
          "camera relocalisation: true x %.2f y %.3f at %.1f s, %d corrections, %d sightings,"
              + " median error %.3f m%n",
          s.trueX(),
          s.trueY(),
          s.timeS(),
          corrections,
          err.length,
          err.length == 0 ? Double.NaN : err[err.length / 2]);
      assertTrue(s.trueX() >= 1.5, "walked 1.5 m in 25 s: x " + s.trueX());
      assertTrue(corrections > 10, "camera sightings moved the route frame: " + corrections);
      assertTrue(err.length > 0 && err[err.length / 2] < 0.03, Arrays.toString(err));
      // The taught line is at y 0.00-0.02 m here (waypoints 0-3); drift alone would be ~0.2 m off.
      assertTrue(Math.abs(s.trueY()) < 0.08, "stayed on the taught line: y " + s.trueY());
    }
  }

  /**
   * The control: the same drift and walk with no marker sightings at all ends well off the line.
   */
  @Test
  void withoutSightingsTheDriftShows() throws Exception {
    LocomotionConfig cfg = LocomotionConfig.load(Path.of("../config"));
    Scenario sc = ScenarioLoader.load("equipment-run", Path.of("../scenarios"));
    try (RunDatabase db = RunDatabase.open(dir.resolve("runs.db"));
        MissionSim s =
            new MissionSim(
                HarnessRobots.HEADLESS, cfg, sc, 7, 200, db, MarkerField.none(), 0.15, id -> {})) {
      db.saveRoute(RouteFile.load(Path.of("../routes/equipment-run.yaml")), "shipped", true);
      s.operator("tablet", "cmd/lease", "{\"seq\":SEQ,\"action\":\"acquire\"}");
      s.mission(
          "tablet",
          "{\"seq\":SEQ,\"op\":\"dispatch\",\"route\":\"equipment-run\","
              + "\"payload\":{\"mass_kg\":1.5,\"com_height_m\":0.1,\"fragility\":0.5}}");
      while (s.trueX() < 1.5 && s.timeS() < 25) {
        assertTrue(s.run(0.5), "no fall");
        s.mission("tablet", "{\"seq\":SEQ,\"op\":\"heartbeat\"}");
      }
      System.out.printf(Locale.ROOT, "no sightings: true x %.2f y %.3f%n", s.trueX(), s.trueY());
      assertTrue(Math.abs(s.trueY()) > 0.12, "drift alone: y " + s.trueY());
    }
  }
}
