package robodog.autonomy;

import java.util.List;

/**
 * A named, ordered list of waypoints with the landmarks and breadcrumbs taught with it. Immutable.
 *
 * @param createdMs wall-clock milliseconds since the epoch
 */
public record Route(
    String name,
    long createdMs,
    List<Waypoint> waypoints,
    List<Landmark> landmarks,
    List<Breadcrumb> breadcrumbs) {
  /** Route names appear in topics, file names and the CLI. */
  public static final String NAME_PATTERN = "[A-Za-z0-9_.-]{1,64}";

  public Route {
    if (name == null || !name.matches(NAME_PATTERN)) {
      throw new IllegalArgumentException(
          "route name '" + name + "': expected 1-64 letters, digits, '.', '_' or '-'");
    }
    if (waypoints.isEmpty()) {
      throw new IllegalArgumentException("route " + name + ": needs at least one waypoint");
    }
    waypoints = List.copyOf(waypoints);
    landmarks = List.copyOf(landmarks);
    breadcrumbs = List.copyOf(breadcrumbs);
  }

  /** Path length from the first to the last waypoint, m. */
  public double lengthM() {
    double d = 0;
    for (int i = 1; i < waypoints.size(); i++) {
      d +=
          Math.hypot(
              waypoints.get(i).x() - waypoints.get(i - 1).x(),
              waypoints.get(i).y() - waypoints.get(i - 1).y());
    }
    return d;
  }

  /** The landmark taught for a marker id, or null. */
  public Landmark landmark(int markerId) {
    for (Landmark l : landmarks) {
      if (l.markerId() == markerId) {
        return l;
      }
    }
    return null;
  }
}
