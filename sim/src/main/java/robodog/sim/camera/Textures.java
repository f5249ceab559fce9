package robodog.sim.camera;

/**
 * Procedural albedo (linear RGB, 0..1) of each {@link Surface}, evaluated at world surface
 * coordinates (u, v) in metres, so a texture is continuous across frames and views. Each surface
 * gets a seeded variant (tint, brightness, feature scale) so the classifier sees many kinds of
 * grass, not one. Octaves finer than the pixel footprint fade out instead of aliasing.
 *
 * <p>Immutable after construction; any thread. {@link #albedo} is allocation-free given a scratch
 * array per thread.
 */
final class Textures {
  private final double[][] tint = new double[Surface.values().length][3];
  private final double[] scale = new double[Surface.values().length];
  private final int seed;

  /** Variants drawn from {@code seed}; {@code variation} 0 = the canonical look, 1 = full range. */
  Textures(long seed, double variation) {
    this.seed = (int) (seed ^ (seed >>> 32));
    java.util.SplittableRandom r = new java.util.SplittableRandom(seed * 31 + 17);
    for (int i = 0; i < tint.length; i++) {
      double bright = 1 + variation * 0.35 * (r.nextDouble() - 0.5);
      for (int c = 0; c < 3; c++) {
        tint[i][c] = bright * (1 + variation * 0.16 * (r.nextDouble() - 0.5));
      }
      scale[i] = 1 + variation * 0.5 * (r.nextDouble() - 0.5);
    }
  }

  /** Specular strength of a surface (wet or icy ones shine). */
  static double specular(Surface s) {
    switch (s) {
      case ICE:
        return 0.6;
      case MUD:
        return 0.35;
      default:
        return 0.02;
    }
  }

