package robodog.sim.camera;

import java.util.SplittableRandom;

/**
 * Light and sensor response of a rendered frame: a sun (direction, intensity), sky ambient,
 * exposure gain, white balance, and sensor noise. Linear radiometry, then the sRGB curve.
 * Immutable; any thread.
 *
 * @param sunAzimuthRad direction the sun is in, about +z from +x, rad
 * @param sunElevationRad sun height above the horizon, rad (> 0)
 * @param sun direct light intensity (1 = bright day)
 * @param ambient sky light intensity on an upward face
 * @param exposure gain applied before the sRGB curve
 * @param wbR red gain (white balance; 1 = neutral)
 * @param wbB blue gain
 * @param noiseSigma colour noise, standard deviation in 8-bit levels
 * @param depthNoise depth noise coefficient k: sigma = k·z² (m⁻¹; a stereo camera is ~0.003)
 */
public record Lighting(
    double sunAzimuthRad,
    double sunElevationRad,
    double sun,
    double ambient,
    double exposure,
    double wbR,
    double wbB,
    double noiseSigma,
    double depthNoise) {

  /** A clear afternoon, neutral camera, mild noise. */
  public static final Lighting DEFAULT =
      new Lighting(Math.toRadians(-40), Math.toRadians(50), 1.0, 0.45, 0.75, 1, 1, 2.0, 0.0);

  /** Same light, no colour or depth noise: for tests that compare pixels or depths exactly. */
  public Lighting noiseless() {
    return new Lighting(sunAzimuthRad, sunElevationRad, sun, ambient, exposure, wbR, wbB, 0, 0);
  }

  /**
   * Randomised daylight for training data: any sun azimuth, elevation 15–80°, overcast (weak sun,
   * strong ambient) to harsh sun, exposure 0.45–1.05, white balance ±12 %, noise 1–6 levels.
   */
  public static Lighting random(SplittableRandom r) {
    double overcast = r.nextDouble();
    double sun = 1.2 * (1 - overcast) + 0.1;
    double ambient = 0.25 + 0.6 * overcast;
    return new Lighting(
        2 * Math.PI * r.nextDouble(),
        Math.toRadians(15 + 65 * r.nextDouble()),
        sun,
        ambient,
        0.45 + 0.6 * r.nextDouble(),
        0.88 + 0.24 * r.nextDouble(),
        0.88 + 0.24 * r.nextDouble(),
        1 + 5 * r.nextDouble(),
        0);
  }
}
