package robodog.locomotion.terrain;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SlipEstimatorTest {
  private static final double DT = 0.002;
  private static final double[] LEVEL = {1, 0, 0, 0};

  /**
   * Walks 4 s at 0.08 m/s by the legs; the body really moves at {@code bodyFraction} of that after
   * a step change at 2 s, with IMU noise. Returns the largest slip estimate after the change.
   */
  private static double walk(double bodyFraction, double yawSlip) {
    SlipEstimator s = new SlipEstimator(0.2);
    SplittableRandom r = new SplittableRandom(5);
    double[] f = new double[3];
    double body = 0.08;
    double peak = 0;
    for (int k = 0; k < 4 / DT; k++) {
      double t = k * DT;
      double target = t < 2 ? 0.08 : 0.08 * bodyFraction;
      double a = (target - body) / 0.05; // the body reaches its new speed within ~0.1 s
      body += a * DT;
      f[0] = a + 0.05 * r.nextGaussian();
      f[1] = 0.05 * r.nextGaussian();
      f[2] = 9.81 + 0.05 * r.nextGaussian();
      double gyro = (t < 2 ? 0 : yawSlip) + 0.003 * r.nextGaussian();
      s.update(LEVEL, f, gyro, 0.08, 0, 0, true, DT);
      if (t > 2) {
        peak = Math.max(peak, s.slip());
      }
    }
    return peak;
  }

  @Test
  void feetThatGripReadNearZeroAndFeetThatSlideReadTheirSpeed() {
    double grip = walk(1.0, 0);
    double slide = walk(0.2, 0); // on ice: the legs sweep at 0.08, the body makes 0.016
    double turn = walk(1.0, 0.5); // the body yaws 0.5 rad/s the legs never asked for
    assertTrue(grip < 0.01, "gripping feet read " + grip);
    // Only the onset shows: the legs' velocity is the estimator's only long-term reference, so a
    // steady slide fades from it within a few time constants (see the class comment).
    assertTrue(slide > 0.064 / 3, "sliding feet read " + slide);
    assertTrue(turn > TerrainGaitSelector.SLIP_MPS, "an unasked yaw reads " + turn);
  }

  @Test
  void aBodyNotSupportedReadsNoSlip() {
    SlipEstimator s = new SlipEstimator(0.2);
    double[] f = {3, 0, 9.81};
    for (int k = 0; k < 1000; k++) {
      s.update(LEVEL, f, 1, 0.08, 0, 0, false, DT);
    }
    assertTrue(s.slip() < 1e-9, "unsupported: " + s.slip());
  }
}
