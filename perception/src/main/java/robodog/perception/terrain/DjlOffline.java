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
}
