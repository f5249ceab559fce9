package robodog.autonomy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Teach mode: while an operator drives, keeps a breadcrumb every {@link #SPACING_M} of travel (or
 * {@link #TURN_RAD} of turning) with the markers in view, and averages where each marker is in the
 * odom frame. {@link #finish} turns that into a route whose waypoints are the breadcrumbs thinned
 * to {@code waypointSpacingM}. Mutable; the autonomy thread.
 */
public final class TeachRecorder {
  static final double SPACING_M = 0.1;
  static final double TURN_RAD = 0.2;

  private final String name;
  private final double t0;
  private final List<Breadcrumb> crumbs = new ArrayList<>();
  private final Map<Integer, double[]> markerSums = new HashMap<>(); // x, y, n
  private String terrain;

  /**
   * @param name the route's name (checked now, so a bad name is refused before anyone drives)
   * @param tS start time, s
   */
  public TeachRecorder(String name, double tS) {
    if (name == null || !name.matches(Route.NAME_PATTERN)) {
      throw new IllegalArgumentException(
          "route name '" + name + "': expected 1-64 letters, digits, '.', '_' or '-'");
    }
    this.name = name;
    this.t0 = tS;
  }

  public String name() {
    return name;
  }

  public int breadcrumbs() {
    return crumbs.size();
  }

  /** Sets the terrain class perception reports under the robot (null when none). */
  public void terrain(String cls) {
    terrain = cls;
  }

  /** Feeds the odom pose and markers in view; stores a breadcrumb when the robot has moved. */
  public void step(double tS, double x, double y, double yaw, List<MarkerSighting> seen) {
    double c = Math.cos(yaw);
    double s = Math.sin(yaw);
    List<Integer> ids = new ArrayList<>();
    for (MarkerSighting m : seen) {
      double[] sum = markerSums.computeIfAbsent(m.id(), k -> new double[3]);
      sum[0] += x + c * m.x() - s * m.y();
      sum[1] += y + s * m.x() + c * m.y();
      sum[2]++;
      ids.add(m.id());
    }
    if (!crumbs.isEmpty()) {
      Breadcrumb last = crumbs.get(crumbs.size() - 1);
      double dyaw = Math.abs(Math.atan2(Math.sin(yaw - last.yaw()), Math.cos(yaw - last.yaw())));
      if (Math.hypot(x - last.x(), y - last.y()) < SPACING_M && dyaw < TURN_RAD) {
        return;
      }
    }
    crumbs.add(new Breadcrumb(tS - t0, x, y, yaw, ids, terrain));
  }

  /**
   * The taught route.
   *
   * @param waypointSpacingM distance between waypoints along the breadcrumbs, m
   * @param toleranceM arrival tolerance of every waypoint, m
   * @throws IllegalArgumentException when the robot barely moved
   */
  public Route finish(double waypointSpacingM, double toleranceM, long nowMs) {
    if (crumbs.size() < 2) {
      throw new IllegalArgumentException(
          "route " + name + ": the robot did not move while recording; nothing to save");
    }
    List<Waypoint> wps = new ArrayList<>();
    double since = 0;
    for (int i = 0; i < crumbs.size(); i++) {
      Breadcrumb b = crumbs.get(i);
      if (i > 0) {
        Breadcrumb p = crumbs.get(i - 1);
        since += Math.hypot(b.x() - p.x(), b.y() - p.y());
      }
      boolean last = i == crumbs.size() - 1;
      if (i == 0 || since >= waypointSpacingM || last) {
        int marker = b.markers().isEmpty() ? -1 : b.markers().get(0);
        wps.add(new Waypoint(marker, b.x(), b.y(), toleranceM));
        since = 0;
      }
    }
    List<Landmark> lms = new ArrayList<>();
    for (Map.Entry<Integer, double[]> e : markerSums.entrySet()) {
      double[] s = e.getValue();
      lms.add(new Landmark(e.getKey(), s[0] / s[2], s[1] / s[2]));
    }
    lms.sort((a, b) -> Integer.compare(a.markerId(), b.markerId()));
    return new Route(name, nowMs, wps, lms, crumbs);
  }
}
