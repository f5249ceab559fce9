package robodog.autonomy;

import java.util.List;

/**
 * Maps the live odom frame onto a route's frame (the odom frame of the teaching run): route = R(θ)
 * · odom + t. Odometry drifts with foot slip; when a marker seen while teaching is seen again, the
 * translation is pulled towards the value that puts the marker where it was taught. Mutable; the
 * autonomy thread.
 */
public final class Relocaliser {
  /** Fraction of the observed error corrected per sighting; filters detection noise. */
  private static final double GAIN = 0.5;

  /** A sighting implying a correction larger than this is treated as a mis-detection. */
  private static final double MAX_JUMP_M = 1.0;

  private double tx;
  private double ty;
  private double th;
  private long corrections;

  /** Sets the transform so that odom pose (ox, oy, oyaw) is route pose (rx, ry, ryaw). */
  public void anchor(double ox, double oy, double oyaw, double rx, double ry, double ryaw) {
    th = ryaw - oyaw;
    double c = Math.cos(th);
    double s = Math.sin(th);
    tx = rx - (c * ox - s * oy);
    ty = ry - (s * ox + c * oy);
  }

  /** Odom pose → route pose, into out[0..2] (m, m, rad). */
  public void toRoute(double ox, double oy, double oyaw, double[] out) {
    double c = Math.cos(th);
    double s = Math.sin(th);
    out[0] = c * ox - s * oy + tx;
    out[1] = s * ox + c * oy + ty;
    double y = oyaw + th;
    out[2] = Math.atan2(Math.sin(y), Math.cos(y));
  }

  /**
   * Corrects with the markers in view.
   *
   * @param routePose the robot's route pose before correction (x, y, yaw)
   * @return the largest correction applied this call, m (0 when no known marker was in view)
   */
  public double observe(Route route, double[] routePose, List<MarkerSighting> seen) {
    double applied = 0;
    double c = Math.cos(routePose[2]);
    double s = Math.sin(routePose[2]);
    for (int i = 0; i < seen.size(); i++) {
      MarkerSighting m = seen.get(i);
      Landmark l = route.landmark(m.id());
      if (l == null) {
        continue;
      }
      double mx = routePose[0] + c * m.x() - s * m.y();
      double my = routePose[1] + s * m.x() + c * m.y();
      double ex = l.x() - mx;
      double ey = l.y() - my;
      double e = Math.hypot(ex, ey);
      if (e > MAX_JUMP_M) {
        continue;
      }
      tx += GAIN * ex;
      ty += GAIN * ey;
      routePose[0] += GAIN * ex;
      routePose[1] += GAIN * ey;
      applied = Math.max(applied, GAIN * e);
      corrections++;
    }
    return applied;
  }

  /** Sightings that moved the frame, since start. */
  public long corrections() {
    return corrections;
  }
}
