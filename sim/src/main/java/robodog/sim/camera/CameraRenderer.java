package robodog.sim.camera;

import java.util.List;
import java.util.Map;
import robodog.core.camera.CameraFrame;
import robodog.core.camera.CameraIntrinsics;
import robodog.sim.terrain.Terrain;

/**
 * Ray-casting renderer of a simulated pinhole camera: one ray per pixel (or ss × ss rays averaged
 * for anti-aliasing) against the terrain ({@link TerrainTracer}) and the scene's objects at the
 * frame's time; Lambert sun with shadows cast by scene objects, sky ambient, Blinn specular on ice
 * and mud, exposure and white balance, the sRGB curve, then seeded Gaussian colour noise. Depth is
 * metric along the optical axis ({@code NaN} for sky or beyond {@link #MAX_RANGE_M}), with optional
 * noise sigma = k·z².
 *
 * <p>Pixel (i, j) is sampled at its centre, (i + 0.5, j + 0.5) in {@link CameraIntrinsics}'
 * convention (0 = the first pixel's left edge). Note OpenCV puts pixel centres on integers, so a
 * point OpenCV projects to (u, v) lands in pixel (round(u), round(v)) here when cx = width/2.
 *
 * <p>Not thread-safe (scratch state): one renderer per rendering thread; the terrain and scene it
 * reads are immutable. Allocates once per frame (the scene's primitives at that time), never per
 * pixel.
 */
public final class CameraRenderer {
  /** Rays stop here, m; farther is sky, depth NaN. */
  public static final double MAX_RANGE_M = 40;

  private static final int LUT_SIZE = 4096;
  private static final int[] SRGB = srgbLut();

  private final TerrainTracer terrain;
  private final Scene scene;
  private final Textures textures;
  private final Hit hit = new Hit();
  private final Hit shadowHit = new Hit();
  private final double[] albedo = new double[3];
  private final double[] scratch = new double[3];
  private final double[] rgb = new double[3];
  private PrimGroup[] groups = new PrimGroup[0];
  private int pixelU;
  private int pixelV;
  private long rng;

  /**
   * @param terrain the ground (its patch names choose textures, see {@link Surface#forPatch})
   * @param scene objects and ground-look overrides
   * @param textureSeed seed of the texture variants (tint, scale)
   * @param textureVariation 0 = canonical textures, 1 = full seeded variation
   */
  public CameraRenderer(Terrain terrain, Scene scene, long textureSeed, double textureVariation) {
    this.terrain = new TerrainTracer(terrain, scene.ground());
    this.scene = scene;
    this.textures = new Textures(textureSeed, textureVariation);
  }

  /** A renderer of bare terrain with ground-look overrides (patch name → surface). */
  public static CameraRenderer ofTerrain(
      Terrain terrain, Map<String, Surface> ground, long seed, double variation) {
    return new CameraRenderer(
        terrain,
        new Scene(List.of(), List.of(), List.of(), List.of(), List.of(), ground),
        seed,
        variation);
  }

  /**
   * Renders one frame into {@code into} (its size and intrinsics are used) and sets its pose.
   *
   * @param camPos camera origin in the world, m (3)
   * @param camRot rotation world ← camera body frame (x forward, y left, z up), row-major 3×3
   * @param timeS simulated time of the frame (people walk), s
   * @param light lighting and noise
   * @param noiseSeed seed of this frame's sensor noise
   * @param supersample rays per pixel side (1 = one ray per pixel)
   */
  public void render(
      double[] camPos,
      double[] camRot,
      double timeS,
      Lighting light,
      long noiseSeed,
      int supersample,
      CameraFrame into) {
    if (supersample < 1 || supersample > 4) {
      throw new IllegalArgumentException("supersample must be 1..4, got " + supersample);
    }
    groups = ScenePrims.at(scene, timeS).toArray(new PrimGroup[0]);
    rng = noiseSeed * 0x9E3779B97F4A7C15L + 0x632BE59BD9B4E019L;
    CameraIntrinsics k = into.intrinsics;
    int w = k.width();
    int h = k.height();
    double ox = camPos[0];
    double oy = camPos[1];
    double oz = camPos[2];
    double ce = Math.cos(light.sunElevationRad());
    double lx = ce * Math.cos(light.sunAzimuthRad());
    double ly = ce * Math.sin(light.sunAzimuthRad());
    double lz = Math.sin(light.sunElevationRad());
    double gainR = light.exposure() * light.wbR();
    double gainG = light.exposure();
    double gainB = light.exposure() * light.wbB();
    double inv = 1.0 / supersample;
    double invSamples = inv * inv;
    for (PrimGroup g : groups) {
      g.project(camPos, camRot, k.fx(), k.fy(), k.cx(), k.cy(), w, h);
    }
    byte[] bgr = into.bgr;
    float[] depth = into.depth;
    for (int j = 0; j < h; j++) {
      for (int i = 0; i < w; i++) {
        pixelU = i;
        pixelV = j;
        double sr = 0;
        double sg = 0;
        double sb = 0;
        double firstDepth = Double.NaN;
        for (int sj = 0; sj < supersample; sj++) {
          for (int si = 0; si < supersample; si++) {
            double px = i + (si + 0.5) * inv;
            double py = j + (sj + 0.5) * inv;
            double z = shadeRay(ox, oy, oz, camRot, k, px, py, lx, ly, lz, light);
            sr += rgb[0];
            sg += rgb[1];
            sb += rgb[2];
            if (sj == supersample / 2 && si == supersample / 2) {
              firstDepth = z;
            }
          }
        }
        int p = j * w + i;
        bgr[3 * p] = toByte(sb * invSamples * gainB, light.noiseSigma());
        bgr[3 * p + 1] = toByte(sg * invSamples * gainG, light.noiseSigma());
        bgr[3 * p + 2] = toByte(sr * invSamples * gainR, light.noiseSigma());
        if (depth != null) {
          double z = firstDepth;
          if (light.depthNoise() > 0 && !Double.isNaN(z)) {
            z += light.depthNoise() * z * z * gaussian();
          }
          depth[p] = (float) z;
        }
      }
    }
    into.poseKnown = true;
    into.cameraPose[0] = ox;
    into.cameraPose[1] = oy;
    into.cameraPose[2] = oz;
    double[] rpy = new double[3];
    robodog.core.Rotations.matrixToRpy(camRot, rpy);
    System.arraycopy(rpy, 0, into.cameraPose, 3, 3);
  }

