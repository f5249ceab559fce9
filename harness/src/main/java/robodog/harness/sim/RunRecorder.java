package robodog.harness.sim;

import java.util.Arrays;
import robodog.core.LegId;

/**
 * Time series of one simulation run, sampled at a fixed decimation of the control rate, for the
 * report and the plots. Arrays grow by doubling outside the control tick (the sim runner records
 * after the tick returns), so recording costs nothing on the hot path.
 *
 * <p>Single-threaded: the sim runner thread.
 */
public final class RunRecorder {
  private int n;
  private double[] t = new double[1024];
  private double[] x = new double[1024];
  private double[] y = new double[1024];
  private double[] z = new double[1024];
  private double[] roll = new double[1024];
  private double[] pitch = new double[1024];
  private double[] margin = new double[1024];
  private double[] trackingRms = new double[1024];
  private int[] swingMask = new int[1024];

  /** Records one sample: time (s), body position (m), roll/pitch (rad), margin (m), etc. */
  public void add(
      double time,
      double bx,
      double by,
      double bz,
      double r,
      double p,
      double stabilityMargin,
      double jointTrackingRmsRad,
      int swing) {
    if (n == t.length) {
      int cap = n * 2;
      t = Arrays.copyOf(t, cap);
      x = Arrays.copyOf(x, cap);
      y = Arrays.copyOf(y, cap);
      z = Arrays.copyOf(z, cap);
      roll = Arrays.copyOf(roll, cap);
      pitch = Arrays.copyOf(pitch, cap);
      margin = Arrays.copyOf(margin, cap);
      trackingRms = Arrays.copyOf(trackingRms, cap);
      swingMask = Arrays.copyOf(swingMask, cap);
    }
    t[n] = time;
    x[n] = bx;
    y[n] = by;
    z[n] = bz;
    roll[n] = r;
    pitch[n] = p;
    margin[n] = stabilityMargin;
    trackingRms[n] = jointTrackingRmsRad;
    swingMask[n] = swing;
    n++;
  }

  public int size() {
    return n;
  }

  public double[] time() {
    return Arrays.copyOf(t, n);
  }

  public double[] x() {
    return Arrays.copyOf(x, n);
  }

  public double[] y() {
    return Arrays.copyOf(y, n);
  }

  public double[] z() {
    return Arrays.copyOf(z, n);
  }

  public double[] roll() {
    return Arrays.copyOf(roll, n);
  }

  public double[] pitch() {
    return Arrays.copyOf(pitch, n);
  }

  public double[] margin() {
    return Arrays.copyOf(margin, n);
  }

  public double[] trackingRms() {
    return Arrays.copyOf(trackingRms, n);
  }

  /** True where {@code leg} was in swing at sample i. */
  public boolean swinging(int i, LegId leg) {
    return (swingMask[i] & (1 << leg.ordinal())) != 0;
  }

  /** Root mean square of a series. */
  public static double rms(double[] v) {
    if (v.length == 0) {
      return 0;
    }
    double s = 0;
    for (double d : v) {
      s += d * d;
    }
    return Math.sqrt(s / v.length);
  }
}