  /**
   * Albedo of {@code s} at surface coordinates (u, v), m, seen with a pixel footprint of {@code fp}
   * m, into out[0..2]; {@code w} is a scratch array of at least 3.
   */
  void albedo(Surface s, double u, double v, double fp, double[] out, double[] w) {
    int k = s.ordinal();
    double sc = scale[k];
    u *= sc;
    v *= sc;
    int sd = seed + k * 7919;
    double r;
    double g;
    double b;
    switch (s) {
      case PAVEMENT:
        {
          // Asphalt: dark binder with light aggregate grains.
          double n = 0.08 * Noise.fbm(u, v, 3, 3, 0.5, fp, sd);
          double speck = 0.12 * Noise.fbm(u, v, 140, 2, 0.6, fp, sd + 1);
          Noise.worley(u * 160, v * 160, sd + 2, w);
          double grain =
              w[0] < 0.22 && Noise.unit((int) w[2]) > 0.55
                  ? 0.22 * Noise.fade(160, fp) * Noise.unit((int) w[2] * 7 + 1)
                  : 0;
          double l = 0.22 + n + speck + grain + 0.03 * (1 - Noise.fade(160, fp));
          r = l;
          g = l;
          b = l * 1.04;
          break;
        }
      case CONCRETE:
        {
          double stain = 0.07 * Noise.fbm(u, v, 1.5, 3, 0.5, fp, sd);
          double fine = 0.05 * Noise.fbm(u, v, 70, 2, 0.5, fp, sd + 1);
          double pit = Noise.fbm(u, v, 220, 1, 0.5, fp, sd + 2) > 0.75 ? -0.12 : 0;
          double su = u - Math.floor(u);
          double sv = v - Math.floor(v);
          double seam = (su < 0.008 || sv < 0.008) && fp < 0.01 ? -0.2 : 0;
          double l = 0.58 + stain + fine + pit + seam;
          r = l;
          g = l * 0.98;
          b = l * 0.94;
          break;
        }
      case GRASS:
        {
          double patch = Noise.fbm(u, v, 1.2, 3, 0.5, fp, sd);
          double blades = Noise.fbm(u * 0.35, v, 90, 2, 0.6, fp, sd + 1);
          double tips = Noise.fbm(u, v * 0.4, 160, 1, 0.5, fp, sd + 2);
          double dry = 0.5 + 0.5 * patch;
          double l = 0.8 + 0.35 * blades + 0.25 * tips;
          r = (0.07 + 0.12 * dry) * l;
          g = (0.22 + 0.06 * dry) * l;
          b = (0.04 + 0.02 * dry) * l;
          break;
        }
      case GRAVEL:
        {
          // Rounded stones of two sizes, each its own tone, shaded as domes, dark gaps.
          Noise.worley(u * 55, v * 55, sd, w);
          int id = (int) w[2];
          double tone = 0.22 + 0.3 * Noise.unit(id);
          double warm = 0.05 * Noise.unit(id * 31 + 5);
          double fade = Noise.fade(55, fp);
          double edge = w[1] - w[0];
          double dome = 1 - 0.6 * fade * w[0] * w[0];
          double gap = fade * (edge < 0.12 ? 0.7 * (1 - edge / 0.12) : 0);
          double speck = 0.05 * Noise.fbm(u, v, 400, 1, 0.5, fp, sd + 3);
          double l = (tone * dome + speck) * (1 - gap);
          r = l + warm;
          g = l + warm * 0.7;
          b = l * 0.97;
          break;
        }
      case SAND:
        {
          double warp = Noise.fbm(u, v, 2, 2, 0.5, fp, sd);
          double ripple = 0.05 * Noise.fade(7, fp) * Math.sin((u * 0.8 + v * 0.6) * 42 + 3 * warp);
          double grain = 0.07 * Noise.fbm(u, v, 300, 2, 0.5, fp, sd + 1);
          double l = 1 + ripple + grain + 0.05 * warp;
          r = 0.66 * l;
          g = 0.55 * l;
          b = 0.36 * l;
          break;
        }
      case ICE:
        {
          double cloud = Noise.fbm(u, v, 2.5, 3, 0.5, fp, sd);
          double ridge = 1 - Math.abs(Noise.fbm(u, v, 9, 3, 0.55, fp, sd + 1));
          double crack = ridge > 0.93 ? 0.25 * Noise.fade(40, fp) : 0;
          double l = 0.72 + 0.08 * cloud + crack;
          r = 0.82 * l;
          g = 0.90 * l;
          b = 1.0 * l;
          break;
        }
      case MUD:
        {
          double wet = Noise.fbm(u, v, 1.8, 3, 0.5, fp, sd);
          double clump = Noise.fbm(u, v, 25, 2, 0.5, fp, sd + 1);
          double puddle = wet > 0.15 ? 0.35 : 0;
          double l = 0.75 + 0.25 * clump - puddle;
          r = 0.26 * l;
          g = 0.19 * l;
          b = 0.13 * l;
          break;
        }
      case DIRT:
        {
          double n = Noise.fbm(u, v, 3, 3, 0.5, fp, sd);
          double clump = Noise.fbm(u, v, 35, 2, 0.55, fp, sd + 1);
          Noise.worley(u * 20, v * 20, sd + 2, w);
          double pebble =
              w[0] < 0.12 && Noise.unit((int) w[2]) > 0.6 ? 0.12 * Noise.fade(20, fp) : 0;
          double l = 0.9 + 0.15 * n + 0.18 * clump + pebble * 2;
          r = 0.42 * l;
          g = 0.31 * l;
          b = 0.21 * l;
          break;
        }
      case WOOD:
      default:
        {
          double plank = Math.floor(v / 0.14);
          double pv = Noise.unit(Noise.hash((int) plank, 0, sd));
          double grain = Noise.fbm(u * 0.1, v * 3, 20, 3, 0.5, fp, sd + 1);
          double l = 0.8 + 0.2 * pv + 0.12 * grain;
          double joint = (v - plank * 0.14) < 0.004 && fp < 0.005 ? 0.5 : 1;
          r = 0.55 * l * joint;
          g = 0.38 * l * joint;
          b = 0.22 * l * joint;
          break;
        }
    }
    double[] t = tint[k];
    out[0] = clamp01(r * t[0]);
    out[1] = clamp01(g * t[1]);
    out[2] = clamp01(b * t[2]);
  }

  private static double clamp01(double x) {
    return x < 0 ? 0 : (x > 1 ? 1 : x);
  }
}
