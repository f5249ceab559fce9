package robodog.sim.bench;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import robodog.core.camera.CameraFrame;
import robodog.core.camera.CameraIntrinsics;
import robodog.core.camera.CameraMount;
import robodog.sim.camera.CameraRenderer;
import robodog.sim.camera.DemoScenes;
import robodog.sim.camera.FrameImages;
import robodog.sim.camera.Lighting;
import robodog.sim.camera.Scene;
import robodog.sim.camera.SimCamera;
import robodog.sim.camera.Surface;
import robodog.sim.terrain.Terrain;
import robodog.sim.terrain.Terrains;

/**
 * Render time of the simulated camera, one thread: the demo crew scene on several terrains seen
 * from the default head mount of a standing robot. Prints median and p90 ms per frame and fps.
 * {@code --png DIR} also writes one colour and one depth image per terrain.
 *
 * <p>Options: {@code --width 640 --height 480 --frames 40 --supersample 1 --png DIR --terrains
 * flat,rough}.
 */
public final class CameraRenderBenchmark {
  private CameraRenderBenchmark() {}

  public static void main(String[] args) throws Exception {
    int width = 640;
    int height = 480;
    int frames = 40;
    int ss = 1;
    Path png = null;
    String[] only = null;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--width" -> width = Integer.parseInt(args[++i]);
        case "--height" -> height = Integer.parseInt(args[++i]);
        case "--frames" -> frames = Integer.parseInt(args[++i]);
        case "--supersample" -> ss = Integer.parseInt(args[++i]);
        case "--png" -> png = Path.of(args[++i]);
        case "--terrains" -> only = args[++i].split(",");
        default ->
            throw new IllegalArgumentException(
                "unknown option "
                    + args[i]
                    + " (expected --width, --height, --frames, --supersample, --png, --terrains a,b)");
      }
    }
    CameraIntrinsics k = CameraIntrinsics.fromHorizontalFov(width, height, Math.toRadians(70));
    String[] names =
        only != null
            ? only
            : new String[] {"flat", "grass", "rough", "gravel", "stairs", "equipment-run"};
    System.out.printf(
        Locale.ROOT,
        "%dx%d, supersample %d, %d frames per terrain, one thread%n",
        width,
        height,
        ss,
        frames);
    System.out.printf(Locale.ROOT, "%-14s %9s %9s %7s%n", "terrain", "median ms", "p90 ms", "fps");
    if (png != null && only == null) {
      writePatchMontage(png.resolve("sim-camera-patches.png"));
    }
    for (String name : names) {
      Terrain terrain = terrain(name);
      Map<String, Surface> ground =
          name.equals("grass") ? Map.of("ground", Surface.GRASS) : Map.of();
      Scene crew = DemoScenes.crew(0);
      Scene scene =
          new Scene(
              crew.markers(), crew.cases(), crew.cables(), crew.tripods(), crew.people(), ground);
      CameraRenderer r = new CameraRenderer(terrain, scene, 1, 0.5);
      CameraFrame f = new CameraFrame(k, true);
      double[] pos = new double[3];
      double[] rot = new double[9];
      double[] body = {0, 0, terrain.heightAt(0, 0) + 0.12, 1, 0, 0, 0};
      SimCamera.cameraPose(body, CameraMount.DEFAULT, pos, rot);
      double[] ms = new double[frames];
      for (int n = -5; n < frames; n++) {
        long t0 = System.nanoTime();
        r.render(pos, rot, 1.0 + 0.1 * n, Lighting.DEFAULT, n, ss, f);
        if (n >= 0) {
          ms[n] = (System.nanoTime() - t0) / 1e6;
        }
      }
      Arrays.sort(ms);
      double med = ms[frames / 2];
      System.out.printf(
          Locale.ROOT,
          "%-14s %9.1f %9.1f %7.1f%n",
          name,
          med,
          ms[(int) (frames * 0.9)],
          1000 / med);
      if (png != null) {
        FrameImages.writePng(FrameImages.colour(f), png.resolve("sim-camera-" + name + ".png"));
        FrameImages.writePng(
            FrameImages.depth(f, 8), png.resolve("sim-camera-" + name + "-depth.png"));
      }
    }
  }

  /** One row of 8 training patches (64 px) per ground surface, with the patch render time. */
  private static void writePatchMontage(Path file) throws java.io.IOException {
    robodog.sim.camera.TerrainPatchGenerator g = new robodog.sim.camera.TerrainPatchGenerator(64);
    int cols = 8;
    java.awt.image.BufferedImage img =
        new java.awt.image.BufferedImage(
            cols * 66, Surface.GROUND.length * 66, java.awt.image.BufferedImage.TYPE_INT_RGB);
    long t0 = System.nanoTime();
    for (int row = 0; row < Surface.GROUND.length; row++) {
      for (int c = 0; c < cols; c++) {
        byte[] p = g.render(Surface.GROUND[row], c);
        for (int i = 0; i < 64 * 64; i++) {
          int rgb =
              ((p[3 * i + 2] & 0xff) << 16) | ((p[3 * i + 1] & 0xff) << 8) | (p[3 * i] & 0xff);
          img.setRGB(c * 66 + i % 64, row * 66 + i / 64, rgb);
        }
      }
    }
    System.out.printf(
        Locale.ROOT,
        "training patch 64x64 (2x2 supersampled): %.2f ms each%n",
        (System.nanoTime() - t0) / 1e6 / (cols * Surface.GROUND.length));
    FrameImages.writePng(img, file);
  }

  private static Terrain terrain(String name) {
    return switch (name) {
      case "rough" -> Terrains.rough(0.05, 0.4, Terrains.defaultCell(0.4), 12, 6, 0.9, 3);
      case "gravel" -> Terrains.gravel(3, 0.5, 8, 25, 0.025, 0.7);
      case "stairs" -> Terrains.stairs(0.6, 0.05, 0.3, 5, 0.9);
      case "equipment-run" -> Terrains.equipmentRun(7);
      default -> Terrains.flat(0.9);
    };
  }
}
