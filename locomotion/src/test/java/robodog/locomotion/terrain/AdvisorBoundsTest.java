package robodog.locomotion.terrain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import robodog.core.GroundCall;
import robodog.locomotion.LocomotionConfig;
import robodog.locomotion.gait.GaitLibrary;

/**
 * The advisor's safe set, checked against the shipped gait table written out by name, and against
 * the terrain selector's own choices over thousands of random grounds.
 */
class AdvisorBoundsTest {
  private static final LocomotionConfig CFG = LocomotionConfig.load(Path.of("../config"));
  private static final GaitLibrary GAITS = CFG.gaits();
  private static final double NEUTRAL = CFG.robot().stance().bodyHeightM();
  private static final AdvisorBounds BOUNDS = new AdvisorBounds(GAITS, NEUTRAL);

  private static Set<String> allowed(GroundCall call, String selectorGait) {
    Set<String> names = new TreeSet<>();
    int sel = GAITS.indexOf(selectorGait);
    for (int g = 0; g < GAITS.size(); g++) {
      if (BOUNDS.gaitAllowed(call, sel, g)) {
        names.add(GAITS.get(g).name());
      }
    }
    return names;
  }

  @Test
  void eachGroundCallAllowsItsNamedGaits() {
    assertEquals(
        Set.of("ripple", "tetrapod", "wave"),
        allowed(GroundCall.SMOOTH, "ripple"),
        "smooth, at ripple's pace: ripple and the gaits no faster");
    assertEquals(
        Set.of("tripod", "ripple", "tetrapod", "wave"),
        allowed(GroundCall.SMOOTH, "tripod"),
        "smooth, beyond ripple's reach: the selector's tripod and every slower gait");
    assertEquals(Set.of("ripple", "wave"), allowed(GroundCall.UNEVEN, "ripple"));
    for (GroundCall hard :
        new GroundCall[] {GroundCall.STEPS, GroundCall.SLIPPERY, GroundCall.RECOVERING}) {
      assertEquals(Set.of("wave"), allowed(hard, "wave"), hard + ": only the wave gait");
    }
    int ripple = GAITS.indexOf("ripple");
    assertEquals(ripple, BOUNDS.gait(GroundCall.UNEVEN, ripple, GAITS.indexOf("tripod")));
    assertEquals(ripple, BOUNDS.gait(GroundCall.UNEVEN, ripple, -1), "-1: the selector's own");
    assertEquals(ripple, BOUNDS.gait(GroundCall.SMOOTH, ripple, GAITS.size()), "no five-leg row");
  }

  @Test
  void speedIsNeverScaledAboveTheCommand() {
    assertEquals(1.0, AdvisorBounds.speedScale(1.5), 0);
    assertEquals(1.0, AdvisorBounds.speedScale(2.0), 0);
    assertEquals(0.7, AdvisorBounds.speedScale(0.7), 0);
  }

  @Test
  void stepAndBodyHeightStayWithinTheSelectorsBounds() {
    int ripple = GAITS.indexOf("ripple");
    int wave = GAITS.indexOf("wave");
    double waveStep = GAITS.get(wave).stepHeightMeters();
    double rippleStep = GAITS.get(ripple).stepHeightMeters();
    double uneven = TerrainGaitSelector.UNEVEN_STEP_M;
    // Smooth: lower steps allowed, down to the floor, never above the gait's own.
    assertEquals(0.03, BOUNDS.stepHeight(GroundCall.SMOOTH, Double.NaN, ripple, 0.03), 1e-12);
    assertEquals(
        AdvisorBounds.MIN_STEP_M,
        BOUNDS.stepHeight(GroundCall.SMOOTH, Double.NaN, ripple, 0.005),
        1e-12);
    assertEquals(rippleStep, BOUNDS.stepHeight(GroundCall.SMOOTH, Double.NaN, ripple, 0.2), 1e-12);
    // Uneven: at least the selector's step.
    assertEquals(uneven, BOUNDS.stepHeight(GroundCall.UNEVEN, uneven, ripple, 0.02), 1e-12);
    assertEquals(0.06, BOUNDS.stepHeight(GroundCall.UNEVEN, uneven, wave, 0.06), 1e-12);
    // Steps and worse: the wave gait's own high step, whatever is asked.
    for (double asked : new double[] {0.02, 0.05, 0.2}) {
      assertEquals(waveStep, BOUNDS.stepHeight(GroundCall.STEPS, Double.NaN, wave, asked), 1e-12);
    }
    assertTrue(Double.isNaN(BOUNDS.stepHeight(GroundCall.SMOOTH, Double.NaN, ripple, Double.NaN)));
    assertEquals(NEUTRAL - 0.02, BOUNDS.bodyHeight(GroundCall.SMOOTH, NEUTRAL - 0.05), 1e-12);
    assertEquals(NEUTRAL + 0.01, BOUNDS.bodyHeight(GroundCall.UNEVEN, NEUTRAL + 0.01), 1e-12);
    assertTrue(Double.isNaN(BOUNDS.bodyHeight(GroundCall.STEPS, NEUTRAL + 0.01)), "neutral");
    assertTrue(Double.isNaN(BOUNDS.bodyHeight(GroundCall.RECOVERING, NEUTRAL - 0.01)));
  }

