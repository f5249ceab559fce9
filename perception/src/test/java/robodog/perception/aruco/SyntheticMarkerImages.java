package robodog.perception.aruco;

import org.opencv.core.Mat;

/** Public entry to {@link SyntheticMarker} for tests in other packages. */
public final class SyntheticMarkerImages {
  private SyntheticMarkerImages() {}

  /**
   * A 640×480 grey image of marker {@code id} facing the camera on its optical axis at {@code z}.
   */
  public static Mat facing(int id, double sizeM, double[] k9, double z) {
    return SyntheticMarker.render(
        id, sizeM, k9, new double[] {Math.PI, 0, 0}, new double[] {0, 0, z}, 640, 480);
  }
}
