package robodog.sim.camera;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.ode4j.ode.DContactGeomBuffer;
import org.ode4j.ode.DSpace;
import org.ode4j.ode.DSphere;
import org.ode4j.ode.OdeHelper;
import robodog.core.config.ConfigException;
import robodog.core.config.ConfigNode;
import robodog.sim.scenario.Scenario;
import robodog.sim.scenario.ScenarioLoader;
import robodog.sim.terrain.Terrain;

class SceneLoaderTest {
  @Test
  void theCrewScenarioHasItsObjectsAndTheCaseAndTripodArePhysical() {
    Scenario s = ScenarioLoader.load("crew-on-set", Path.of("../scenarios"));
    Scene scene = s.scene();
    assertEquals(2, scene.markers().size());
    assertEquals(7, scene.markers().get(0).id());
    assertEquals(2, scene.people().size());
    Terrain t = s.terrain().build(s.seed());
    // The case's top is ground for the feet, and ODE collides with the case and a tripod leg.
    assertEquals(0.22, t.heightAt(1.6, -0.55), 1e-9);
    OdeHelper.initODE2(0);
    DSpace space = OdeHelper.createSimpleSpace();
    t.build(space);
    assertTrue(touches(space, 1.6, -0.55, 0.22 + 0.005), "a probe just into the case top");
    assertTrue(!touches(space, 1.6, -0.55, 0.22 + 0.02), "a probe above the case");
    // Leg 0 runs from the head (1.37 m up) out along yaw to a foot 0.49 m away at 1.2 cm.
    double radial = 0.49 * (1.37 - 0.15) / (1.37 - 0.012);
    double[] leg = {
      2.8 + radial * Math.cos(Math.toRadians(23)), 1.0 + radial * Math.sin(Math.toRadians(23))
    };
    assertTrue(touches(space, leg[0], leg[1], 0.15), "a tripod leg near the ground");
    space.destroy();
  }

  private static boolean touches(DSpace space, double x, double y, double z) {
    DSphere probe = OdeHelper.createSphere(0.01);
    probe.setPosition(x, y, z);
    DContactGeomBuffer buf = new DContactGeomBuffer(4);
    int n = 0;
    for (int g = 0; g < space.getNumGeoms(); g++) {
      n += OdeHelper.collide(probe, space.getGeom(g), 4, buf);
    }
    probe.destroy();
    return n > 0;
  }

  @Test
  void theShippedCameraConfigLoadsAndMatchesTheDefaults() {
    SimCameraConfig c = SimCameraConfig.load(Path.of("../config/camera.yaml"));
    assertEquals(SimCameraConfig.DEFAULT, c);
    String e =
        assertThrows(
                ConfigException.class,
                () -> SimCameraConfig.parse(ConfigNode.parseString("cam.yaml", "hfov_deg: 200")))
            .getMessage();
    assertTrue(e.contains("hfov_deg"), e);
  }

  @Test
  void badSceneEntriesAreRejectedWithTheFieldAndTheExpectation() {
    Terrain flat = robodog.sim.terrain.Terrains.flat(0.9);
    String e1 =
        assertThrows(
                ConfigException.class,
                () ->
                    SceneLoader.parse(
                        ConfigNode.parseString("s.yaml", "markers: [{id: 50, x_m: 1, y_m: 0}]"),
                        flat))
            .getMessage();
    assertTrue(e1.contains("id"), e1);
    String e2 =
        assertThrows(
                ConfigException.class,
                () ->
                    SceneLoader.parse(
                        ConfigNode.parseString("s.yaml", "ground: {ground: lava}"), flat))
            .getMessage();
    assertTrue(e2.contains("grass"), e2);
    String e3 =
        assertThrows(
                ConfigException.class,
                () ->
                    SceneLoader.parse(
                        ConfigNode.parseString("s.yaml", "people: [{path_m: [1, 2, 3]}]"), flat))
            .getMessage();
    assertTrue(e3.contains("path_m"), e3);
  }
}
