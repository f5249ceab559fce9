package robodog.sim.camera;

/**
 * Seeded procedural noise for textures: integer hashing, smooth value noise, fractal sums that fade
 * octaves finer than a pixel's footprint (cheap anti-aliasing), and cellular (Worley) noise for
 * stones. Pure functions of their arguments; any thread; allocation-free.
 */
final class Noise {
  private Noise() {}

  /** A well-mixed 32-bit hash of a lattice point and a seed. */
  static int hash(int x, int y, int seed) {
    int h = seed * 0x27d4eb2d ^ x * 0x165667b1 ^ y * 0x1b873593;
    h ^= h >>> 15;
    h *= 0x2c1b3c6d;
    h ^= h >>> 12;
    h *= 0x297a2d39;
    h ^= h >>> 15;
    return h;
  }

  /** Uniform in [0, 1) from a hash. */
  static double unit(int h) {
    return (h >>> 8) * (1.0 / (1 << 24));
  }

  /** Smooth value noise in [-1, 1] at (x, y) (lattice spacing 1). */
  static double value(double x, double y, int seed) {
    double fx = Math.floor(x);
    double fy = Math.floor(y);
    int ix = (int) fx;
    int iy = (int) fy;
    double u = x - fx;
    double v = y - fy;
    u = u * u * (3 - 2 * u);
    v = v * v * (3 - 2 * v);
    double a = unit(hash(ix, iy, seed));
    double b = unit(hash(ix + 1, iy, seed));
    double c = unit(hash(ix, iy + 1, seed));
    double d = unit(hash(ix + 1, iy + 1, seed));
    return 2 * ((a + (b - a) * u) * (1 - v) + (c + (d - c) * u) * v) - 1;
  }

  /**
   * Fractal value noise: {@code octaves} octaves from {@code freq} (cycles per metre), each twice
   * the frequency and {@code gain} times the amplitude of the last. Octaves whose wavelength is
   * below about two pixel footprints ({@code footprintM}, m) fade out instead of aliasing. Roughly
   * in [-1, 1].
   */
  static double fbm(
      double x, double y, double freq, int octaves, double gain, double footprintM, int seed) {
    double sum = 0;
    double amp = 1;
    double norm = 0;
    for (int o = 0; o < octaves; o++) {
      double fade = fade(freq, footprintM);
      if (fade <= 0) {
        break;
      }
      sum += amp * fade * value(x * freq, y * freq, seed + o * 1013);
      norm += amp;
      amp *= gain;
      freq *= 2;
    }
    return norm > 0 ? sum / norm : 0;
  }

  /** 1 for features much larger than the footprint, falling to 0 at 2 footprints per cycle. */
  static double fade(double freq, double footprintM) {
    double cyclesPerPixel = freq * footprintM;
    return cyclesPerPixel <= 0.25 ? 1 : Math.max(0, 1 - (cyclesPerPixel - 0.25) * 4);
  }

  /**
   * Cellular noise with spacing 1: writes the distance to the nearest and second-nearest feature
   * point and the hash of the nearest cell into out[0..2].
   */
  static void worley(double x, double y, int seed, double[] out3) {
    int ix = (int) Math.floor(x);
    int iy = (int) Math.floor(y);
    double f1 = 9;
    double f2 = 9;
    int id = 0;
    for (int j = -1; j <= 1; j++) {
      for (int i = -1; i <= 1; i++) {
        int h = hash(ix + i, iy + j, seed);
        double px = ix + i + 0.15 + 0.7 * unit(h);
        double py = iy + j + 0.15 + 0.7 * unit(h * 0x9E3779B1 + 7);
        double dx = px - x;
        double dy = py - y;
        double d = Math.sqrt(dx * dx + dy * dy);
        if (d < f1) {
          f2 = f1;
          f1 = d;
          id = h;
        } else if (d < f2) {
          f2 = d;
        }
      }
    }
    out3[0] = f1;
    out3[1] = f2;
    out3[2] = id;
  }
}
