package robodog.sim;

import java.util.SplittableRandom;
import org.ode4j.math.DQuaternionC;
import org.ode4j.math.DVector3;
import org.ode4j.math.DVector3C;
import org.ode4j.ode.DBody;

/**
 * A body-mounted IMU at base_link with axes along base_link's: orientation of base_link in odom (w,
 * x, y, z), angular rate (rad/s) and specific force (m/s², +9.81 on z at rest) in base_link, each
 * with zero-mean Gaussian noise from the world's seeded generator.
 *
 * <p>Linear acceleration is the change of the body's velocity over the last control period (what an
 * IMU's anti-alias filter averages to at these rates), so call {@link #afterPeriod} once after each
 * period's physics steps. Simulation thread only; allocation-free.
 */
final class ImuModel {
  private static final double G = 9.81;

  /**
   * Bandwidth of the accelerometer's digital low-pass filter, Hz (an MPU-6050-class IMU set to its
   * 44 Hz filter). Without it the 2 ms velocity differences carry the contact solver's
   * millimetre-per-second jitter as ±2 m/s² noise no real IMU shows.
   */
  static final double ACCEL_BANDWIDTH_HZ = 44;

  private final DBody body;
  private final SplittableRandom noise;
  private final double gyroSigma;
  private final double accelSigma;
  private final double attitudeSigma;
  private final DVector3 scratch = new DVector3();
  private final double[] lastVel = new double[3];
  private final double[] accelWorld = new double[3];

  ImuModel(DBody body, SplittableRandom noise, SimConfig cfg) {
    this.body = body;
    this.noise = noise;
    this.gyroSigma = cfg.imuGyroNoise();
    this.accelSigma = cfg.imuAccelNoise();
    this.attitudeSigma = cfg.imuAttitudeNoise();
    DVector3C v = body.getLinearVel();
    for (int i = 0; i < 3; i++) {
      lastVel[i] = v.get(i);
    }
  }

  /** Updates the acceleration estimate after {@code periodSeconds} of physics. */
  void afterPeriod(double periodSeconds) {
    DVector3C v = body.getLinearVel();
    double alpha = periodSeconds / (periodSeconds + 1 / (2 * Math.PI * ACCEL_BANDWIDTH_HZ));
    for (int i = 0; i < 3; i++) {
      double raw = (v.get(i) - lastVel[i]) / periodSeconds;
      accelWorld[i] += alpha * (raw - accelWorld[i]);
      lastVel[i] = v.get(i);
    }
  }

  /** Writes a noisy reading into the three arrays. */
  void read(double[] quatOut, double[] gyroOut, double[] accelOut) {
    DQuaternionC q = body.getQuaternion();
    // Attitude noise as a small random rotation about x and y (first order in milliradians).
    double nx = attitudeSigma > 0 ? attitudeSigma * noise.nextGaussian() / 2 : 0;
    double ny = attitudeSigma > 0 ? attitudeSigma * noise.nextGaussian() / 2 : 0;
    double w = q.get0();
    double x = q.get1();
    double y = q.get2();
    double z = q.get3();
    double qw = w - x * nx - y * ny;
    double qx = x + w * nx - z * ny;
    double qy = y + w * ny + z * nx;
    double qz = z + x * ny - y * nx;
    double n = Math.sqrt(qw * qw + qx * qx + qy * qy + qz * qz);
    quatOut[0] = qw / n;
    quatOut[1] = qx / n;
    quatOut[2] = qy / n;
    quatOut[3] = qz / n;
    body.vectorFromWorld(body.getAngularVel(), scratch);
    for (int i = 0; i < 3; i++) {
      gyroOut[i] = scratch.get(i) + (gyroSigma > 0 ? gyroSigma * noise.nextGaussian() : 0);
    }
    body.vectorFromWorld(accelWorld[0], accelWorld[1], accelWorld[2] + G, scratch);
    for (int i = 0; i < 3; i++) {
      accelOut[i] = scratch.get(i) + (accelSigma > 0 ? accelSigma * noise.nextGaussian() : 0);
    }
  }
}
