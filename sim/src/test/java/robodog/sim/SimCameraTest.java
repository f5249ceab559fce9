package robodog.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import robodog.core.camera.CameraException;
import robodog.core.camera.CameraFrame;
import robodog.sim.camera.BodyPoseFeed;
import robodog.sim.camera.CameraRenderer;
import robodog.sim.camera.Lighting;
import robodog.sim.camera.Scene;
import robodog.sim.camera.SimCamera;
import robodog.sim.camera.SimCameraConfig;
import robodog.sim.terrain.Terrain;
import robodog.sim.terrain.Terrains;

/** The simulated camera on its own thread, fed by a running simulation. */
class SimCameraTest {
  private static SimCameraConfig small() {
    SimCameraConfig d = SimCameraConfig.DEFAULT;
    return new SimCameraConfig(
        160,
        120,
        d.hfovRad(),
        10,
        1,
        d.mount(),
        Lighting.DEFAULT.noiseless(),
        d.textureVariation());
  }

  @Test
  void framesFollowTheSimulationAtTheCameraRateFromTheHeadMount() throws Exception {
    Terrain flat = Terrains.flat(0.9);
    SimHardware hw = SimFixtures.hardware(flat, 1);
    BodyPoseFeed feed = new BodyPoseFeed();
    hw.setBodyPoseFeed(feed);
    SimCameraConfig cfg = small();
    SimCamera cam =
        new SimCamera(cfg, new CameraRenderer(flat, Scene.EMPTY, 1, 0.5), feed, 1, 5000);
    ExecutorService perception = Executors.newSingleThreadExecutor();
    Future<List<double[]>> grabbed =
        perception.submit(
            () -> {
              List<double[]> out = new ArrayList<>();
              CameraFrame f = new CameraFrame(cam.intrinsics(), true);
              for (int n = 0; n < 5; n++) {
                cam.grab(f);
                // Centre pixel depth on level ground = camera height / sin(pitch).
                double centre = f.depth[60 * 160 + 80];
                out.add(
                    new double[] {f.stampNanos * 1e-9, f.cameraPose[2], f.cameraPose[4], centre});
              }
              return out;
            });
    double[] q = SimFixtures.neutral();
    // The simulation runs on regardless of the camera (as the control loop would), in 0.1 s
    // chunks, until the camera has its frames (at most 30 simulated seconds).
    for (int chunk = 0; chunk < 300 && !grabbed.isDone(); chunk++) {
      SimFixtures.hold(hw, q, true, 0.1);
    }
    List<double[]> frames = grabbed.get();
    perception.shutdown();
    cam.close();
    double body = SimFixtures.ROBOT.stance().bodyHeightM();
    for (int n = 0; n < frames.size(); n++) {
      double[] fr = frames.get(n);
      assertEquals(0, Math.IEEEremainder(fr[0], 0.1), 1e-6, "frame time on the 10 Hz grid");
      if (n > 0) {
        assertTrue(fr[0] > frames.get(n - 1)[0], "frame times increase");
      }
      assertEquals(body + 0.08, fr[1], 0.01, "camera 8 cm above base_link");
      assertEquals(Math.toRadians(15), fr[2], 0.02, "camera pitched 15 degrees down");
      // Pixel (80, 60) is sampled at (80.5, 60.5): half a pixel below the optical axis.
      double below = 0.5 / cfg.intrinsics().fy();
      double expected = fr[1] / (Math.sin(fr[2]) + Math.cos(fr[2]) * below);
      assertEquals(expected, fr[3], 0.002, "the ray meets level ground where geometry says");
    }
  }

  @Test
  void grabWithoutARunningSimulationFailsWithAClearMessage() {
    SimCamera cam =
        new SimCamera(
            small(),
            new CameraRenderer(Terrains.flat(0.9), Scene.EMPTY, 1, 0.5),
            new BodyPoseFeed(),
            1,
            50);
    CameraFrame f = new CameraFrame(cam.intrinsics(), true);
    CameraException e = assertThrows(CameraException.class, () -> cam.grab(f));
    assertTrue(e.getMessage().contains("simulation"), e.getMessage());
  }
}
