package robodog.autonomy;

/**
 * One stop on a route: a pose in the route's frame (the odom frame of the teaching run), optionally
 * tied to an ArUco marker that was seen there while teaching. Arrival is within {@code toleranceM}
 * of (x, y) after marker re-localisation. Immutable; any thread.
 *
 * @param markerId the marker seen near this waypoint while teaching, or -1 for a pure odom pose
 * @param x metres, route frame
 * @param y metres, route frame
 * @param toleranceM arrival radius, metres, in (0, 5]
 */
public record Waypoint(int markerId, double x, double y, double toleranceM) {
  public Waypoint {
    if (!Double.isFinite(x) || !Double.isFinite(y)) {
      throw new IllegalArgumentException("waypoint position must be finite, got " + x + ", " + y);
    }
    if (!(toleranceM > 0 && toleranceM <= 5)) {
      throw new IllegalArgumentException(
          "waypoint tolerance must be in (0, 5] m, got " + toleranceM);
    }
    if (markerId < -1) {
      throw new IllegalArgumentException(
          "marker id must be >= 0 (or -1 for none), got " + markerId);
    }
  }

  /** True when this waypoint is tied to a marker. */
  public boolean hasMarker() {
    return markerId >= 0;
  }
}
