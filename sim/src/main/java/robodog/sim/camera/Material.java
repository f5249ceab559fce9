package robodog.sim.camera;

/** How a surface looks where a ray hit it. Immutable; any thread. */
interface Material {
  /**
   * Linear-RGB albedo at the hit's texture coordinates into out[0..2]; {@code footprintM} is the
   * size of one pixel on the surface (m), {@code scratch} a per-thread array of at least 3.
   */
  void albedo(Hit hit, Textures textures, double footprintM, double[] out, double[] scratch);

  /** Specular strength 0..1 (ice and wet mud shine). */
  default double specular() {
    return 0.02;
  }

  /** A textured ground surface. */
  static Material of(Surface s) {
    return SURFACES[s.ordinal()];
  }

  /** A plain colour (linear RGB 0..1) with a faint seeded grain so flat faces are not uniform. */
  static Material solid(double r, double g, double b) {
    return (hit, tex, fp, out, w) -> {
      double n = 1 + 0.06 * Noise.fbm(hit.u, hit.v, 30, 2, 0.5, fp, 99);
      out[0] = r * n;
      out[1] = g * n;
      out[2] = b * n;
    };
  }

  Material[] SURFACES = surfaces();

  private static Material[] surfaces() {
    Surface[] all = Surface.values();
    Material[] m = new Material[all.length];
    for (Surface s : all) {
      double spec = Textures.specular(s);
      m[s.ordinal()] =
          new Material() {
            @Override
            public void albedo(Hit hit, Textures tex, double fp, double[] out, double[] w) {
              tex.albedo(s, hit.u, hit.v, fp, out, w);
            }

            @Override
            public double specular() {
              return spec;
            }
          };
    }
    return m;
  }
}
