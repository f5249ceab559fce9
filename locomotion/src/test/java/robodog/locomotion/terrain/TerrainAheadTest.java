package robodog.locomotion.terrain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import robodog.core.GroundCall;
import robodog.core.Mailbox;
import robodog.core.perception.GroundAhead;
import robodog.core.perception.TerrainEstimate;
import robodog.locomotion.LocomotionConfig;

class TerrainAheadTest {
  private static final String[] CLASSES = {"pavement", "gravel", "ice", "mud", "dirt"};

  private static TerrainEstimate estimate(String cls, double p) {
    TerrainEstimate e = new TerrainEstimate();
    e.classCount = CLASSES.length;
    for (int i = 0; i < CLASSES.length; i++) {
      e.classNames[i] = CLASSES[i];
      e.probability[i] = CLASSES[i].equals(cls) ? (float) p : (float) ((1 - p) / 4);
      if (CLASSES[i].equals(cls)) {
        e.best = i;
      }
    }
    return e;
  }

  @Test
  void iceAheadSlowsTheRobotBeforeItsFeetArriveAndAnOldOrUnsureEstimateSaysNothing() {
    Mailbox<TerrainEstimate> m = new Mailbox<>(TerrainEstimate::new, (a, b) -> b.copyFrom(a));
    TerrainAhead ahead = new TerrainAhead();
    assertEquals(GroundCall.SMOOTH, ahead.update(0), "not connected");
    ahead.connect(m, 1.0);
    m.offer(estimate("ice", 0.9));
    assertEquals(GroundCall.SLIPPERY, ahead.update(0));
    assertEquals(GroundCall.SLIPPERY, ahead.update(900_000_000L), "still fresh");
    assertEquals(GroundCall.SMOOTH, ahead.update(1_100_000_000L), "stale after 1 s");
    m.offer(estimate("gravel", 0.7));
    assertEquals(GroundCall.UNEVEN, ahead.update(2_000_000_000L));
    m.offer(estimate("mud", 0.4));
    assertEquals(GroundCall.SMOOTH, ahead.update(2_100_000_000L), "too unsure to act on");
    m.offer(estimate("pavement", 0.99));
    assertEquals(GroundCall.SMOOTH, ahead.update(2_200_000_000L));
    assertEquals("pavement", ahead.className());
  }

  @Test
  void theSelectorTakesTheCameraCallAsItsFloor() {
    TerrainGaitSelector s =
        new TerrainGaitSelector(LocomotionConfig.load(Path.of("../config")).gaits());
    s.setAhead(GroundCall.SLIPPERY);
    s.update(true, 0.08, 0, 0, 0, 0, 0, 0.002);
    assertEquals(GroundCall.SLIPPERY, s.call(), "slowed before the first slide");
    s.setAhead(GroundCall.SMOOTH);
    for (int k = 0; k < 2 * TerrainGaitSelector.CALM_S / 0.002 + 10; k++) {
      s.update(true, 0.08, 0, 0, 0, 0, 0, 0.002);
    }
    assertEquals(GroundCall.UNEVEN, s.call(), "easier again only after calm walking");
  }

  private static GroundAhead grid(double maxStep, double meanStep, double coverage) {
    GroundAhead g = new GroundAhead();
    g.maxStepM = maxStep;
    g.meanStepM = meanStep;
    g.coverage = coverage;
    g.groundCells = 90;
    g.stepCells = maxStep >= 0.028 ? 9 : 0;
    return g;
  }

  @Test
  void theHeightGridCallsStepsAndUnevenGroundAheadAndTheHarderOfItAndTheClassCounts() {
    Mailbox<TerrainEstimate> m = new Mailbox<>(TerrainEstimate::new, (a, b) -> b.copyFrom(a));
    Mailbox<GroundAhead> g = new Mailbox<>(GroundAhead::new, (a, b) -> b.copyFrom(a));
    TerrainAhead ahead = new TerrainAhead();
    ahead.connect(m, 1.0);
    ahead.connectGrid(g);
    g.offer(grid(0.04, 0.004, 0.9));
    assertEquals(GroundCall.STEPS, ahead.update(0), "a 4 cm edge ahead");
    GroundAhead speck = grid(0.06, 0.004, 0.9);
    speck.stepCells = 2;
    g.offer(speck);
    assertEquals(GroundCall.SMOOTH, ahead.update(50_000_000L), "two cells are no edge");
    g.offer(grid(0.02, 0.012, 0.9));
    assertEquals(GroundCall.UNEVEN, ahead.update(100_000_000L), "bumps ahead");
    g.offer(grid(0.05, 0.02, 0.3));
    assertEquals(GroundCall.SMOOTH, ahead.update(200_000_000L), "too little of it seen");
    m.offer(estimate("ice", 0.9));
    g.offer(grid(0.04, 0.004, 0.9));
    assertEquals(GroundCall.SLIPPERY, ahead.update(300_000_000L), "ice is harder than steps");
    m.offer(estimate("pavement", 0.9));
    assertEquals(GroundCall.STEPS, ahead.update(400_000_000L), "the grid still sees the edge");
    assertEquals(GroundCall.SMOOTH, ahead.update(1_500_000_000L), "both stale");
  }
}
