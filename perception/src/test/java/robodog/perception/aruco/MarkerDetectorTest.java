package robodog.perception.aruco;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;
import org.opencv.core.Mat;
import robodog.core.camera.CameraIntrinsics;
import robodog.core.camera.CameraMount;
import robodog.core.perception.Landmarks;
import robodog.perception.OpenCvNatives;
import robodog.perception.calib.CameraCalibration;

class MarkerDetectorTest {
  static {
    OpenCvNatives.load();
  }

  private static final CameraCalibration CAL =
      CameraCalibration.ideal(CameraIntrinsics.fromHorizontalFov(640, 480, Math.toRadians(70)));

  @Test
  void markerFacingALevelCameraLandsAtItsBaseLinkPosition() {
    CameraMount level = new CameraMount(0.12, 0, 0.08, 0, 0, 0);
    // base_link (2.0, 0.3, 0.2) -> camera (1.88, 0.3, 0.12) -> optical (-0.3, -0.12, 1.88);
    // facing the camera: marker x = optical x, y = -optical y, z = -optical z: rvec (pi, 0, 0).
    Mat img =
        SyntheticMarker.render(
            7,
            0.15,
            CAL.cameraMatrix(),
            new double[] {Math.PI, 0, 0},
            new double[] {-0.3, -0.12, 1.88},
            640,
            480);
    try (MarkerDetector d = new MarkerDetector("DICT_4X4_50", 0.15, CAL, level)) {
      Landmarks l = new Landmarks();
      assertEquals(1, d.detect(img, l));
      assertEquals(7, l.id[0]);
      // Sub-pixel corners sit ~0.25 px inside the edge on hard-edged images: ~1.5% far at 2 m.
      assertEquals(2.0, l.x[0], 0.04);
      assertEquals(0.3, l.y[0], 0.01);
      assertEquals(0.2, l.z[0], 0.01);
      assertEquals(Math.hypot(1.88, Math.hypot(0.3, 0.12)), l.distance[0], 0.04);
      assertEquals(Math.atan2(0.3, 2.0), l.bearing[0], 0.01);
      assertEquals(Math.PI, Math.abs(l.yaw[0]), 0.05);
      assertTrue(l.confidence[0] > 0.7, "34 px marker: " + l.confidence[0]);
    }
  }

  @Test
  void pitchedMountRotatesTheOpticalAxisDown() {
    CameraMount pitched = CameraMount.DEFAULT; // 15 degrees down
    // A marker straight on the optical axis at 2 m, facing the camera.
    Mat img =
        SyntheticMarker.render(
            3,
            0.15,
            CAL.cameraMatrix(),
            new double[] {Math.PI, 0, 0},
            new double[] {0, 0, 2},
            640,
            480);
    try (MarkerDetector d = new MarkerDetector("DICT_4X4_50", 0.15, CAL, pitched)) {
      Landmarks l = new Landmarks();
      assertEquals(1, d.detect(img, l));
      double p = Math.toRadians(15);
      assertEquals(0.12 + 2 * Math.cos(p), l.x[0], 0.04);
      assertEquals(0.0, l.y[0], 0.01);
      assertEquals(0.08 - 2 * Math.sin(p), l.z[0], 0.02);
    }
  }

  @Test
  void anotherDictionaryDoesNotSeeTheseMarkers() {
    Mat img =
        SyntheticMarker.render(
            3,
            0.15,
            CAL.cameraMatrix(),
            new double[] {Math.PI, 0, 0},
            new double[] {0, 0, 2},
            640,
            480);
    try (MarkerDetector d = new MarkerDetector("DICT_6X6_50", 0.15, CAL, CameraMount.DEFAULT)) {
      assertEquals(0, d.detect(img, new Landmarks()));
    }
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> new MarkerDetector("DICT_9X9", 0.15, CAL, CameraMount.DEFAULT));
    assertTrue(e.getMessage().contains("DICT_4X4_50"));
  }
}
