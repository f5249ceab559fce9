package robodog.perception.terrain;

import robodog.core.camera.CameraFrame;

/**
 * A square image patch for the terrain classifier: packed BGR bytes (OpenCV order, row-major),
 * {@code size} × {@code size}. Immutable by convention (the array is not copied). Any thread.
 */
public record TerrainPatch(byte[] bgr, int size) {
  public TerrainPatch {
    if (size <= 0 || bgr == null || bgr.length != size * size * 3) {
      throw new IllegalArgumentException(
          "terrain patch: expected "
              + size
              + "x"
              + size
              + " BGR bytes ("
              + (3L * size * size)
              + "), got "
              + (bgr == null ? "null" : bgr.length + " bytes"));
    }
  }

  /**
   * Resamples the rectangle (x0, y0, w, h) of a frame to a {@code size} × {@code size} patch by
   * area averaging (each output pixel averages the frame pixels it covers). Allocates the patch.
   */
  public static TerrainPatch fromFrame(CameraFrame f, int x0, int y0, int w, int h, int size) {
    if (x0 < 0 || y0 < 0 || w <= 0 || h <= 0 || x0 + w > f.width() || y0 + h > f.height()) {
      throw new IllegalArgumentException(
          "region "
              + x0
              + ","
              + y0
              + " "
              + w
              + "x"
              + h
              + " is not inside the "
              + f.width()
              + "x"
              + f.height()
              + " frame");
    }
    byte[] out = new byte[size * size * 3];
    for (int j = 0; j < size; j++) {
      int sy0 = y0 + j * h / size;
      int sy1 = Math.max(sy0 + 1, y0 + (j + 1) * h / size);
      for (int i = 0; i < size; i++) {
        int sx0 = x0 + i * w / size;
        int sx1 = Math.max(sx0 + 1, x0 + (i + 1) * w / size);
        int b = 0;
        int g = 0;
        int r = 0;
        int n = 0;
        for (int y = sy0; y < sy1; y++) {
          for (int x = sx0; x < sx1; x++) {
            int p = 3 * (y * f.width() + x);
            b += f.bgr[p] & 0xff;
            g += f.bgr[p + 1] & 0xff;
            r += f.bgr[p + 2] & 0xff;
            n++;
          }
        }
        int q = 3 * (j * size + i);
        out[q] = (byte) (b / n);
        out[q + 1] = (byte) (g / n);
        out[q + 2] = (byte) (r / n);
      }
    }
    return new TerrainPatch(out, size);
  }
}