  /**
   * Drives the real selector through random grounds and speeds; at every tick, whatever the advisor
   * asks, the bounded gait is never faster than the selector's, is the selector's own on steps and
   * worse, and its step is never lower than the selector would walk off smooth ground.
   */
  @Test
  void theBoundedChoiceIsNeverFasterOrLowerSteppingThanTheSelectorsOwn() {
    TerrainGaitSelector s = new TerrainGaitSelector(GAITS);
    SplittableRandom r = new SplittableRandom(16);
    double stride = GAITS.table().maxStrideMeters();
    int rows = GAITS.table().gaits().size();
    int[] seen = new int[GroundCall.VALUES.length];
    double speed = 0;
    double uneven = 0;
    double climb = 0;
    double slip = 0;
    double tilt = 0;
    for (int k = 0; k < 200_000; k++) {
      if (k % 1500 == 0) {
        // A new stretch of ground, held for 3 s: calm ones let the selector ease off.
        s.setAhead(r.nextDouble() < 0.8 ? GroundCall.SMOOTH : GroundCall.VALUES[r.nextInt(4)]);
        speed = r.nextDouble(0, 0.25);
        double kind = r.nextDouble();
        uneven = kind < 0.5 ? r.nextDouble(0, 0.01) : r.nextDouble(0, 0.04);
        climb = kind > 0.9 ? r.nextDouble(-0.02, 0.02) : 0;
        slip = kind > 0.8 && kind < 0.9 ? r.nextDouble(0, 0.2) : r.nextDouble(0, 0.05);
        tilt = kind > 0.97 ? Math.toRadians(25) : 0;
      }
      s.update(true, speed, uneven, climb, slip, k % 1500 == 0 ? tilt : 0, 0, 0.002);
      GroundCall call = s.call();
      seen[call.ordinal()]++;
      int sel = s.gaitIndex();
      int wish = r.nextInt(-1, GAITS.size() + 1);
      int g = BOUNDS.gait(call, sel, wish);
      assertTrue(g >= 0 && g < rows, "a six-leg table row");
      double top = stride / GAITS.get(g).stanceSeconds();
      double selTop = stride / GAITS.get(sel).stanceSeconds();
      assertTrue(
          top <= selTop + 1e-12, call + ": " + GAITS.get(g).name() + " faster than selector");
      if (call.ordinal() >= GroundCall.STEPS.ordinal()) {
        assertEquals(sel, g, call + ": only the selector's own gait");
      }
      double h = BOUNDS.stepHeight(call, s.stepHeight(), g, r.nextDouble(0, 0.12));
      double selectorWalks =
          Double.isNaN(s.stepHeight()) ? GAITS.get(g).stepHeightMeters() : s.stepHeight();
      if (call != GroundCall.SMOOTH) {
        assertTrue(h >= selectorWalks - 1e-12, call + ": step " + h + " below " + selectorWalks);
      }
      assertTrue(h <= Math.max(selectorWalks, GAITS.get(g).stepHeightMeters()) + 1e-12);
      assertTrue(h >= AdvisorBounds.MIN_STEP_M - 1e-12);
    }
    for (GroundCall c : GroundCall.VALUES) {
      assertTrue(
          seen[c.ordinal()] > 100, "the random grounds reached " + c + ": " + seen[c.ordinal()]);
    }
  }
}
