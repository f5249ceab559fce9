package robodog.sim.camera;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import robodog.core.camera.CameraFrame;
import robodog.core.camera.CameraIntrinsics;
import robodog.sim.terrain.Terrain;
import robodog.sim.terrain.Terrains;

class CameraRendererTest {
  private static final CameraIntrinsics K =
      CameraIntrinsics.fromHorizontalFov(160, 120, Math.toRadians(70));
  private static final Lighting QUIET = Lighting.DEFAULT.noiseless();

  private static double[] rot(double roll, double pitch, double yaw) {
    double[] r = new double[9];
    robodog.core.Rotations.rpyToMatrix(roll, pitch, yaw, r);
    return r;
  }

  /** Camera-body direction of pixel (i, j)'s centre, not normalised (x = 1). */
  private static double[] bodyDir(int i, int j) {
    return new double[] {1, -(i + 0.5 - K.cx()) / K.fx(), -(j + 0.5 - K.cy()) / K.fy()};
  }

  private static double[] world(double[] r, double[] v) {
    return new double[] {
      r[0] * v[0] + r[1] * v[1] + r[2] * v[2],
      r[3] * v[0] + r[4] * v[1] + r[5] * v[2],
      r[6] * v[0] + r[7] * v[1] + r[8] * v[2]
    };
  }

  @Test
  void depthOfAFlatPlaneMatchesTheAnalyticDepthAtRandomPoses() {
    SplittableRandom rnd = new SplittableRandom(3);
    CameraRenderer r = CameraRenderer.ofTerrain(Terrains.flat(0.9), Map.of(), 1, 0.5);
    CameraFrame f = new CameraFrame(K, true);
    for (int n = 0; n < 5; n++) {
      double h = 0.1 + rnd.nextDouble();
      double[] pos = {rnd.nextDouble() * 4 - 2, rnd.nextDouble() * 4 - 2, h};
      double[] rot =
          rot(
              0.2 * (rnd.nextDouble() - 0.5),
              Math.toRadians(10 + 50 * rnd.nextDouble()),
              rnd.nextDouble() * 6);
      r.render(pos, rot, 0, QUIET, 1, 1, f);
      int sky = 0;
      for (int j = 0; j < K.height(); j++) {
        for (int i = 0; i < K.width(); i++) {
          double[] d = world(rot, bodyDir(i, j));
          double expected = d[2] < 0 ? h / -d[2] : Double.NaN; // depth along x_body: t with x=1
          float got = f.depth[j * K.width() + i];
          double rayLength = expected * Math.sqrt(d[0] * d[0] + d[1] * d[1] + d[2] * d[2]);
          if (Double.isNaN(expected) || rayLength > CameraRenderer.MAX_RANGE_M * 0.99) {
            sky += Float.isNaN(got) ? 1 : 0;
            continue;
          }
          assertEquals(expected, got, 1e-5 * expected + 1e-6, "pixel " + i + "," + j);
        }
      }
      assertTrue(sky >= 0);
    }
  }

  @Test
  void depthOfASlopeMatchesTheAnalyticDepth() {
    double a = Math.toRadians(15);
    CameraRenderer r = CameraRenderer.ofTerrain(Terrains.slope(a, 0.9), Map.of(), 1, 0.5);
    CameraFrame f = new CameraFrame(K, true);
    double[] pos = {-0.5, 0.2, 0.3};
    double[] rot = rot(0, Math.toRadians(10), 0.3);
    r.render(pos, rot, 0, QUIET, 1, 1, f);
    double[] n = {-Math.sin(a), 0, Math.cos(a)};
    int checked = 0;
    for (int j = 0; j < K.height(); j++) {
      for (int i = 0; i < K.width(); i++) {
        double[] d = world(rot, bodyDir(i, j));
        double den = n[0] * d[0] + n[1] * d[1] + n[2] * d[2];
        double t = -(n[0] * pos[0] + n[1] * pos[1] + n[2] * pos[2]) / den;
        if (den < 0 && t < 30) {
          assertEquals(t, f.depth[j * K.width() + i], 1e-5 * t);
          checked++;
        }
      }
    }
    assertTrue(checked > K.width() * K.height() / 2, "most pixels see the slope: " + checked);
  }

