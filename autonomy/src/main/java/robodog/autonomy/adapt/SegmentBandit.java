package robodog.autonomy.adapt;

import java.util.List;
import robodog.autonomy.store.SegmentResult;

/**
 * The choice of arm for one segment from that segment's own history: a local successive search with
 * bounded exploration. Rules, in order:
 *
 * <ol>
 *   <li>No history: the ride profile's own setting ({@link Arm#BASE}).
 *   <li>The last run on this segment fell, recovered its balance or slipped more than {@link
 *       #BAD_SLIP_MPS}: no exploration, the best arm so far.
 *   <li>Fewer than {@link #MAX_TRIED} arms tried and an untried arm adjacent to the best so far
 *       (one speed or step-height notch): that arm, one that goes on in the direction that led from
 *       the base to the best first, else in {@link Arm#allowed} order.
 *   <li>Otherwise the arm of lowest mean cost (ties: the earlier in allowed order).
 * </ol>
 *
 * Cost of one result ({@link #cost}): payload RMS × (1 + max(0, time / base time − 1)), × {@link
 * #RECOVERY_FACTOR} per balance recovery, × {@link #FALL_FACTOR} on a fall; the base time is the
 * mean time of the profile's own setting on the segment. Pure; any thread.
 */
public final class SegmentBandit {
  /** Foot slip above which the segment counts as slippery and is not explored next time, m/s. */
  public static final double BAD_SLIP_MPS = 0.08;

  /** Arms tried per segment at most, the base included. */
  public static final int MAX_TRIED = 6;

  public static final double RECOVERY_FACTOR = 3;
  public static final double FALL_FACTOR = 10;

  private SegmentBandit() {}

  /** The cost defined above (lower is better). */
  public static double cost(
      double rmsMps2, double timeS, double baseTimeS, int recoveries, boolean fell) {
    double c = rmsMps2 * (1 + Math.max(0, timeS / baseTimeS - 1));
    c *= Math.pow(RECOVERY_FACTOR, Math.min(recoveries, 5));
    return fell ? c * FALL_FACTOR : c;
  }

  /** Mean time of {@link Arm#BASE} in {@code history}, or of every result without one, s. */
  public static double baseTimeS(List<SegmentResult> history, double otherwiseS) {
    double sum = 0;
    int n = 0;
    for (SegmentResult r : history) {
      if (r.arm().equals(Arm.BASE.name()) && !r.fell()) {
        sum += r.timeS();
        n++;
      }
    }
    return n > 0 ? sum / n : otherwiseS;
  }

  /** The arm for the next run on a segment with {@code history} (oldest first). */
  public static Arm choose(List<Arm> allowed, List<SegmentResult> history) {
    if (history.isEmpty()) {
      return Arm.BASE;
    }
    Arm best = best(allowed, history);
    SegmentResult last = history.get(history.size() - 1);
    if (last.fell() || last.recoveries() > 0 || last.slipMps() > BAD_SLIP_MPS) {
      return best;
    }
    int tried = 0;
    for (Arm a : allowed) {
      if (count(history, a) > 0) {
        tried++;
      }
    }
    if (tried < MAX_TRIED) {
      int ds = best.speedIndex() - Arm.BASE.speedIndex();
      int dh = best.heightIndex() - Arm.BASE.heightIndex();
      Arm other = null;
      for (Arm a : allowed) {
        if (count(history, a) == 0 && a.neighbourOf(best)) {
          int cs = a.speedIndex() - best.speedIndex();
          int ch = a.heightIndex() - best.heightIndex();
          if (cs * ds > 0 || ch * dh > 0) {
            return a; // further the way that has paid so far
          }
          if (other == null) {
            other = a;
          }
        }
      }
      if (other != null) {
        return other;
      }
    }
    return best;
  }

  /** The tried arm of lowest mean cost; {@link Arm#BASE} when none of {@code allowed} was tried. */
  public static Arm best(List<Arm> allowed, List<SegmentResult> history) {
    Arm best = Arm.BASE;
    double bestCost = Double.POSITIVE_INFINITY;
    for (Arm a : allowed) {
      double m = meanCost(history, a);
      if (m < bestCost) {
        bestCost = m;
        best = a;
      }
    }
    return best;
  }

  /** Mean cost of {@code a} in {@code history}; +∞ when never tried. */
  public static double meanCost(List<SegmentResult> history, Arm a) {
    String n = a.name();
    double sum = 0;
    int k = 0;
    for (SegmentResult r : history) {
      if (r.arm().equals(n)) {
        sum += r.cost();
        k++;
      }
    }
    return k == 0 ? Double.POSITIVE_INFINITY : sum / k;
  }

  private static int count(List<SegmentResult> history, Arm a) {
    String n = a.name();
    int k = 0;
    for (SegmentResult r : history) {
      if (r.arm().equals(n)) {
        k++;
      }
    }
    return k;
  }
}
