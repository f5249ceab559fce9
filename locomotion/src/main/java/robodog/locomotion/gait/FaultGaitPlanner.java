package robodog.locomotion.gait;

import java.util.ArrayList;
import java.util.List;
import robodog.core.LegId;
import robodog.core.config.RobotDescription;
import robodog.locomotion.ControllerSettings;
import robodog.locomotion.stability.CycleMargin;

/**
 * Plans walking on five legs when one has failed, at start-up (off the control thread):
 *
 * <ol>
 *   <li>the failed leg's same-side neighbours move their neutral footholds toward the gap (yaw
 *       about their coxa axis), which closes the hole in the support polygon;
 *   <li>the body shifts so the centre of mass sits over the centroid of the five footholds;
 *   <li>a five-beat wave (one leg in the air at a time, duty factor 4/5) is derived by trying every
 *       order of the five legs and keeping the one whose worst margin over the cycle is largest.
 * </ol>
 *
 * The result is a {@link Gait} row like any other, so the tick treats it the same way.
 */
public final class FaultGaitPlanner {
  /**
   * The plan for one failed leg.
   *
   * @param gait derived five-leg gait (failed leg offset NaN)
   * @param neutralX footholds, m, by leg ordinal
   * @param neutralY footholds, m
   * @param shiftX body shift that centres the CoM, m
   * @param shiftY body shift, m
   * @param worstMargin worst static margin over the cycle at full stride, m
   */
  public record Plan(
      Gait gait,
      double[] neutralX,
      double[] neutralY,
      double shiftX,
      double shiftY,
      double worstMargin) {}

  private FaultGaitPlanner() {}

  /** Plans five-leg walking with {@code failed} folded. */
  public static Plan plan(
      RobotDescription robot,
      ControllerSettings settings,
      double strideMeters,
      double[] baseNeutralX,
      double[] baseNeutralY,
      LegId failed) {
    double[] nx = baseNeutralX.clone();
    double[] ny = baseNeutralY.clone();
    int f = failed.ordinal();
    double reach = robot.stance().footReachM();
    for (LegId leg : LegId.VALUES) {
      if (leg == failed || leg.isLeft() != failed.isLeft()) {
        continue;
      }
      int i = leg.ordinal();
      if (Math.abs(i - f) != 1) {
        continue; // only direct neighbours on the same side (ordinals lf, lm, lr / rf, rm, rr)
      }
      RobotDescription.LegMount m = robot.mount(leg);
      double best = Double.POSITIVE_INFINITY;
      for (double sign = -1; sign <= 1; sign += 2) {
        double yaw = m.yawRad() + sign * settings.neighbourShift();
        double x = m.xM() + reach * Math.cos(yaw);
        double dist = Math.abs(x - baseNeutralX[f]);
        if (dist < best) {
          best = dist;
          nx[i] = x;
          ny[i] = m.yM() + reach * Math.sin(yaw);
        }
      }
    }
    double cx = 0;
    double cy = 0;
    for (LegId leg : LegId.VALUES) {
      if (leg != failed) {
        cx += nx[leg.ordinal()] / 5;
        cy += ny[leg.ordinal()] / 5;
      }
    }
    double shiftX = cx - robot.body().comXM();
    double shiftY = cy - robot.body().comYM();

    List<Integer> rest = new ArrayList<>();
    for (LegId leg : LegId.VALUES) {
      if (leg != failed) {
        rest.add(leg.ordinal());
      }
    }
    CycleMargin cycle = new CycleMargin();
    Gait best = null;
    double bestMargin = Double.NEGATIVE_INFINITY;
    int[] order = new int[5];
    order[0] = rest.get(0);
    for (int[] perm : permutations4()) {
      for (int k = 0; k < 4; k++) {
        order[k + 1] = rest.get(1 + perm[k]);
      }
      List<Double> offsets = new ArrayList<>();
      for (int i = 0; i < LegId.COUNT; i++) {
        offsets.add(Double.NaN);
      }
      for (int k = 0; k < 5; k++) {
        offsets.set(order[k], k / 5.0);
      }
      Gait g =
          new Gait(
              "wave5-" + failed.shortName(),
              0.8,
              settings.fiveLegCycle(),
              settings.fiveLegStepHeight(),
              List.copyOf(offsets));
      double m = cycle.worst(g, nx, ny, 1 << f, cx, cy, strideMeters);
      if (m > bestMargin) {
        bestMargin = m;
        best = g;
      }
    }
    return new Plan(best, nx, ny, shiftX, shiftY, bestMargin);
  }

  private static List<int[]> permutations4() {
    List<int[]> out = new ArrayList<>();
    for (int a = 0; a < 4; a++) {
      for (int b = 0; b < 4; b++) {
        for (int c = 0; c < 4; c++) {
          for (int d = 0; d < 4; d++) {
            if (a != b && a != c && a != d && b != c && b != d && c != d) {
              out.add(new int[] {a, b, c, d});
            }
          }
        }
      }
    }
    return out;
  }
}
