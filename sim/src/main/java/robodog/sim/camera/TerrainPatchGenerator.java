package robodog.sim.camera;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import robodog.core.camera.CameraFrame;
import robodog.core.camera.CameraIntrinsics;
import robodog.sim.terrain.Terrains;

/**
 * Training and test images for the terrain classifier: square patches of textured level ground as a
 * head camera sees it ahead of the robot, each with its own randomised view (camera 0.2–0.6 m up,
 * looking 20–75° down, any heading, a 10–30° field of view, i.e. a crop of a 640 × 480 frame),
 * texture variant, daylight, exposure, white balance and sensor noise. Rendered with 2 × 2
 * supersampling like a real lens's blur. The patch stream is a pure function of (surface, seed).
 *
 * <p>Not thread-safe: one generator per thread.
 */
public final class TerrainPatchGenerator {
  private final int size;

  /** Patches of {@code size} × {@code size} pixels. */
  public TerrainPatchGenerator(int size) {
    if (size < 8) {
      throw new IllegalArgumentException("patch size must be >= 8 px, got " + size);
    }
    this.size = size;
  }

  /** Side of a patch, px. */
  public int size() {
    return size;
  }

  /**
   * Renders one patch of {@code surface}; BGR bytes (size × size × 3, row-major), a fresh array.
   * Different seeds give different views, light, texture variants and noise.
   */
  public byte[] render(Surface surface, long seed) {
    SplittableRandom r = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + surface.ordinal());
    double hfov = Math.toRadians(12 + 18 * r.nextDouble());
    double f = 0.5 * size / Math.tan(hfov / 2);
    CameraIntrinsics k = new CameraIntrinsics(size, size, f, f, size / 2.0, size / 2.0);
    CameraFrame target = new CameraFrame(k, false);
    CameraRenderer renderer =
        new CameraRenderer(
            Terrains.flat(0.9),
            new Scene(
                List.of(), List.of(), List.of(), List.of(), List.of(), Map.of("ground", surface)),
            r.nextLong(),
            1.0);
    double h = 0.15 + 0.25 * r.nextDouble();
    double pitch = Math.toRadians(20 + 40 * r.nextDouble());
    double yaw = 2 * Math.PI * r.nextDouble();
    double roll = Math.toRadians(10 * (r.nextDouble() - 0.5));
    double[] rot = new double[9];
    robodog.core.Rotations.rpyToMatrix(roll, pitch, yaw, rot);
    double[] pos = {40 * (r.nextDouble() - 0.5), 40 * (r.nextDouble() - 0.5), h};
    renderer.render(pos, rot, 0, Lighting.random(r), r.nextLong(), 2, target);
    return target.bgr;
  }
}
