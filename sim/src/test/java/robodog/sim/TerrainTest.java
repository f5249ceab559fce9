package robodog.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.ode4j.ode.DContactGeomBuffer;
import org.ode4j.ode.DSpace;
import org.ode4j.ode.DSphere;
import org.ode4j.ode.OdeHelper;
import robodog.sim.terrain.Patch;
import robodog.sim.terrain.RoughTerrain;
import robodog.sim.terrain.SlopeTerrain;

class TerrainTest {
  static {
    OdeHelper.initODE2(0);
  }

  /** heightAt agrees with what ODE's (y-up) heightfield actually collides with. */
  @Test
  void roughHeightfieldCollidesWhereHeightAtSays() {
    RoughTerrain t = new RoughTerrain(-1, -2, 4, 4, 0.04, 0.4, 0.04, 5, Patch.GROUND, false);
    DSpace space = OdeHelper.createSimpleSpace();
    t.build(space);
    DSphere probe = OdeHelper.createSphere(0.01);
    DContactGeomBuffer buf = new DContactGeomBuffer(4);
    int checked = 0;
    for (double x = -0.8; x < 2.8; x += 0.37) {
      for (double y = -1.7; y < 1.7; y += 0.41) {
        double h = t.heightAt(x, y);
        probe.setPosition(x, y, h + 0.01 - 0.003);
        assertTrue(
            OdeHelper.collide(probe, space.getGeom(0), 4, buf) > 0, "no contact at " + x + "," + y);
        probe.setPosition(x, y, h + 0.01 + 0.006);
        assertEquals(
            0, OdeHelper.collide(probe, space.getGeom(0), 4, buf), "contact above " + x + "," + y);
        checked++;
      }
    }
    assertTrue(checked > 50);
  }

  @Test
  void standingOnA15DegreeSlopeHoldsWithRubberAndSlidesOnIce() {
    assertTrue(slide(0.9) < 0.02, "slid on a grippy slope");
    assertTrue(slide(0.05) > 0.05, "did not slide on ice");
  }

  private static double slide(double mu) {
    SimWorld w = SimFixtures.world(new SlopeTerrain(Math.toRadians(15), new Patch("s", mu, 0)), 1);
    SimHardware hw = new SimHardware(w);
    hw.activate();
    SimFixtures.hold(hw, SimFixtures.neutral(), true, 0.5);
    double x0 = w.bodyPosition().get0();
    SimFixtures.hold(hw, SimFixtures.neutral(), true, 3.0);
    assertFalse(w.fallen() && mu > 0.5);
    return Math.abs(w.bodyPosition().get0() - x0);
  }
}
