package robodog.sim.camera;

/**
 * The printed face of an ArUco marker plate: a one-cell white quiet zone, a one-cell black border,
 * then the 4 × 4 data bits, so the plate is 8 cells wide and the black square (what OpenCV calls
 * the marker size) is 6 of them. Plate coordinates u (right), v (up) in [-0.5, 0.5]. Matte paper.
 * Immutable; any thread.
 */
final class MarkerMaterial implements Material {
  /** Plate side / marker (black square) side. */
  static final double PLATE_PER_MARKER = 8.0 / 6.0;

  private static final double WHITE = 0.80;
  private static final double BLACK = 0.03;
  private final boolean[] bits;

  MarkerMaterial(int id) {
    this.bits = ArucoDictionary.bits(id);
  }

  @Override
  public void albedo(Hit hit, Textures tex, double fp, double[] out, double[] w) {
    int cu = (int) Math.floor((hit.u + 0.5) * 8);
    int cv = (int) Math.floor((0.5 - hit.v) * 8);
    cu = Math.max(0, Math.min(7, cu));
    cv = Math.max(0, Math.min(7, cv));
    double l;
    if (cu == 0 || cv == 0 || cu == 7 || cv == 7) {
      l = WHITE;
    } else if (cu == 1 || cv == 1 || cu == 6 || cv == 6) {
      l = BLACK;
    } else {
      l = bits[(cv - 2) * 4 + (cu - 2)] ? WHITE : BLACK;
    }
    out[0] = l;
    out[1] = l;
    out[2] = l;
  }
}
