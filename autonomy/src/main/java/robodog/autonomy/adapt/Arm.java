package robodog.autonomy.adapt;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import robodog.autonomy.RideProfile;

/**
 * One setting the learner may walk a segment with, inside the dispatched ride profile: the
 * profile's gait (a profile allows exactly one), a speed scale in (0, 1] applied to the profile's
 * route-tracking velocity (so never faster than the profile), and a step height. Immutable.
 *
 * @param speedScale factor on the commanded forward speed and turn rate, in (0, 1]
 * @param stepHeightM swing height, m, or NaN for the gait's own
 */
public record Arm(double speedScale, double stepHeightM) {
  /** Speed scales tried: the profile's own speed first. */
  public static final double[] SPEED_SCALES = {1.0, 0.85, 0.7};

  /**
   * Step heights tried, m, lowest first; NaN is the gait's own (4 cm for ripple and tetrapod), so
   * it sits between 3 and 5 cm and a notch is always a step in height.
   */
  public static final double[] STEP_HEIGHTS_M = {0.02, 0.03, Double.NaN, 0.05};

  /** The profile's own setting: full profile speed, the gait's own step height. */
  public static final Arm BASE = new Arm(1.0, Double.NaN);

  public Arm {
    if (!(speedScale > 0 && speedScale <= 1)) {
      throw new IllegalArgumentException(
          "arm speed scale: expected (0, 1] (never faster than the ride profile), got "
              + speedScale);
    }
    if (!Double.isNaN(stepHeightM) && !(stepHeightM >= 0.02 && stepHeightM <= 0.07)) {
      throw new IllegalArgumentException(
          "arm step height: expected NaN or [0.02, 0.07] m, got " + stepHeightM);
    }
  }

  /**
   * The arms allowed under {@code profile}: every speed scale × step height. The profile fixes gait
   * and body height, so the arms vary only what it leaves open.
   */
  public static List<Arm> allowed(RideProfile profile) {
    List<Arm> out = new ArrayList<>();
    for (double s : SPEED_SCALES) {
      for (double h : STEP_HEIGHTS_M) {
        out.add(new Arm(s, h));
      }
    }
    return List.copyOf(out);
  }

  /** Adjacent arms: one speed or one step-height notch away. */
  public boolean neighbourOf(Arm o) {
    return Math.abs(speedIndex() - o.speedIndex()) + Math.abs(heightIndex() - o.heightIndex()) == 1;
  }

  /** Position in {@link #SPEED_SCALES}; -10 for a scale not in it. */
  public int speedIndex() {
    return index(SPEED_SCALES, speedScale);
  }

  /** Position in {@link #STEP_HEIGHTS_M}; -10 for a height not in it. */
  public int heightIndex() {
    return index(STEP_HEIGHTS_M, stepHeightM);
  }

  private static int index(double[] a, double v) {
    for (int i = 0; i < a.length; i++) {
      if (Double.compare(a[i], v) == 0) {
        return i;
      }
    }
    return -10;
  }

  /** Its stored name, e.g. {@code s0.85/h0.030} or {@code s1.00/h-own}. */
  public String name() {
    return String.format(
        Locale.ROOT,
        "s%.2f/h%s",
        speedScale,
        Double.isNaN(stepHeightM) ? "-own" : String.format(Locale.ROOT, "%.3f", stepHeightM));
  }

  /** The arm a stored name denotes. */
  public static Arm parse(String name) {
    try {
      String[] p = name.split("/h", 2);
      double s = Double.parseDouble(p[0].substring(1));
      double h = p[1].equals("-own") ? Double.NaN : Double.parseDouble(p[1]);
      return new Arm(s, h);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(
          "arm name '" + name + "': expected s<scale>/h<step m> or s<scale>/h-own", e);
    }
  }
}
