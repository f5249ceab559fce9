package robodog.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.ode4j.ode.DContactGeomBuffer;
import org.ode4j.ode.DSpace;
import org.ode4j.ode.DSphere;
import org.ode4j.ode.OdeHelper;
import robodog.sim.scenario.Scenario;
import robodog.sim.scenario.ScenarioLoader;
import robodog.sim.terrain.CourseSegment;
import robodog.sim.terrain.SegmentCourse;
import robodog.sim.terrain.SegmentKind;
import robodog.sim.terrain.SegmentTerrain;
import robodog.sim.terrain.Terrain;
import robodog.sim.terrain.Terrains;

/**
 * Segment courses: heights accumulate, ODE collides where heightAt says, the file course matches.
 */
class SegmentCourseTest {
  static {
    OdeHelper.initODE2(0);
  }

  private static CourseSegment seg(SegmentKind k, Map<String, Double> p) {
    return CourseSegment.of(k, p);
  }

  /** pavement 1 m, 3 steps up of 3 cm, 10° up over 2 m, 2 steps down of 2 cm, rough 2 m, ice. */
  private static SegmentCourse mixed() {
    return new SegmentCourse(
        List.of(
            seg(SegmentKind.PAVEMENT, Map.of("length_m", 1.0)),
            seg(SegmentKind.STEPS_UP, Map.of("count", 3.0, "rise_m", 0.03, "run_m", 0.35)),
            seg(SegmentKind.SLOPE, Map.of("length_m", 2.0, "angle_deg", 10.0)),
            seg(SegmentKind.STEPS_DOWN, Map.of("count", 2.0, "rise_m", 0.02, "run_m", 0.4)),
            seg(SegmentKind.ROUGH, Map.of("length_m", 2.0, "amplitude_m", 0.02)),
            seg(SegmentKind.ICE, Map.of("length_m", 1.0, "friction", 0.05))),
        0,
        3.0);
  }

  @Test
  void heightsAccumulateAndEveryXHasItsKind() {
    SegmentCourse c = mixed();
    Terrain t = c.build(4);
    double top = 0.09 + 2 * Math.tan(Math.toRadians(10));
    assertEquals(0, t.heightAt(-0.8, 0), 1e-12); // lead-in behind the start
    assertEquals(0.03, t.heightAt(1.2, 0.5), 1e-12);
    assertEquals(0.09, t.heightAt(2.0, -1.2), 1e-12);
    assertEquals(0.09 + Math.tan(Math.toRadians(10)), t.heightAt(3.05, 0), 1e-9);
    assertEquals(top - 0.02, t.heightAt(4.2, 0), 1e-9);
    assertEquals(top - 0.04, t.heightAt(4.6, 0), 1e-9);
    double bump = t.heightAt(6.0, 0.3);
    assertTrue(bump >= top - 0.04 && bump <= top - 0.04 + 0.04 + 1e-9, "bump " + bump);
    // Beyond the last segment the ground goes on at the last height; beside the course it has
    // the course's heights (no ledge at the course's edge), without the bumps.
    assertEquals(top - 0.04, t.heightAt(c.endX() + 5, 0), 1e-9);
    assertEquals(t.heightAt(3.05, 0), t.heightAt(3.05, 2.5), 1e-12);
    assertEquals(0.09, t.heightAt(2.0, -6), 1e-12);
    assertEquals(top - 0.04, t.heightAt(6.0, 4), 1e-9);
    assertEquals(7.85, c.endX(), 1e-9);
    assertEquals("pavement", c.kindAt(-0.5));
    assertEquals("steps_up", c.kindAt(1.5));
    assertEquals("slope", c.kindAt(3.5));
    assertEquals("steps_down", c.kindAt(4.5));
    assertEquals("rough", c.kindAt(6.0));
    assertEquals("ice", c.kindAt(7.5));
    assertEquals("pavement", c.kindAt(20));
    assertEquals("ice", ((SegmentTerrain) t).kindAt(7.5));
  }

