package robodog.autonomy;

import java.util.Locale;

/**
 * Following a route: the pure-pursuit tracker on the route itself, on a detour round an obstacle,
 * or on a slice of the route (the way home, a comms-loss policy's walk); the progress along the
 * route itself, whichever path the tracker is on; and the waypoints reached or missed on the way.
 * Reads the run's live route pose. Mutable; the autonomy thread only.
 */
final class RouteFollower {
  /** What a step along the route did. */
  enum Step {
    /** Walking on. */
    MOVING,
    /** At the end of a detour, back on the route: stands for this step. */
    REJOINED,
    /** At the last waypoint. */
    ARRIVED
  }

  private final Route route;
  private final Polyline path;
  private final PurePursuit tracker = new PurePursuit(0.35);
  private final RunIncidents log;
  private final double[] pose;
  private int next = 1;
  // Progress along the route itself, m (the tracker may be on a detour or a slice of it).
  private double mainProgress;
  private Polyline detour;

  /**
   * @param pose the run's route pose (x, y, yaw; m and rad), read at each call
   */
  RouteFollower(Route route, RunIncidents log, double[] pose) {
    this.route = route;
    this.path = Polyline.of(route.waypoints());
    this.log = log;
    this.pose = pose;
    tracker.follow(path, route.waypoints().get(0).x(), route.waypoints().get(0).y());
  }

  /**
   * Continues a saved run towards waypoint {@code nextWaypoint} from route position (rx, ry), m.
   */
  void restore(int nextWaypoint, double rx, double ry) {
    next = Math.max(1, Math.min(route.waypoints().size(), nextWaypoint));
    mainProgress = path.sAt(next - 1);
    tracker.follow(path, rx, ry, mainProgress);
    mainProgress = tracker.progress();
  }

  /** Index of the next waypoint to reach (== size when all were reached). */
  int next() {
    return next;
  }

  boolean allReached() {
    return next >= route.waypoints().size();
  }

  /** Progress along the route itself, m. */
  double mainProgress() {
    return mainProgress;
  }

  /** Along the route still to go, m. */
  double distanceLeftM() {
    return Math.max(0, path.length() - mainProgress);
  }

  /** The route as a polyline (for obstacle checks and detours). */
  Polyline path() {
    return path;
  }

  boolean onDetour() {
    return detour != null;
  }

  /** Back on the route where the robot stands, near the progress made. */
  void rejoin() {
    tracker.follow(path, pose[0], pose[1], mainProgress);
  }

  /** Along the route back to its start. */
  void followHome() {
    tracker.follow(path.slice(mainProgress, 0), pose[0], pose[1]);
  }

  /** Along the route from arc length {@code fromS} to {@code toS}, m (backwards when smaller). */
  void followSlice(double fromS, double toS) {
    tracker.follow(path.slice(fromS, toS), pose[0], pose[1]);
  }

  /** On to the next waypoint, where the slice ends. */
  void followToNextWaypoint() {
    followSlice(mainProgress, path.sAt(next));
  }

  /** Round an obstacle; the route is rejoined at the detour's end. */
  void startDetour(Polyline d) {
    detour = d;
    tracker.follow(d, pose[0], pose[1]);
  }

  /** Forgets the tracker's speed: the robot stands. */
  void stop() {
    tracker.resetSpeed();
  }

  /** The tracker's command from the last step: forward speed, m/s. */
  double vx() {
    return tracker.vx;
  }

  /** The tracker's command from the last step: turn rate, rad/s. */
  double yawRate() {
    return tracker.yawRate;
  }

  /** One step along the route, or along the detour and back onto the route. */
  Step stepRunning(double dt, RideProfile profile) {
    if (detour != null) {
      boolean end = tracker.step(pose[0], pose[1], pose[2], dt, profile, 0.1);
      mainProgress =
          path.project(pose[0], pose[1], mainProgress, Math.min(path.length(), mainProgress + 1.5));
      advanceWaypoints();
      if (end) {
        detour = null;
        tracker.follow(path, pose[0], pose[1], mainProgress);
        log.add("rejoined", "back on the route");
        return Step.REJOINED;
      }
      return Step.MOVING;
    }
    boolean end =
        tracker.step(
            pose[0],
            pose[1],
            pose[2],
            dt,
            profile,
            route.waypoints().get(route.waypoints().size() - 1).toleranceM() * 0.5);
    mainProgress = tracker.progress();
    advanceWaypoints();
    return end && allReached() ? Step.ARRIVED : Step.MOVING;
  }

  /**
   * One step along the slice set by {@link #followSlice} or {@link #followHome}; true at its end.
   */
  boolean stepSlice(double dt, RideProfile profile) {
    return tracker.step(pose[0], pose[1], pose[2], dt, profile, 0.1);
  }

  /**
   * Progress along the route while the tracker walks a slice that began at {@code startS}, m:
   * forwards ({@code +1}) or backwards ({@code -1}) along the route.
   */
  void progressOnSlice(double startS, int direction) {
    mainProgress = startS + direction * tracker.progress();
  }

  /** Counts each waypoint now within its tolerance as reached, and each left behind as missed. */
  void advanceWaypoints() {
    while (next < route.waypoints().size()) {
      Waypoint w = route.waypoints().get(next);
      double d = Math.hypot(w.x() - pose[0], w.y() - pose[1]);
      if (d <= w.toleranceM()) {
        log.add("waypoint", "reached " + next + String.format(Locale.ROOT, " (%.2f m off)", d));
        next++;
      } else if (tracker.path() == path && tracker.progress() > path.sAt(next) + w.toleranceM()) {
        log.add("missed_waypoint", "passed " + next + String.format(Locale.ROOT, " %.2f m off", d));
        next++;
      } else {
        break;
      }
    }
  }
}
