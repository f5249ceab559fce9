package robodog.harness.mission;

import java.util.Random;
import robodog.core.perception.Landmarks;

/**
 * ArUco markers standing beside a simulated course, seen from the robot's true pose (simulation
 * ground truth) through a camera cone: what perception's Landmarks message would report, with a
 * centimetre of noise, in perception's {@link Landmarks} message. Stands in for the simulated
 * camera and ArUco detector (wip/simcam, perception) in fast closed-loop tests. One thread.
 */
public final class MarkerField {
  /** Camera half field of view, rad, and range limits, m. */
  static final double HALF_FOV = Math.toRadians(35);

  static final double MIN_RANGE_M = 0.3;
  static final double MAX_RANGE_M = 1.8;

  private final int[] ids;
  private final double[] xs;
  private final double[] ys;
  private final Random noise;
  private final double sigmaM;

  /**
   * @param xy marker positions in the world, x y pairs, m; ids are 0, 1, ...
   */
  public MarkerField(double[] xy, long seed, double sigmaM) {
    int n = xy.length / 2;
    ids = new int[n];
    xs = new double[n];
    ys = new double[n];
    for (int i = 0; i < n; i++) {
      ids[i] = i;
      xs[i] = xy[2 * i];
      ys[i] = xy[2 * i + 1];
    }
    noise = new Random(seed);
    this.sigmaM = sigmaM;
  }

  /** Markers beside the equipment-run course (world x, y), as the shipped route was taught with. */
  public static final double[] EQUIPMENT_RUN = {
    1.5,
    -0.45,
    2.7,
    0.8,
    3.9,
    0.05,
    5.0,
    1.1,
    6.3,
    0.5,
    // After the steps and after the ice, where feet slip and odometry drifts most.
    7.9,
    -0.6,
    9.0,
    0.6
  };

  /** How many markers stand in the field. */
  public int size() {
    return ids.length;
  }

  /** No markers. */
  public static MarkerField none() {
    return new MarkerField(new double[0], 0, 0);
  }

  /**
   * Fills {@code out} (perception's message, as the ArUco detector would) with the markers seen
   * from true pose (x, y, yaw) in world coordinates.
   */
  public void seen(double x, double y, double yaw, Landmarks out) {
    out.clear();
    double c = Math.cos(yaw);
    double s = Math.sin(yaw);
    for (int i = 0; i < ids.length; i++) {
      double dx = xs[i] - x;
      double dy = ys[i] - y;
      double bx = c * dx + s * dy;
      double by = -s * dx + c * dy;
      double r = Math.hypot(bx, by);
      if (r < MIN_RANGE_M || r > MAX_RANGE_M || Math.abs(Math.atan2(by, bx)) > HALF_FOV) {
        continue;
      }
      double mx = bx + noise.nextGaussian() * sigmaM;
      double my = by + noise.nextGaussian() * sigmaM;
      out.add(ids[i], mx, my, 0.1, Math.PI, Math.hypot(mx, my), 0.9);
    }
  }
}
