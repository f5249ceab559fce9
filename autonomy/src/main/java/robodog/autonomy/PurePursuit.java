package robodog.autonomy;

/**
 * Pure-pursuit path tracker (Coulter 1992) for a robot that can also turn on the spot: steer along
 * the arc through a point {@code lookahead} metres further along the path; when that point is well
 * off to the side (more than 60°), turn in place first. Speed ramps with the ride profile's
 * acceleration and slows into the end of the path. Mutable; one thread (the autonomy thread).
 */
public final class PurePursuit {
  private static final double TURN_IN_PLACE_RAD = Math.toRadians(60);

  private final double lookaheadM;
  private final double[] p = new double[2];
  private Polyline path;
  private double progress;
  private double speed;

  /** Output of the last {@link #step}: m/s and rad/s. */
  public double vx;

  public double yawRate;

  public PurePursuit(double lookaheadM) {
    this.lookaheadM = lookaheadM;
  }

  /** Starts following {@code path} from its nearest point to (x, y) within 1 m of its start. */
  public void follow(Polyline path, double x, double y) {
    follow(path, x, y, 0);
  }

  /**
   * Starts following {@code path} from its nearest point to (x, y) within 2 m of arc length hint.
   */
  public void follow(Polyline path, double x, double y, double hint) {
    this.path = path;
    this.progress =
        path.project(
            x, y, Math.max(0, hint - 2), Math.min(path.length(), hint + (hint == 0 ? 1 : 2)));
  }

  public Polyline path() {
    return path;
  }

  /** Arc length of the robot's projection on the path, m. */
  public double progress() {
    return progress;
  }

  /** Distance along the path still to go, m. */
  public double remaining() {
    return path.length() - progress;
  }

  /** Forgets the current speed (after a stop). */
  public void resetSpeed() {
    speed = 0;
  }

  /**
   * One tracker step from the pose (x, y, yaw) in the path's frame.
   *
   * @param dt seconds since the last step
   * @param stopAtEndTolM distance from the end at which the robot stops
   * @return true when within {@code stopAtEndTolM} of the end of the path (then vx = yawRate = 0)
   */
  public boolean step(
      double x, double y, double yaw, double dt, RideProfile prof, double stopAtEndTolM) {
    progress = path.project(x, y, progress, Math.min(path.length(), progress + 1.0));
    path.pointAt(path.length(), p);
    double toEnd = Math.hypot(p[0] - x, p[1] - y);
    if (remaining() < stopAtEndTolM + 0.05 && toEnd < stopAtEndTolM) {
      vx = 0;
      yawRate = 0;
      speed = 0;
      return true;
    }
    path.pointAt(progress + lookaheadM, p);
    double dx = p[0] - x;
    double dy = p[1] - y;
    double alpha = Math.atan2(dy, dx) - yaw;
    alpha = Math.atan2(Math.sin(alpha), Math.cos(alpha));
    double dist = Math.max(1e-3, Math.hypot(dx, dy));
    double target;
    if (Math.abs(alpha) > TURN_IN_PLACE_RAD) {
      target = 0;
    } else {
      // Slow into the end: v² = 2 a d, never below a crawl that still makes progress.
      target = Math.min(prof.maxSpeedMps(), Math.sqrt(2 * prof.maxAccelMps2() * toEnd) + 0.01);
      target *= Math.max(0.3, Math.cos(alpha));
    }
    double dv = prof.maxAccelMps2() * dt;
    speed = Math.max(speed - dv, Math.min(speed + dv, target));
    vx = speed;
    if (Math.abs(alpha) > TURN_IN_PLACE_RAD) {
      yawRate = Math.copySign(prof.maxYawRate(), alpha);
    } else {
      double curvature = 2 * Math.sin(alpha) / dist;
      // A slow robot still needs to turn: at least a fraction of the profile's turn rate.
      double w = curvature * Math.max(speed, 0.03);
      yawRate = Math.max(-prof.maxYawRate(), Math.min(prof.maxYawRate(), w));
    }
    return false;
  }
}
