package robodog.sim.camera;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import robodog.core.camera.CameraFrame;

/** Writes frames as PNG for docs and debugging (JDK ImageIO only). Any thread; allocates. */
public final class FrameImages {
  private FrameImages() {}

  /** The frame's colour as an RGB image. */
  public static BufferedImage colour(CameraFrame f) {
    BufferedImage img = new BufferedImage(f.width(), f.height(), BufferedImage.TYPE_INT_RGB);
    for (int p = 0, n = f.width() * f.height(); p < n; p++) {
      int b = f.bgr[3 * p] & 0xff;
      int g = f.bgr[3 * p + 1] & 0xff;
      int r = f.bgr[3 * p + 2] & 0xff;
      img.setRGB(p % f.width(), p / f.width(), (r << 16) | (g << 8) | b);
    }
    return img;
  }

  /** Depth as grey, near = white, {@code maxM} and beyond (or NaN) = black. */
  public static BufferedImage depth(CameraFrame f, double maxM) {
    BufferedImage img = new BufferedImage(f.width(), f.height(), BufferedImage.TYPE_INT_RGB);
    for (int p = 0, n = f.width() * f.height(); p < n; p++) {
      float z = f.depth[p];
      int v = Float.isNaN(z) ? 0 : (int) Math.round(255 * Math.max(0, 1 - z / maxM));
      img.setRGB(p % f.width(), p / f.width(), (v << 16) | (v << 8) | v);
    }
    return img;
  }

  /** Writes an image as PNG, creating parent directories. */
  public static void writePng(BufferedImage img, Path file) throws IOException {
    if (file.getParent() != null) {
      Files.createDirectories(file.getParent());
    }
    ImageIO.write(img, "png", file.toFile());
  }
}
