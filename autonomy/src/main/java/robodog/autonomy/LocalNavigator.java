package robodog.autonomy;

import robodog.core.perception.HeightGrid;
import robodog.core.perception.PeopleZones;
import robodog.core.perception.SafetyLimit;

/**
 * Local navigation on top of the route: slows for people near the path and stops for one on it;
 * looks along the route ahead in perception's obstacle grid and, when an obstacle sits on it, finds
 * a detour to one side that the grid shows free, or reports that none exists. Geometry in the route
 * frame and base_link (m). Mutable; the autonomy thread.
 */
public final class LocalNavigator {
  /** Half the robot's width plus a margin: clearance kept from obstacle cells, m. */
  static final double CLEARANCE_M = 0.22;

  /** How far along the route obstacles are looked for, m. */
  static final double LOOK_AHEAD_M = 1.0;

  /** A person inside this corridor half-width ahead is "on the path", m. */
  static final double PATH_HALF_WIDTH_M = 0.45;

  /**
   * Person zones for someone on the path: the controller's crew-safety defaults, so the route
   * follower and the controller agree on where the robot stops.
   */
  static final double PERSON_STOP_M = SafetyLimit.DEFAULT_STOP_M;

  static final double PERSON_SLOW_M = SafetyLimit.DEFAULT_SLOW_M;

  private static final double[] OFFSETS = {0.4, -0.4, 0.55, -0.55, 0.7, -0.7};
  private final double[] p = new double[2];
  private final double[] q = new double[2];

  /**
   * Speed factor for the people seen: {@link SafetyLimit#scaleFor} with the crew-safety zones for a
   * person on the path ahead, and half those radii for one beside it (not in the way of a robot
   * following the route); people behind are ignored. 1 with nobody near.
   */
  public double peopleScale(PeopleZones people) {
    if (people == null) {
      return 1;
    }
    double scale = 1;
    for (int i = 0; i < people.count; i++) {
      double x = people.x[i];
      double y = people.y[i];
      if (x < -0.2) {
        continue; // behind: not in the way of a robot walking forward
      }
      double k = Math.abs(y) <= PATH_HALF_WIDTH_M ? 1.0 : 0.5;
      double s =
          SafetyLimit.scaleFor(
              Math.hypot(x, y),
              k * PERSON_SLOW_M,
              k * PERSON_STOP_M,
              SafetyLimit.DEFAULT_MIN_SLOW_SCALE);
      scale = Math.min(scale, s);
    }
    return scale;
  }

  /**
   * Arc length of the first point of {@code path} in [from, from + LOOK_AHEAD_M] that comes within
   * the clearance of an obstacle cell, or NaN if the way is clear.
   *
   * @param pose robot pose in the path's frame (x, y, yaw)
   */
  public double obstacleAhead(Polyline path, double from, double[] pose, HeightGrid grid) {
    if (grid == null) {
      return Double.NaN;
    }
    double end = Math.min(path.length(), from + LOOK_AHEAD_M);
    for (double s = from; s <= end; s += 0.05) {
      path.pointAt(s, p);
      if (blocked(grid, pose, p[0], p[1])) {
        return s;
      }
    }
    return Double.NaN;
  }

  /**
   * A detour around an obstacle met at arc length {@code sObs}: sideways before it, along it, and
   * back onto the route past it, every leg through cells the grid shows free; tries 0.4, 0.55 and
   * 0.7 m to the left, then the right, in turn. Null when no side is free.
   *
   * @return the detour as a polyline from the robot's position, or null
   */
  public Polyline detour(Polyline path, double sObs, double[] pose, HeightGrid grid) {
    double sEnd = sObs;
    while (sEnd < Math.min(path.length(), sObs + 2.0)) {
      path.pointAt(sEnd + 0.05, p);
      if (!blocked(grid, pose, p[0], p[1])) {
        break;
      }
      sEnd += 0.05;
    }
    double a = Math.max(0, sObs - 0.1);
    double b = Math.min(path.length(), sEnd + 0.1);
    double rejoin = Math.min(path.length(), sEnd + 0.5);
    path.pointAt(a, p);
    path.pointAt(Math.min(path.length(), a + 0.05), q);
    double tx = q[0] - p[0];
    double ty = q[1] - p[1];
    double n = Math.hypot(tx, ty);
    if (n < 1e-9) {
      return null;
    }
    double nx = -ty / n;
    double ny = tx / n;
    double[] pb = new double[2];
    double[] pr = new double[2];
    path.pointAt(b, pb);
    path.pointAt(rejoin, pr);
    for (double off : OFFSETS) {
      double ax = p[0] + nx * off;
      double ay = p[1] + ny * off;
      double bx = pb[0] + nx * off;
      double by = pb[1] + ny * off;
      if (segmentFree(grid, pose, pose[0], pose[1], ax, ay)
          && segmentFree(grid, pose, ax, ay, bx, by)
          && segmentFree(grid, pose, bx, by, pr[0], pr[1])) {
        return new Polyline(
            new double[] {pose[0], ax, bx, pr[0]}, new double[] {pose[1], ay, by, pr[1]});
      }
    }
    return null;
  }

  private boolean segmentFree(
      HeightGrid g, double[] pose, double ax, double ay, double bx, double by) {
    double len = Math.hypot(bx - ax, by - ay);
    int n = Math.max(1, (int) Math.ceil(len / 0.05));
    for (int i = 0; i <= n; i++) {
      double f = (double) i / n;
      if (blocked(g, pose, ax + f * (bx - ax), ay + f * (by - ay))) {
        return false;
      }
    }
    return true;
  }

  /** True if an obstacle cell lies within the clearance of route-frame point (x, y). */
  private static boolean blocked(HeightGrid g, double[] pose, double x, double y) {
    double c = Math.cos(pose[2]);
    double s = Math.sin(pose[2]);
    double dx = x - pose[0];
    double dy = y - pose[1];
    double bx = c * dx + s * dy;
    double by = -s * dx + c * dy;
    int half = g.size / 2;
    int r = (int) Math.ceil(CLEARANCE_M / g.resolutionM);
    int cx = (int) Math.floor(bx / g.resolutionM) + half;
    int cy = (int) Math.floor(by / g.resolutionM) + half;
    for (int ix = cx - r; ix <= cx + r; ix++) {
      for (int iy = cy - r; iy <= cy + r; iy++) {
        if (ix < 0 || iy < 0 || ix >= g.size || iy >= g.size) {
          continue; // unseen beyond the grid: judged when it comes into view
        }
        double ox = (ix - half + 0.5) * g.resolutionM - bx;
        double oy = (iy - half + 0.5) * g.resolutionM - by;
        if (g.obstacle[ix * g.size + iy] && ox * ox + oy * oy <= CLEARANCE_M * CLEARANCE_M) {
          return true;
        }
      }
    }
    return false;
  }
}
