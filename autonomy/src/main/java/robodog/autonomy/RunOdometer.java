package robodog.autonomy;

import java.util.List;

/**
 * Where a run is and how far it has come: the robot's pose in the route frame (odometry through the
 * marker-corrected {@link Relocaliser}), the distance walked and the time under way (both counted
 * only while the run moves on), and the speed over the last step. Mutable; the autonomy thread
 * only.
 */
final class RunOdometer {
  private final Relocaliser reloc = new Relocaliser();
  private final double[] pose = new double[3];
  private double distance;
  private double underWayS;
  private double lastT = Double.NaN;
  private double lastX = Double.NaN;
  private double lastY;
  private double speed;

  /** Takes odom pose (ox, oy, oyaw) to be route pose (rx, ry, ryaw); m and rad. */
  void anchor(double ox, double oy, double oyaw, double rx, double ry, double ryaw) {
    reloc.anchor(ox, oy, oyaw, rx, ry, ryaw);
  }

  /** Distance walked (m) and time under way (s) of a run saved before a restart. */
  void restore(double distanceM, double durationS) {
    distance = distanceM;
    underWayS = durationS;
  }

  /**
   * The step's length on the autonomy clock: seconds since the last call, within [0, 0.5] s (a
   * stall does not count as a long walk); 0 on the first call.
   */
  double tick(double tS) {
    double dt = Double.isNaN(lastT) ? 0 : Math.max(0, Math.min(0.5, tS - lastT));
    lastT = tS;
    return dt;
  }

  /**
   * Puts the odometry pose (m, m, rad) into the route frame.
   *
   * @return how far that is from the pose the last step ended at, m (0 on the first step)
   */
  double locate(double ox, double oy, double oyaw) {
    reloc.toRoute(ox, oy, oyaw, pose);
    return Double.isNaN(lastX) ? 0 : Math.hypot(pose[0] - lastX, pose[1] - lastY);
  }

  /**
   * Corrects the route pose with the markers in view.
   *
   * @return the largest correction applied, m (0 when none of the route's markers was in view)
   */
  double correct(Route route, List<MarkerSighting> seen) {
    return seen.isEmpty() ? 0 : reloc.observe(route, pose, seen);
  }

  /**
   * Ends the step: adds {@code movedM} and {@code dt} (s) to the run's totals when it is under way,
   * and keeps the speed and the pose the next step measures from.
   */
  void count(double movedM, double dt, boolean underWay) {
    if (underWay) {
      distance += movedM;
      underWayS += dt;
    }
    speed = dt > 0 ? movedM / dt : 0;
    lastX = pose[0];
    lastY = pose[1];
  }

  /** The route pose after the last step (x, y, yaw), m and rad; the live array, not a copy. */
  double[] pose() {
    return pose;
  }

  double distanceM() {
    return distance;
  }

  double underWayS() {
    return underWayS;
  }

  double speedMps() {
    return speed;
  }

  /** Marker sightings that moved the route frame, since the run started. */
  long corrections() {
    return reloc.corrections();
  }
}
