package robodog.learning.rl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The threshold-free sample-efficiency figure. */
class BudgetComparisonTest {
  @TempDir Path dir;

  private static LearningCurve curve(long step, double... returns) {
    LearningCurve c = new LearningCurve("c");
    for (int i = 0; i < returns.length; i++) {
      c.add(new LearningCurve.Point((i + 1) * step, returns[i], 0, 0, 0));
    }
    return c;
  }

  @Test
  void bestByMatchesABruteForceRunningMeanOnRandomCurves() {
    SplittableRandom r = new SplittableRandom(7);
    for (int trial = 0; trial < 2000; trial++) {
      int n = 1 + r.nextInt(30);
      long step = 1 + r.nextInt(200);
      double[] ret = new double[n];
      for (int i = 0; i < n; i++) {
        ret[i] = r.nextDouble(-5, 5);
      }
      LearningCurve c = curve(step, ret);
      long budget = r.nextLong(0, (n + 2) * step);
      // Independent: running means as an array, then the max over those inside the budget.
      double[] mean = new double[n];
      for (int i = 0; i < n; i++) {
        int lo = Math.max(0, i - 2);
        double s = 0;
        for (int j = lo; j <= i; j++) {
          s += ret[j];
        }
        mean[i] = s / (i - lo + 1);
      }
      double expect = Double.NEGATIVE_INFINITY;
      for (int i = 0; i < n; i++) {
        if ((i + 1) * step <= budget) {
          expect = Math.max(expect, mean[i]);
        }
      }
      double got = BudgetComparison.bestBy(c, budget);
      if (expect == Double.NEGATIVE_INFINITY) {
        assertTrue(Double.isNaN(got), "nothing within budget " + budget);
      } else {
        assertEquals(expect, got, 1e-12);
      }
    }
  }

  @Test
  void runsThatNeverReachAThresholdAreStillRankedPerBudget() throws Exception {
    // Neither method reaches 10 (both medians of "decisions to threshold" would be infinite),
    // yet method A is ahead at every budget from 200 on.
    List<LearningCurve> a =
        List.of(curve(100, 1, 3, 5, 5), curve(100, 2, 2, 2, 8), curve(100, 0, 4, 4, 4));
    List<LearningCurve> b =
        List.of(curve(100, 1, 1, 1, 1), curve(100, 2, 1, 1, 1), curve(100, 0, 0, 3, 3));
    for (LearningCurve c : a) {
      assertEquals(-1, c.decisionsTo(10));
    }
    BudgetComparison cmp =
        new BudgetComparison(
            List.of(new BudgetComparison.Method("A", a), new BudgetComparison.Method("B", b)),
            BudgetComparison.budgets(100, 400));
    assertArrayEquals(new long[] {100, 200, 300, 400}, BudgetComparison.budgets(100, 450));
    // A run that has no batch within a budget hides the method's median there, not just itself.
    BudgetComparison partial =
        new BudgetComparison(
            List.of(new BudgetComparison.Method("A", List.of(curve(100, 9), curve(300, 1)))),
            new long[] {100, 300});
    assertTrue(Double.isNaN(partial.stats(0)[0][1]));
    assertEquals(5, partial.stats(0)[1][1], 1e-12);
    double[][] sa = cmp.stats(0);
    double[][] sb = cmp.stats(1);
    // A at 400: bests are max(1,2,3,13/3)=13/3, max(2,2,2,4)=4, max(0,2,8/3,4)=4 → median 4.
    assertArrayEquals(new double[] {4, 4, 13.0 / 3}, sa[3], 1e-12);
    // B at 400: bests 1, 2 (first batch), 2 (mean of 0,3,3) → median 2.
    assertArrayEquals(new double[] {1, 2, 2}, sb[3], 1e-12);
    for (int k = 1; k < 4; k++) {
      assertTrue(sa[k][1] > sb[k][1], "A ahead at budget " + (k + 1) * 100);
    }
    assertTrue(cmp.table().contains("     400    4.00 [  4.00,   4.33]"), cmp.table());
    assertTrue(
        new BudgetComparison(List.of(new BudgetComparison.Method("A", a)), new long[] {50})
            .table()
            .contains("a run has no batch yet"));
    Path png = dir.resolve("budget.png");
    cmp.writePng(png, "test");
    assertTrue(Files.size(png) > 5_000);
  }
}
