package robodog.perception.terrain;

/**
 * DJL must never download anything at run time: the PyTorch native library comes from the {@code
 * pytorch-native-cpu} jar on the classpath. Setting {@code ai.djl.offline} before the engine first
 * loads makes DJL fail loudly instead of fetching. Any thread; idempotent.
 */
final class DjlOffline {
  private DjlOffline() {}

  static void ensure() {
    if (System.getProperty("ai.djl.offline") == null) {
      System.setProperty("ai.djl.offline", "true");
    }
  }

  /**
   * Inference runs one PyTorch thread per predictor unless the user chose otherwise: the patches
   * are tiny, and PyTorch's default (one thread per core) oversubscribes the cores the control loop
   * and the rest of perception need (measured: 70 ms vs 11 ms median per patch on a loaded 2-core
   * VM). Only effective before the engine first loads.
   */
  static void singleThreadedInference() {
    if (System.getProperty("ai.djl.pytorch.num_threads") == null) {
      System.setProperty("ai.djl.pytorch.num_threads", "1");
    }
    if (System.getProperty("ai.djl.pytorch.num_interop_threads") == null) {
      System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
    }
  }
}