  /** A 1 cm sphere 3 mm into the ground touches it, one 6 mm above does not, away from edges. */
  @Test
  void odeCollidesWhereHeightAtSays() {
    Terrain t = mixed().build(4);
    DSpace space = OdeHelper.createSimpleSpace();
    t.build(space);
    DSphere probe = OdeHelper.createSphere(0.01);
    DContactGeomBuffer buf = new DContactGeomBuffer(4);
    SplittableRandom r = new SplittableRandom(3);
    int checked = 0;
    int missed = 0;
    while (checked < 3000) {
      double x = -0.9 + 9.5 * r.nextDouble();
      double y = -1.4 + 2.8 * r.nextDouble();
      double h = t.heightAt(x, y);
      double e = 0.015;
      if (Math.abs(t.heightAt(x + e, y) - h) > 0.003
          || Math.abs(t.heightAt(x - e, y) - h) > 0.003) {
        continue;
      }
      int below = 0;
      int above = 0;
      for (int g = 0; g < space.getNumGeoms(); g++) {
        probe.setPosition(x, y, h + 0.01 - 0.003);
        below += OdeHelper.collide(probe, space.getGeom(g), 4, buf);
        probe.setPosition(x, y, h + 0.01 + 0.006);
        above += OdeHelper.collide(probe, space.getGeom(g), 4, buf);
      }
      assertEquals(0, above, "contact above " + x + "," + y + " h " + h);
      missed += below == 0 ? 1 : 0;
      checked++;
    }
    // ODE's sphere-heightfield test misses a few positions near triangle edges (see TerrainTest);
    // everything else here is boxes and a ramp, which must never miss.
    assertTrue(missed < 0.01 * checked, missed + " misses");
  }

  /**
   * The shipped equipment-run file is the catalogue's equipment-run up to the goal at 9.5 m, but
   * for the ice's 2 mm lip; past the goal the file goes down three 3 cm steps where the catalogue
   * course drops 9 cm at once.
   */
  @Test
  void equipmentRunFileIsTheCatalogueCourse() {
    Scenario s = ScenarioLoader.load("equipment-run", Path.of("../scenarios"));
    for (long seed : new long[] {1, 7}) {
      Terrain file = s.terrain().build(seed);
      Terrain old = Terrains.equipmentRun(seed);
      SplittableRandom r = new SplittableRandom(seed);
      double worst = 0;
      for (int i = 0; i < 20_000; i++) {
        double x = -0.9 + 10.4 * r.nextDouble();
        double y = -1.45 + 2.9 * r.nextDouble();
        worst = Math.max(worst, Math.abs(file.heightAt(x, y) - old.heightAt(x, y)));
      }
      assertTrue(worst <= 0.002 + 1e-9, "height differs by " + worst + " m");
      assertEquals(0.092, old.heightAt(8.4, 0), 1e-9);
      assertEquals(0.09, file.heightAt(8.4, 0), 1e-9);
      assertEquals("ice", SegmentTerrain.find(file).kindAt(8.4));
      assertEquals(0.06, file.heightAt(9.7, 0), 1e-9, "the first step down");
      assertEquals(0.0, file.heightAt(10.6, 0), 1e-9, "pavement after three steps");
    }
  }

  /** The robot stands on the steps' landing and across the slope's foot without falling. */
  @Test
  void theRobotStandsWhereTheCourseChangesHeight() {
    // The robot's start (x = 0) is on a 3 cm step: its rear legs reach over the step's edge behind
    // it, its front legs onto the foot of a 12° slope ahead.
    SegmentCourse c =
        new SegmentCourse(
            List.of(
                seg(SegmentKind.STEPS_UP, Map.of("count", 1.0, "rise_m", 0.03, "run_m", 0.2)),
                seg(SegmentKind.SLOPE, Map.of("length_m", 2.0, "angle_deg", 12.0))),
            -0.05,
            3.0);
    Terrain t = c.build(1);
    SimHardware hw = SimFixtures.hardware(t, 1);
    SimFixtures.hold(hw, SimFixtures.neutral(), true, 2.0);
    assertFalse(hw.world().fallen());
    assertNotNull(SegmentTerrain.find(t));
  }
}