  /**
   * Traces the ray through image point (px, py); linear radiance into rgb; returns depth or NaN.
   */
  private double shadeRay(
      double ox,
      double oy,
      double oz,
      double[] r,
      CameraIntrinsics k,
      double px,
      double py,
      double lx,
      double ly,
      double lz,
      Lighting light) {
    // Camera body direction: x forward, y left (= −optical x), z up (= −optical y).
    double by = -(px - k.cx()) / k.fx();
    double bz = -(py - k.cy()) / k.fy();
    double norm = Math.sqrt(1 + by * by + bz * bz);
    double dx = (r[0] + r[1] * by + r[2] * bz) / norm;
    double dy = (r[3] + r[4] * by + r[5] * bz) / norm;
    double dz = (r[6] + r[7] * by + r[8] * bz) / norm;
    hit.reset(MAX_RANGE_M);
    terrain.trace(ox, oy, oz, dx, dy, dz, hit);
    PrimGroup[] gs = groups;
    for (int q = 0; q < gs.length; q++) {
      PrimGroup g = gs[q];
      if (pixelU >= g.u0 && pixelU <= g.u1 && pixelV >= g.v0 && pixelV <= g.v1) {
        g.intersect(ox, oy, oz, dx, dy, dz, hit);
      }
    }
    if (!hit.found()) {
      // Sky: brighter and whiter toward the horizon.
      double e = Math.max(0, dz);
      rgb[0] = 0.55 - 0.35 * e;
      rgb[1] = 0.68 - 0.3 * e;
      rgb[2] = 0.85 - 0.1 * e;
      return Double.NaN;
    }
    double t = hit.t;
    double cos = -(hit.nx * dx + hit.ny * dy + hit.nz * dz);
    double footprint = t / (norm * k.fx()) / Math.max(0.2, Math.abs(cos));
    hit.material.albedo(hit, textures, footprint, albedo, scratch);
    double ndl = hit.nx * lx + hit.ny * ly + hit.nz * lz;
    double direct = 0;
    double spec = 0;
    if (ndl > 0) {
      double hx = ox + t * dx + hit.nx * 1e-4;
      double hy = oy + t * dy + hit.ny * 1e-4;
      double hz = oz + t * dz + hit.nz * 1e-4;
      if (!shadowed(hx, hy, hz, lx, ly, lz)) {
        direct = light.sun() * ndl;
        double s = hit.material.specular();
        if (s > 0.05) {
          double vx = lx - dx;
          double vy = ly - dy;
          double vz = lz - dz;
          double vn = Math.sqrt(vx * vx + vy * vy + vz * vz);
          double ndh = (hit.nx * vx + hit.ny * vy + hit.nz * vz) / vn;
          if (ndh > 0) {
            double p = ndh * ndh;
            p *= p;
            p *= p;
            p *= p;
            p *= p; // ^32
            spec = s * light.sun() * p;
          }
        }
      }
    }
    double amb = light.ambient() * (0.65 + 0.35 * hit.nz);
    double l = direct + amb;
    rgb[0] = albedo[0] * l + spec;
    rgb[1] = albedo[1] * l + spec;
    rgb[2] = albedo[2] * l + spec;
    return t / norm;
  }

  private boolean shadowed(double ox, double oy, double oz, double lx, double ly, double lz) {
    PrimGroup[] gs = groups;
    if (gs.length == 0) {
      return false;
    }
    shadowHit.reset(20);
    for (int q = 0; q < gs.length; q++) {
      if (gs[q].intersect(ox, oy, oz, lx, ly, lz, shadowHit)) {
        return true;
      }
    }
    return false;
  }

  private byte toByte(double linear, double sigma) {
    int idx = (int) (linear * (LUT_SIZE - 1));
    int v = SRGB[idx < 0 ? 0 : (idx >= LUT_SIZE ? LUT_SIZE - 1 : idx)];
    if (sigma > 0) {
      v += (int) Math.round(sigma * gaussian());
    }
    return (byte) (v < 0 ? 0 : (v > 255 ? 255 : v));
  }

  /** Approximately standard normal (Irwin–Hall of 4 uniforms), from a seeded xorshift. */
  private double gaussian() {
    double s = 0;
    for (int q = 0; q < 4; q++) {
      rng ^= rng << 13;
      rng ^= rng >>> 7;
      rng ^= rng << 17;
      s += (rng >>> 11) * 0x1.0p-53;
    }
    return (s - 2) * 1.7320508075688772;
  }

  private static int[] srgbLut() {
    int[] lut = new int[LUT_SIZE];
    for (int i = 0; i < LUT_SIZE; i++) {
      double c = i / (double) (LUT_SIZE - 1);
      double s = c <= 0.0031308 ? 12.92 * c : 1.055 * Math.pow(c, 1 / 2.4) - 0.055;
      lut[i] = (int) Math.round(255 * s);
    }
    return lut;
  }
}
