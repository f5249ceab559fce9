package robodog.perception;

/**
 * Loads OpenCV's native library once per JVM. openpnp's {@code loadLocally()} extracts the bundled
 * library (x86-64 or ARM) to a temporary directory and {@code System.load}s it; it works on Java 17
 * without the {@code java.library.path} hack {@code loadShared()} needs. Any thread.
 */
public final class OpenCvNatives {
  private static volatile boolean loaded;

  private OpenCvNatives() {}

  /** Idempotent; throws {@link IllegalStateException} naming the platform when it cannot load. */
  public static void load() {
    if (loaded) {
      return;
    }
    synchronized (OpenCvNatives.class) {
      if (loaded) {
        return;
      }
      try {
        nu.pattern.OpenCV.loadLocally();
      } catch (Throwable t) {
        throw new IllegalStateException(
            "cannot load OpenCV's native library for "
                + System.getProperty("os.name")
                + "/"
                + System.getProperty("os.arch")
                + ": "
                + t.getMessage(),
            t);
      }
      loaded = true;
    }
  }

  /**
   * OpenCV's worker-thread count for its parallel loops (HOG, thresholding); 1 keeps perception on
   * the calling thread so it cannot crowd the control loop off the other cores.
   */
  public static void setThreads(int n) {
    load();
    org.opencv.core.Core.setNumThreads(n);
  }
}
