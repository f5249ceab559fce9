package robodog.learning.runtime;

import robodog.core.GaitSetting;
import robodog.core.Joints;
import robodog.core.LegId;
import robodog.core.Telemetry;

/**
 * The policy's observation, built from a window of telemetry samples (taken at ~50 Hz) between two
 * decisions: what the robot senses itself, so the same code serves the simulator and the robot.
 *
 * <pre>
 *  0 roll mean, rad          1 pitch mean, rad        2 roll std, rad      3 pitch std, rad
 *  4 gyro RMS, rad/s         5 body acceleration RMS about its mean (payload ride), m/s²
 *  6 contact timing error: fraction of leg samples whose foot contact disagrees with the plan
 *  7 joint tracking RMS, rad 8 stability margin mean, m   9 commanded vx after limits, m/s
 * 10 payload mass, kg        11.. one-hot current gait (g entries)
 * then the current speed scale, step height and body height on their [-1, 1] action scale
 * </pre>
 *
 * <p>One instance per thread; {@link #add} and {@link #observe} allocate nothing.
 */
public final class TerrainFeatures {
  private static final int BASE = 11;
  private final int gaits;
  private final double neutralBodyHeight;
  // Volatile: the operator declares a new payload on the link's thread; the runner reads it.
  private volatile double payloadKg;
  private int n;
  private double sRoll;
  private double sRoll2;
  private double sPitch;
  private double sPitch2;
  private double sGyro2;
  private final double[] sAcc = new double[3];
  private double sAcc2;
  private long legSamples;
  private long contactErrors;
  private double sTrack2;
  private double sMargin;
  private double lastVx;
  private int lastGait;

  /** A new declared payload mass, kg, for the observations from now on. Any thread. */
  public void setPayloadKg(double kg) {
    payloadKg = kg;
  }

  public TerrainFeatures(int gaits, double neutralBodyHeight, double payloadKg) {
    this.gaits = gaits;
    this.neutralBodyHeight = neutralBodyHeight;
    this.payloadKg = payloadKg;
  }

  /** Observation length for {@code gaits} table gaits. */
  public static int size(int gaits) {
    return BASE + gaits + 3;
  }

  public int size() {
    return size(gaits);
  }

  /** Adds one telemetry sample to the window. */
  public void add(Telemetry t) {
    double w = t.imuOrientation[0];
    double x = t.imuOrientation[1];
    double y = t.imuOrientation[2];
    double z = t.imuOrientation[3];
    double roll = Math.atan2(2 * (w * x + y * z), 1 - 2 * (x * x + y * y));
    double pitch = Math.asin(Math.max(-1, Math.min(1, 2 * (w * y - z * x))));
    n++;
    sRoll += roll;
    sRoll2 += roll * roll;
    sPitch += pitch;
    sPitch2 += pitch * pitch;
    for (int i = 0; i < 3; i++) {
      double g = t.imuAngularVelocity[i];
      sGyro2 += g * g;
      double a = t.imuLinearAcceleration[i];
      sAcc[i] += a;
      sAcc2 += a * a;
    }
    for (int i = 0; i < LegId.COUNT; i++) {
      if ((t.failedLegMask & (1 << i)) != 0) {
        continue;
      }
      boolean planned = (t.swingMask & (1 << i)) == 0;
      boolean touching = (t.contactMask & (1 << i)) != 0;
      legSamples++;
      if (planned != touching) {
        contactErrors++;
      }
    }
    for (int j = 0; j < Joints.COUNT; j++) {
      double e = t.jointTarget[j] - t.jointPosition[j];
      sTrack2 += e * e;
    }
    sMargin += t.stabilityMargin;
    lastVx = t.vx;
    lastGait = t.gaitIndex;
  }

  /** Samples in the current window. */
  public int samples() {
    return n;
  }

  /**
   * Writes the observation of the current window and the setting now in force into {@code out},
   * then starts a new window.
   */
  public void observe(GaitSetting current, double[] out) {
    int m = Math.max(1, n);
    double mr = sRoll / m;
    double mp = sPitch / m;
    out[0] = mr;
    out[1] = mp;
    out[2] = Math.sqrt(Math.max(0, sRoll2 / m - mr * mr));
    out[3] = Math.sqrt(Math.max(0, sPitch2 / m - mp * mp));
    out[4] = Math.sqrt(sGyro2 / m);
    double mean2 = 0;
    for (int i = 0; i < 3; i++) {
      double a = sAcc[i] / m;
      mean2 += a * a;
    }
    out[5] = Math.sqrt(Math.max(0, sAcc2 / m - mean2));
    out[6] = legSamples > 0 ? (double) contactErrors / legSamples : 0;
    out[7] = Math.sqrt(sTrack2 / (m * (double) Joints.COUNT));
    out[8] = sMargin / m;
    out[9] = lastVx;
    out[10] = payloadKg;
    for (int g = 0; g < gaits; g++) {
      out[BASE + g] = (current.active ? current.gaitIndex : lastGait) == g ? 1 : 0;
    }
    double speed = current.active ? current.speedScale : 1;
    double step = current.active ? current.stepHeight : 0.04;
    double body = current.active ? current.bodyHeight - neutralBodyHeight : 0;
    out[BASE + gaits] =
        TerrainActions.unlerp(TerrainActions.SPEED_MIN, TerrainActions.SPEED_MAX, speed);
    out[BASE + gaits + 1] =
        TerrainActions.unlerp(TerrainActions.STEP_MIN, TerrainActions.STEP_MAX, step);
    out[BASE + gaits + 2] =
        TerrainActions.unlerp(-TerrainActions.BODY_DELTA, TerrainActions.BODY_DELTA, body);
    reset();
  }

  /** Body acceleration RMS about its mean over the current window, m/s² (for rewards). */
  public double accelerationRms() {
    int m = Math.max(1, n);
    double mean2 = 0;
    for (int i = 0; i < 3; i++) {
      double a = sAcc[i] / m;
      mean2 += a * a;
    }
    return Math.sqrt(Math.max(0, sAcc2 / m - mean2));
  }

  /** Empties the window. */
  public void reset() {
    n = 0;
    sRoll = sRoll2 = sPitch = sPitch2 = sGyro2 = sAcc2 = sTrack2 = sMargin = 0;
    sAcc[0] = sAcc[1] = sAcc[2] = 0;
    legSamples = contactErrors = 0;
  }
}