  @Test
  void roughGroundHitsLieOnTheHeightfieldSurface() {
    Terrain rough = Terrains.rough(0.05, 0.4, Terrains.defaultCell(0.4), 12, 6, 0.9, 5);
    CameraRenderer r = CameraRenderer.ofTerrain(rough, Map.of(), 1, 0.5);
    CameraFrame f = new CameraFrame(K, true);
    double[] pos = {1.0, 0.3, 0.45};
    double[] rot = rot(0, Math.toRadians(25), 0.2);
    r.render(pos, rot, 0, QUIET, 1, 1, f);
    double worst = 0;
    for (int j = 0; j < K.height(); j += 3) {
      for (int i = 0; i < K.width(); i += 3) {
        float z = f.depth[j * K.width() + i];
        if (Float.isNaN(z)) {
          continue;
        }
        double[] d = world(rot, bodyDir(i, j));
        double x = pos[0] + z * d[0];
        double y = pos[1] + z * d[1];
        double hz = pos[2] + z * d[2];
        worst = Math.max(worst, Math.abs(hz - rough.heightAt(x, y)));
      }
    }
    assertTrue(worst < 1e-3, "hit points within 1 mm of heightAt, worst " + worst);
  }

  /** A segment course's steps and ramp are traced where heightAt says, not marched. */
  @Test
  void segmentStepsAndRampHitsLieOnTheSurface() {
    Terrain course =
        new robodog.sim.terrain.SegmentCourse(
                java.util.List.of(
                    robodog.sim.terrain.CourseSegment.of(
                        robodog.sim.terrain.SegmentKind.STEPS_UP,
                        Map.of("count", 2.0, "rise_m", 0.04, "run_m", 0.3)),
                    robodog.sim.terrain.CourseSegment.of(
                        robodog.sim.terrain.SegmentKind.SLOPE,
                        Map.of("length_m", 3.0, "angle_deg", 12.0))),
                0.5,
                3.0)
            .build(1);
    CameraRenderer r = CameraRenderer.ofTerrain(course, Map.of(), 1, 0.5);
    CameraFrame f = new CameraFrame(K, true);
    double[] pos = {0.2, 0.1, 0.4};
    double[] rot = rot(0, Math.toRadians(20), 0.1);
    r.render(pos, rot, 0, QUIET, 1, 1, f);
    double worst = 0;
    int onRamp = 0;
    for (int j = 0; j < K.height(); j += 3) {
      for (int i = 0; i < K.width(); i += 3) {
        float z = f.depth[j * K.width() + i];
        if (Float.isNaN(z)) {
          continue;
        }
        double[] d = world(rot, bodyDir(i, j));
        double x = pos[0] + z * d[0];
        double y = pos[1] + z * d[1];
        double hz = pos[2] + z * d[2];
        double h = course.heightAt(x, y);
        // Riser faces are seen side-on: skip hits within 5 mm of a step edge.
        if (Math.abs(course.heightAt(x + 0.005, y) - course.heightAt(x - 0.005, y)) > 0.01) {
          continue;
        }
        worst = Math.max(worst, Math.abs(hz - h));
        onRamp += x > 1.1 && x < 4.1 ? 1 : 0;
      }
    }
    assertTrue(onRamp > 100, onRamp + " hits on the ramp");
    assertTrue(worst < 1e-3, "hit points within 1 mm of heightAt, worst " + worst);
  }

  @Test
  void aCaseAppearsAtItsProjectedPixelWithItsDepth() {
    Scene s =
        new Scene(
            List.of(),
            List.of(
                new Scene.CaseBox(2.0, 0.0, 0, 0, 0.5, 0.6, 0.3, new double[] {0.6, 0.05, 0.05})),
            List.of(),
            List.of(),
            List.of(),
            Map.of());
    CameraRenderer r = new CameraRenderer(Terrains.flat(0.9), s, 1, 0.5);
    CameraFrame f = new CameraFrame(K, true);
    double[] pos = {0, 0, 0.15};
    r.render(pos, rot(0, 0, 0), 0, QUIET, 1, 1, f);
    // The front face is at x = 1.75: the point (1.75, 0, 0.15) is on the optical axis → image
    // centre; a point (1.75, -0.2, 0.25) projects to u = cx + fx·0.2/1.75, v = cy − fy·0.1/1.75.
    int u = (int) Math.floor(K.cx() + K.fx() * 0.2 / 1.75);
    int v = (int) Math.floor(K.cy() - K.fy() * 0.1 / 1.75);
    int p = v * K.width() + u;
    assertEquals(1.75, f.depth[p], 1e-5);
    int red = f.bgr[3 * p + 2] & 0xff;
    int green = f.bgr[3 * p + 1] & 0xff;
    assertTrue(red > 2 * green, "red case: r " + red + " g " + green);
    // Just beside the case (0.33 m to the right at that distance; it is 0.6 m wide) the ray
    // rises past it into the sky.
    int uOut = (int) Math.floor(K.cx() + K.fx() * 0.33 / 1.75);
    assertTrue(Float.isNaN(f.depth[v * K.width() + uOut]));
  }

