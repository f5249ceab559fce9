package robodog.harness.learn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The composite score against hand-computed values. */
class EvalScoreTest {
  private static EvalRuns.Run run(boolean done, boolean fell, double t, double acc, double e) {
    return new EvalRuns.Run(
        "r",
        "c",
        1,
        done,
        fell,
        done ? t : Double.NaN,
        100,
        5,
        5,
        0.05,
        0.05,
        e,
        acc,
        Map.of(),
        Double.NaN,
        null);
  }

  @Test
  void normalisedAgainstTheSelector() {
    EvalRuns.Run sel = run(true, false, 50, 2, 400);
    assertEquals(1.0, EvalScore.score(sel, sel, 100), 1e-12);
    // Half the time, the same acceleration, 1.5 x the energy: (0.5 + 1 + 1.5) / 3 = 1.
    assertEquals(1.0, EvalScore.score(run(true, false, 25, 2, 600), sel, 100), 1e-12);
    // Missed goal: 2 x 100 s against 50 s = 4; (4 + 0.5 + 1) / 3.
    assertEquals(5.5 / 3, EvalScore.score(run(false, false, 0, 1, 400), sel, 100), 1e-12);
    assertEquals(EvalScore.FALL_SCORE, EvalScore.score(run(false, true, 0, 0.1, 1), sel, 100));
    assertEquals(20.0, EvalScore.improvementPercent(0.8, 1.0), 1e-12);
  }
}
