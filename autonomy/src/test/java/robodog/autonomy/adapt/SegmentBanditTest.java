package robodog.autonomy.adapt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;
import robodog.autonomy.RideProfile;
import robodog.autonomy.Route;
import robodog.autonomy.Waypoint;
import robodog.autonomy.store.SegmentResult;
import robodog.core.Payload;

/** The bandit finds the best arm of a synthetic cost, stays in bounds and keys its estimates. */
class SegmentBanditTest {
  private static final RideProfile SMOOTH = RideProfile.forPayload(new Payload(1.5, 0.1, 0.5));
  private static final List<Arm> ARMS = Arm.allowed(SMOOTH);

  /** Plays {@code runs} runs on one segment against a noisy synthetic RMS; returns the history. */
  private static List<SegmentResult> play(ToDoubleFunction<Arm> rms, int runs, long seed) {
    Random rnd = new Random(seed);
    List<SegmentResult> h = new ArrayList<>();
    for (int i = 0; i < runs; i++) {
      Arm a = SegmentBandit.choose(ARMS, h);
      double time = 6.0 / a.speedScale();
      double r = rms.applyAsDouble(a) * (1 + 0.03 * rnd.nextGaussian());
      double base = SegmentBandit.baseTimeS(h, time);
      double cost = SegmentBandit.cost(r, time, base, 0, false);
      h.add(new SegmentResult(i, "r", "h", 0, 3, 0, a.name(), r, time, cost, false, 0, 0));
    }
    return h;
  }

  @Test
  void convergesToTheBestArmOfASyntheticCost() {
    // 3 cm steps are smoothest; slower is smoother but not enough to pay for its time.
    ToDoubleFunction<Arm> rms =
        a ->
            (Double.isNaN(a.stepHeightM())
                    ? 1.5
                    : a.stepHeightM() < 0.025 ? 1.3 : a.stepHeightM() < 0.04 ? 1.1 : 1.9)
                * (0.9 + 0.1 * a.speedScale());
    for (long seed = 1; seed <= 5; seed++) {
      List<SegmentResult> h = play(rms, 10, seed);
      assertEquals("s1.00/h-own", h.get(0).arm(), "starts from the profile's own setting");
      assertEquals(new Arm(1.0, 0.03), SegmentBandit.choose(ARMS, h), "seed " + seed);
      assertEquals("s1.00/h0.030", h.get(9).arm());
    }
  }

  @Test
  void findsASlowerArmWhenItPaysForItsTime() {
    ToDoubleFunction<Arm> rms = a -> a.speedScale() < 0.8 ? 0.5 : a.speedScale() < 0.9 ? 0.9 : 1.5;
    List<SegmentResult> h = play(rms, 10, 3);
    assertEquals(0.7, SegmentBandit.choose(ARMS, h).speedScale(), 1e-9);
  }

  @Test
  void neverLeavesTheProfilesBounds() {
    Random rnd = new Random(4);
    List<SegmentResult> h = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      Arm a = SegmentBandit.choose(ARMS, h);
      assertTrue(a.speedScale() > 0 && a.speedScale() <= 1, "never faster than the profile");
      assertTrue(ARMS.contains(a), a.name());
      h.add(
          new SegmentResult(
              i,
              "r",
              "h",
              0,
              3,
              0,
              a.name(),
              rnd.nextDouble() * 3,
              6,
              rnd.nextDouble(),
              false,
              0,
              0));
    }
    assertThrows(IllegalArgumentException.class, () -> new Arm(1.2, Double.NaN));
    assertThrows(IllegalArgumentException.class, () -> new Arm(1.0, 0.2));
    assertEquals(new Arm(0.85, 0.03), Arm.parse(new Arm(0.85, 0.03).name()));
  }

  @Test
  void noExplorationRightAfterAFallRecoveryOrSlip() {
    List<SegmentResult> h = new ArrayList<>();
    h.add(new SegmentResult(1, "r", "h", 0, 3, 0, "s1.00/h-own", 1.0, 6, 1.0, false, 0, 0));
    assertNotEquals(Arm.BASE, SegmentBandit.choose(ARMS, h), "explores after a clean run");
    h.add(new SegmentResult(2, "r", "h", 0, 3, 0, "s1.00/h0.030", 2, 6, 6, false, 1, 0));
    assertEquals(Arm.BASE, SegmentBandit.choose(ARMS, h), "after a recovery: the best so far");
    h.add(new SegmentResult(3, "r", "h", 0, 3, 0, "s1.00/h-own", 1.0, 6, 1.0, false, 0, 0.2));
    assertEquals(Arm.BASE, SegmentBandit.choose(ARMS, h), "after a bad slip: the best so far");
    assertEquals(10 * 1.0, SegmentBandit.cost(1.0, 6, 6, 0, true), 1e-9, "a fall costs ten times");
    assertEquals(1.5, SegmentBandit.cost(1.0, 9, 6, 0, false), 1e-9, "50 % slower costs 50 %");
    assertEquals(1.0, SegmentBandit.cost(1.0, 5, 6, 0, false), 1e-9, "faster earns nothing");
  }

  @Test
  void aNewPayloadOrAFailedLegIsANewKey() {
    Route r =
        new Route(
            "r",
            0,
            List.of(new Waypoint(-1, 0, 0, 0.2), new Waypoint(-1, 1, 0, 0.2)),
            List.of(),
            List.of());
    RouteKey k = RouteKey.of(r, 1.5, 0);
    assertEquals(k, RouteKey.of(r, 1.6, 0));
    assertNotEquals(k, RouteKey.of(r, 2.5, 0), "another payload class");
    assertNotEquals(k, RouteKey.of(r, 1.5, 4), "a failed leg");
    Route moved =
        new Route(
            "r",
            0,
            List.of(new Waypoint(-1, 0, 0, 0.2), new Waypoint(-1, 1.2, 0, 0.2)),
            List.of(),
            List.of());
    assertNotEquals(k.routeHash(), RouteKey.of(moved, 1.5, 0).routeHash(), "re-taught");
  }
}