  @Test
  void aMarkerShowsItsDictionaryBitsWhereThePinholeModelPutsThem() {
    int id = 11;
    double size = 0.15;
    double dist = 1.0;
    double height = 0.35;
    Scene s =
        new Scene(
            List.of(new Scene.Marker(id, dist, 0, 0, Math.PI, size, height)),
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            Map.of());
    CameraIntrinsics k = CameraIntrinsics.fromHorizontalFov(640, 480, Math.toRadians(70));
    CameraRenderer r = new CameraRenderer(Terrains.flat(0.9), s, 1, 0.5);
    CameraFrame f = new CameraFrame(k, true);
    double[] pos = {0, 0, height};
    r.render(pos, rot(0, 0, 0), 0, QUIET, 1, 1, f);
    boolean[] bits = ArucoDictionary.bits(id);
    double cellM = size / 6;
    double face = dist - 0.003; // the plate is 6 mm thick, centred on the marker position
    for (int row = 0; row < 4; row++) {
      for (int col = 0; col < 4; col++) {
        // Cell centre in the world: the robot looks at the face, so the marker's right is −y.
        double yw = -(-2 * cellM + (col + 0.5) * cellM);
        double zw = height + 2 * cellM - (row + 0.5) * cellM;
        int u = (int) Math.floor(k.cx() - k.fx() * yw / face);
        int v = (int) Math.floor(k.cy() - k.fy() * (zw - height) / face);
        int g = f.bgr[3 * (v * k.width() + u) + 1] & 0xff;
        // In the shade (the sun is behind the marker) white is ~115, black ~20.
        assertEquals(bits[row * 4 + col], g > 70, "bit " + row + "," + col + " grey " + g);
        assertEquals(face, f.depth[v * k.width() + u], 1e-4);
      }
    }
  }

  @Test
  void sameSeedsGiveTheSameFrameAndAnotherNoiseSeedDiffers() {
    Terrain t = Terrains.equipmentRun(7);
    CameraFrame a = new CameraFrame(K, true);
    CameraFrame b = new CameraFrame(K, true);
    double[] pos = {0.2, 0, 0.25};
    double[] rot = rot(0, Math.toRadians(15), 0);
    new CameraRenderer(t, DemoScenes.crew(0), 4, 0.5)
        .render(pos, rot, 2.5, Lighting.DEFAULT, 9, 1, a);
    new CameraRenderer(t, DemoScenes.crew(0), 4, 0.5)
        .render(pos, rot, 2.5, Lighting.DEFAULT, 9, 1, b);
    assertArrayEquals(a.bgr, b.bgr);
    assertArrayEquals(a.depth, b.depth);
    new CameraRenderer(t, DemoScenes.crew(0), 4, 0.5)
        .render(pos, rot, 2.5, Lighting.DEFAULT, 10, 1, b);
    assertFalse(Arrays.equals(a.bgr, b.bgr));
    assertArrayEquals(a.depth, b.depth); // depth noise is off by default
  }

  @Test
  void aWalkingPersonMovesBetweenFrames() {
    Scene crew = DemoScenes.crew(0);
    Scene.Person walker = crew.people().get(1);
    double[] p0 = new double[4];
    double[] p1 = new double[4];
    walker.poseAt(0, p0);
    walker.poseAt(2, p1);
    assertEquals(1.6, Math.hypot(p1[0] - p0[0], p1[1] - p0[1]), 1e-9);
  }
}
