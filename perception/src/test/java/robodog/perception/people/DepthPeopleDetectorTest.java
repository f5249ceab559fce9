package robodog.perception.people;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;
import robodog.core.camera.CameraIntrinsics;
import robodog.core.camera.CameraMount;
import robodog.core.perception.PeopleZones;
import robodog.perception.DepthCloud;
import robodog.perception.DepthScene;

class DepthPeopleDetectorTest {
  private static final CameraIntrinsics K =
      CameraIntrinsics.fromHorizontalFov(320, 240, Math.toRadians(70));

  private static PeopleZones detect(DepthScene s) {
    DepthCloud cloud = new DepthCloud(K, CameraMount.DEFAULT, 1);
    cloud.fill(s.render(K, CameraMount.DEFAULT));
    PeopleZones z = new PeopleZones();
    new DepthPeopleDetector().detect(cloud, Double.NaN, K.fx() * K.fy(), z);
    return z;
  }

  @Test
  void aPersonSizedColumnIsFoundAtItsDistance() {
    for (double d : new double[] {1.2, 2.5, 4.5}) {
      PeopleZones z = detect(new DepthScene(-0.12).cylinder(d, 0.3, 0.18, 1.75));
      assertEquals(1, z.count, "person at " + d + " m");
      assertEquals(Math.hypot(d, 0.3), z.distance[0], 0.2, "person at " + d + " m");
      assertEquals(PeopleZones.SOURCE_DEPTH, z.source[0]);
    }
  }

  @Test
  void thinPolesLowCasesAndWallsAreNotPeople() {
    PeopleZones z =
        detect(
            new DepthScene(-0.12)
                .cylinder(2.0, 0.0, 0.02, 1.5) // light stand
                .box(1.5, -1.0, 1.9, -0.6, 0.5) // case
                .box(4.0, -2.0, 4.2, 2.0, 1.8)); // wall
    assertEquals(0, z.count);
  }
}
