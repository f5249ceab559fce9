package robodog.sim.camera;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The 50 markers of OpenCV's ArUco {@code DICT_4X4_50} as bit grids, stored as data (resource
 * {@code aruco-4x4-50.txt}, generated with OpenCV 4.9.0; the test re-checks it against OpenCV) so
 * the simulator needs no OpenCV at run time. Immutable; any thread.
 */
public final class ArucoDictionary {
  /** Number of markers in the dictionary. */
  public static final int SIZE = 50;

  /** Data bits per side. */
  public static final int BITS = 4;

  private static final boolean[][] BITS_BY_ID = load();

  private ArucoDictionary() {}

  /**
   * The 16 inner bits of marker {@code id}, row-major from the top-left as seen from the front,
   * true = white. A fresh copy.
   *
   * @throws IllegalArgumentException if id is not in 0..49
   */
  public static boolean[] bits(int id) {
    if (id < 0 || id >= SIZE) {
      throw new IllegalArgumentException("ArUco DICT_4X4_50 marker id must be 0..49, got " + id);
    }
    return BITS_BY_ID[id].clone();
  }

  private static boolean[][] load() {
    boolean[][] out = new boolean[SIZE][];
    try (InputStream in = ArucoDictionary.class.getResourceAsStream("aruco-4x4-50.txt");
        BufferedReader r =
            new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII))) {
      String line;
      while ((line = r.readLine()) != null) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] f = line.trim().split("\\s+");
        int id = Integer.parseInt(f[0]);
        boolean[] b = new boolean[BITS * BITS];
        for (int i = 0; i < b.length; i++) {
          b[i] = f[1].charAt(i) == '1';
        }
        out[id] = b;
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    for (int i = 0; i < SIZE; i++) {
      if (out[i] == null) {
        throw new IllegalStateException("aruco-4x4-50.txt lacks marker " + i);
      }
    }
    return out;
  }
}
