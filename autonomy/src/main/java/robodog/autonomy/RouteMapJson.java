package robodog.autonomy;

import java.util.List;
import java.util.Locale;

/**
 * Writes the {@code state/route} JSON (docs/missions.md): one route's geometry for a map on the
 * tablet: waypoints with their tolerance and marker, the landmarks, and the breadcrumbs thinned to
 * at most {@link #MAX_BREADCRUMBS} points (first and last kept). Route frame, m. Pure; any thread.
 */
final class RouteMapJson {
  /** Enough for a tablet-sized map; a taught route has ~10 breadcrumbs per metre. */
  static final int MAX_BREADCRUMBS = 200;

  private RouteMapJson() {}

  static String encode(Route r) {
    StringBuilder json = new StringBuilder(256 + 32 * r.waypoints().size());
    json.append("{\"route\":\"").append(r.name()).append('"');
    json.append(String.format(Locale.ROOT, ",\"length_m\":%.2f,\"waypoints\":[", r.lengthM()));
    for (int i = 0; i < r.waypoints().size(); i++) {
      Waypoint w = r.waypoints().get(i);
      json.append(i == 0 ? "" : ",")
          .append(
              String.format(
                  Locale.ROOT,
                  "{\"x\":%.3f,\"y\":%.3f,\"tolerance_m\":%.2f,\"marker\":%d}",
                  w.x(),
                  w.y(),
                  w.toleranceM(),
                  w.markerId()));
    }
    json.append("],\"landmarks\":[");
    for (int i = 0; i < r.landmarks().size(); i++) {
      Landmark l = r.landmarks().get(i);
      json.append(i == 0 ? "" : ",")
          .append(
              String.format(
                  Locale.ROOT,
                  "{\"marker\":%d,\"x\":%.3f,\"y\":%.3f}",
                  l.markerId(),
                  l.x(),
                  l.y()));
    }
    json.append("],\"breadcrumbs\":[");
    List<Breadcrumb> b = r.breadcrumbs();
    int n = b.size();
    int shown = Math.min(n, MAX_BREADCRUMBS);
    for (int k = 0; k < shown; k++) {
      // Evenly spaced indices from the first to the last breadcrumb.
      Breadcrumb c = b.get(shown == 1 ? 0 : (int) Math.round(k * (n - 1) / (double) (shown - 1)));
      json.append(k == 0 ? "" : ",")
          .append(String.format(Locale.ROOT, "[%.3f,%.3f]", c.x(), c.y()));
    }
    json.append("]}");
    return json.toString();
  }
}
