package robodog.harness.sim;

import robodog.sim.SimWorld;

/**
 * What the payload feels: the RMS over a run of the magnitude of the linear acceleration of the
 * payload's centre of mass (a point fixed in base_link), gravity not included, so 0 for a body at
 * rest or moving steadily. Sampled from the world's ground truth every {@link #PERIOD_S} s: the
 * point's velocity (body velocity + ω × R·c) is differenced over each 20 ms window, which is the
 * mean acceleration over the window, a box filter that leaves out contact chatter above ~25 Hz as
 * an accelerometer's low-pass would. The first {@link #SETTLE_S} s (the body settling on its feet)
 * are not counted. Preallocated; single-threaded (the sim runner).
 */
public final class PayloadAccel {
  /** Sample period, s. */
  public static final double PERIOD_S = 0.02;

  /** Time before which samples are not counted, s. */
  static final double SETTLE_S = 0.5;

  private final double cx;
  private final double cy;
  private final double cz;
  private final double[] rpy = new double[3];
  private final double[] v = new double[3];
  private final double[] w = new double[3];
  private final double[] prev = new double[3];
  private boolean primed;
  private double prevT;
  private double sumSq;
  private long n;

  /** The point (cx, cy, cz) in base_link, m. */
  public PayloadAccel(double cx, double cy, double cz) {
    this.cx = cx;
    this.cy = cy;
    this.cz = cz;
  }

  /** Takes a sample at simulated time t, s (call every {@link #PERIOD_S}). */
  public void sample(double t, SimWorld world) {
    world.bodyRpy(rpy);
    double cr = Math.cos(rpy[0]);
    double sr = Math.sin(rpy[0]);
    double cp = Math.cos(rpy[1]);
    double sp = Math.sin(rpy[1]);
    double cyw = Math.cos(rpy[2]);
    double syw = Math.sin(rpy[2]);
    // r = R·c with R = Rz(yaw)·Ry(pitch)·Rx(roll) (REP-103 fixed axes x-y-z).
    double ux = cx;
    double uy = cr * cy - sr * cz;
    double uz = sr * cy + cr * cz;
    double tx = cp * ux + sp * uz;
    double tz = -sp * ux + cp * uz;
    double rx = cyw * tx - syw * uy;
    double ry = syw * tx + cyw * uy;
    double rz = tz;
    world.bodyLinearVelocity(v);
    world.bodyAngularVelocity(w);
    double px = v[0] + w[1] * rz - w[2] * ry;
    double py = v[1] + w[2] * rx - w[0] * rz;
    double pz = v[2] + w[0] * ry - w[1] * rx;
    if (primed && t >= SETTLE_S) {
      double dt = t - prevT;
      double ax = (px - prev[0]) / dt;
      double ay = (py - prev[1]) / dt;
      double az = (pz - prev[2]) / dt;
      sumSq += ax * ax + ay * ay + az * az;
      n++;
    }
    prev[0] = px;
    prev[1] = py;
    prev[2] = pz;
    prevT = t;
    primed = true;
  }

  /** RMS of |a| over the counted samples, m/s²; 0 before any. */
  public double rms() {
    return n == 0 ? 0 : Math.sqrt(sumSq / n);
  }
}
