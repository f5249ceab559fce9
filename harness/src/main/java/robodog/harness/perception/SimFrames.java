package robodog.harness.perception;

import java.util.List;
import java.util.Map;
import robodog.core.camera.CameraFrame;
import robodog.core.camera.CameraIntrinsics;
import robodog.core.camera.CameraMount;
import robodog.perception.PerceptionConfig;
import robodog.sim.camera.CameraRenderer;
import robodog.sim.camera.Lighting;
import robodog.sim.camera.Scene;
import robodog.sim.camera.SimCamera;
import robodog.sim.terrain.Terrain;

/**
 * Renders single simulated camera frames of a standing robot at the origin (body 12 cm up, looking
 * along +x, the simulator's default head mount) for perception evaluations, and the perception
 * config whose camera mount matches. One thread.
 */
public final class SimFrames {
  /** Standing body height over flat ground, m (config/robot.yaml). */
  public static final double BODY_Z = 0.12;

  public static final CameraIntrinsics K =
      CameraIntrinsics.fromHorizontalFov(640, 480, Math.toRadians(70));

  private SimFrames() {}

  /** Perception settings with the simulator's default camera mount. */
  public static PerceptionConfig config() {
    return config(CameraMount.DEFAULT);
  }

  /** Perception settings with this simulated camera mount. */
  public static PerceptionConfig config(CameraMount m) {
    PerceptionConfig d = PerceptionConfig.DEFAULT;
    return new PerceptionConfig(
        m,
        null,
        d.markerDictionary(),
        d.markerSizeM(),
        d.slowM(),
        d.stopM(),
        d.slowMinScale(),
        d.personHeightM(),
        d.hogWidthPx(),
        d.hogThreshold(),
        d.depthPeople(),
        d.staleS(),
        d.staleScale(),
        d.gridCells(),
        d.gridResolutionM(),
        d.obstacleHeightM(),
        d.corridorWidthM(),
        d.lookAheadM());
  }

  /** World position of the camera of a robot standing at the origin, m. */
  public static double[] cameraPosition() {
    double[] pos = new double[3];
    SimCamera.cameraPose(
        new double[] {0, 0, BODY_Z, 1, 0, 0, 0}, CameraMount.DEFAULT, pos, new double[9]);
    return pos;
  }

  /** Renders {@code scene} on {@code terrain} as the standing robot's camera sees it. */
  public static void render(
      Terrain terrain, Scene scene, long seed, Lighting light, CameraFrame into) {
    render(terrain, scene, seed, light, CameraMount.DEFAULT, into);
  }

  /** As above with another camera mount. */
  public static void render(
      Terrain terrain,
      Scene scene,
      long seed,
      Lighting light,
      CameraMount mount,
      CameraFrame into) {
    CameraRenderer r = new CameraRenderer(terrain, scene, seed, 0.5);
    double[] pos = new double[3];
    double[] rot = new double[9];
    SimCamera.cameraPose(new double[] {0, 0, BODY_Z, 1, 0, 0, 0}, mount, pos, rot);
    r.render(pos, rot, 0, light, seed, 1, into);
  }

  /** A scene with only these markers and people. */
  public static Scene scene(List<Scene.Marker> markers, List<Scene.Person> people) {
    return new Scene(markers, List.of(), List.of(), List.of(), people, Map.of());
  }
}
