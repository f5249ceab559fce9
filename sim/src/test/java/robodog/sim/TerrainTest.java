package robodog.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.ode4j.ode.DContactGeomBuffer;
import org.ode4j.ode.DSpace;
import org.ode4j.ode.DSphere;
import org.ode4j.ode.OdeHelper;
import robodog.sim.terrain.Patch;
import robodog.sim.terrain.RoughTerrain;
import robodog.sim.terrain.Terrain;
import robodog.sim.terrain.Terrains;

/** Terrain geometry agrees with heightAt; friction and softness per patch do what they say. */
class TerrainTest {
  static {
    OdeHelper.initODE2(0);
  }

  /**
   * Probes ODE's own collision of a 1 cm sphere with a terrain at pseudo-random points: a sphere 3
   * mm into the ground must touch it, one 6 mm above must not. Points within 1.5 cm of a step edge
   * are skipped (the sphere would touch the riser). Returns the fraction of misses.
   */
  private static double probe(Terrain t, double x0, double x1, double y0, double y1) {
    DSpace space = OdeHelper.createSimpleSpace();
    t.build(space);
    DSphere probe = OdeHelper.createSphere(0.01);
    DContactGeomBuffer buf = new DContactGeomBuffer(4);
    SplittableRandom r = new SplittableRandom(3);
    int checked = 0;
    int missed = 0;
    while (checked < 2000) {
      double x = x0 + (x1 - x0) * r.nextDouble();
      double y = y0 + (y1 - y0) * r.nextDouble();
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
    return missed / (double) checked;
  }

  /**
   * The one y-up-to-z-up conversion is right: ODE's heightfield is where heightAt says. ODE's
   * sphere-heightfield test misses about 0.7 % of positions (near triangle edges), which is why
   * feet on rough ground use the analytic contact (next test); the body and tibias still use it.
   */
  @Test
  void roughHeightfieldCollidesWhereHeightAtSays() {
    RoughTerrain t = new RoughTerrain(-1, -2, 4, 4, 0.04, 0.4, 0.04, 0.04, 5, Patch.GROUND, false);
    assertTrue(probe(t, -0.8, 2.8, -1.7, 1.7) < 0.02);
    // Asymmetric in y: a heightfield flipped about x would fail the probe above.
    assertTrue(Math.abs(t.heightAt(1.0, 1.0) - t.heightAt(1.0, -1.0)) > 1e-3);
  }

  /** Standing on bumpy ground, every foot sphere rests on the surface heightAt describes. */
  @Test
  void feetRestOnRoughGroundWhereHeightAtSays() {
    RoughTerrain bumps =
        new RoughTerrain(-2, -2, 4, 4, 0.015, 0.3, 0.05, 0.015, 8, Patch.GROUND, false);
    SimHardware hw = SimFixtures.hardware(bumps, 1);
    SimFixtures.hold(hw, SimFixtures.neutral(), true, 2.0);
    SimWorld w = hw.world();
    assertFalse(w.fallen());
    double r = SimFixtures.ROBOT.leg().footRadiusM();
    int resting = 0;
    for (int leg = 0; leg < 6; leg++) {
      double x = w.footPosition(leg).get0();
      double y = w.footPosition(leg).get1();
      double gap = w.footPosition(leg).get2() - r - bumps.heightAt(x, y);
      assertTrue(gap > -0.002, "foot " + leg + " sunk " + gap + " m into the ground");
      resting += gap < 0.001 ? 1 : 0;
      if (gap < -0.0005) {
        assertTrue(w.footContact(leg), "foot " + leg + " pressed in but not sensed");
      }
    }
    // Stiff legs on bumps: at least a tripod carries the body, the others may hang.
    assertTrue(resting >= 3, resting + " feet on the ground");
  }

  @Test
  void stairsAndTheEquipmentRunCollideWhereHeightAtSays() {
    Terrain stairs = Terrains.stairs(0.6, 0.04, 0.35, 4, 0.9);
    assertEquals(0, probe(stairs, -0.5, 3.0, -1.0, 1.0), 0);
    assertEquals(0, stairs.heightAt(0.5, 0), 0);
    assertEquals(0.04, stairs.heightAt(0.7, 0), 1e-12);
    assertEquals(0.16, stairs.heightAt(2.5, 0), 1e-12);
    Terrain run = Terrains.equipmentRun(7);
    assertEquals(0, run.heightAt(1.0, 0), 0);
    assertEquals(0.09, run.heightAt(7.5, 0), 1e-12);
    assertTrue(run.heightAt(4.5, 0.3) > 0 && run.heightAt(4.5, 0.3) < 0.045);
  }

  @Test
  void standingOnA15DegreeSlopeHoldsWithRubberAndSlidesOnIce() {
    double grip = slide(0.9);
    double ice = slide(0.05);
    assertTrue(grip < 0.02, "slid " + grip + " m on a grippy slope");
    assertTrue(ice > 0.05, "slid only " + ice + " m on icy slope");
  }

  /** Distance the standing robot moves along the slope in 3 s after settling 0.5 s, m. */
  private static double slide(double mu) {
    SimHardware hw = SimFixtures.hardware(Terrains.slope(Math.toRadians(15), mu), 1);
    SimWorld w = hw.world();
    SimFixtures.hold(hw, SimFixtures.neutral(), true, 0.5);
    double x0 = w.bodyPosition().get0();
    double z0 = w.bodyPosition().get2();
    SimFixtures.hold(hw, SimFixtures.neutral(), true, 3.0);
    if (mu > 0.5) {
      assertFalse(w.fallen());
    }
    return Math.hypot(w.bodyPosition().get0() - x0, w.bodyPosition().get2() - z0);
  }

  @Test
  void mudIsSoftAndPavementIsNot() {
    double pavement = standingHeight(Terrains.flat(0.9));
    double mud =
        standingHeight(
            Terrains.mud(0.3, Terrains.MUD_STIFFNESS_N_PER_M, Terrains.MUD_DAMPING_NS_PER_M));
    assertTrue(pavement - mud > 0.002 && pavement - mud < 0.02, pavement + " vs " + mud);
  }

  private static double standingHeight(Terrain t) {
    SimHardware hw = SimFixtures.hardware(t, 1);
    SimFixtures.hold(hw, SimFixtures.neutral(), true, 2.0);
    assertFalse(hw.world().fallen());
    return hw.world().bodyPosition().get2();
  }
}
