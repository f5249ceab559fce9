package robodog.perception.grid;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;
import robodog.core.camera.CameraIntrinsics;
import robodog.core.camera.CameraMount;
import robodog.core.perception.HeightGrid;
import robodog.perception.DepthCloud;
import robodog.perception.DepthScene;

class HeightGridBuilderTest {
  private static final CameraIntrinsics K =
      CameraIntrinsics.fromHorizontalFov(320, 240, Math.toRadians(70));
  private static final double GROUND = -0.12; // standing body height

  private static HeightGrid build(DepthScene scene) {
    DepthCloud cloud = new DepthCloud(K, CameraMount.DEFAULT, 1);
    cloud.fill(scene.render(K, CameraMount.DEFAULT));
    HeightGrid g = new HeightGrid();
    new HeightGridBuilder(0.08, 0.45, 1.5).build(cloud, g, 5);
    return g;
  }

  @Test
  void flatGroundIsTraversableAndFoundAtTheStandingHeight() {
    HeightGrid g = build(new DepthScene(GROUND));
    assertEquals(GROUND, g.groundZ, 1e-3);
    assertTrue(g.traversableAhead);
    assertTrue(g.aheadCoverage > 0.9, "coverage " + g.aheadCoverage);
    for (boolean o : g.obstacle) {
      assertFalse(o);
    }
  }

  @Test
  void aCaseOnThePathBlocksItAtItsDistanceWithItsStepHeight() {
    HeightGrid g = build(new DepthScene(GROUND).box(1.0, -0.2, 1.3, 0.2, 0.15));
    assertFalse(g.traversableAhead);
    assertEquals(1.0, g.obstacleAheadM, 0.06);
    int edge = g.index(g.cellOf(1.01), g.cellOf(0.0));
    assertTrue(g.obstacle[edge]);
    assertEquals(0.15, g.height[edge], 0.01);
    assertEquals(0.15, g.step[edge], 0.02);
  }

  @Test
  void aLowCableIsNotAnObstacleButACaseBesideThePathIsNotInTheWay() {
    HeightGrid g =
        build(
            new DepthScene(GROUND)
                .box(0.8, -1.0, 0.82, 1.0, 0.02) // cable-like strip across the path
                .box(1.0, 0.6, 1.4, 1.0, 0.3)); // case off to the left
    assertTrue(g.traversableAhead, g.obstacleAheadM + " " + g.aheadCoverage + " " + g.groundZ);
    int caseCells = 0;
    for (int ix = g.cellOf(0.95); ix <= g.cellOf(1.45); ix++) {
      for (int iy = g.cellOf(0.6); iy <= g.cellOf(1.0); iy++) {
        caseCells += g.obstacle[g.index(ix, iy)] ? 1 : 0;
      }
    }
    assertTrue(caseCells >= 5, "case cells " + caseCells);
  }

  @Test
  void aStepUpAheadShowsAsTheCorridorsLargestStepAndFlatGroundAsNone() {
    HeightGrid flat = build(new DepthScene(GROUND));
    assertTrue(flat.stepAheadM < 0.005, "flat: " + flat.stepAheadM);
    assertTrue(flat.meanStepAheadM < 0.002, "flat mean: " + flat.meanStepAheadM);
    // A 4 cm step up across the path at 0.7 m: below the obstacle height, a step to climb.
    HeightGrid step = build(new DepthScene(GROUND).box(0.7, -1.0, 3.0, 1.0, 0.04));
    assertTrue(step.traversableAhead, "a step is no obstacle");
    assertEquals(0.04, step.stepAheadM, 0.01);
    assertTrue(
        step.meanStepAheadM < 0.01, "one edge, not a rough corridor: " + step.meanStepAheadM);
  }
}
