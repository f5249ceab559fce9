package robodog.autonomy;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import java.util.Locale;

/**
 * Writes the {@code state/route} JSON (docs/missions.md): one route's geometry for a map on the
 * tablet: waypoints with their tolerance and marker, the landmarks, and the breadcrumbs thinned to
 * at most {@link #MAX_BREADCRUMBS} points (first and last kept). Route frame, m. Built by a Jackson
 * generator: the route name is user-chosen text, and a non-finite number is written as null. Pure;
 * any thread.
 */
final class RouteMapJson {
  /** Enough for a tablet-sized map; a taught route has ~10 breadcrumbs per metre. */
  static final int MAX_BREADCRUMBS = 200;

  private static final JsonFactory JSON = new JsonFactory();

  private RouteMapJson() {}

  static String encode(Route r) {
    StringWriter out = new StringWriter(256 + 32 * r.waypoints().size());
    try (JsonGenerator g = JSON.createGenerator(out)) {
      g.writeStartObject();
      g.writeStringField("route", r.name());
      num(g, "length_m", r.lengthM(), "%.2f");
      g.writeArrayFieldStart("waypoints");
      for (Waypoint w : r.waypoints()) {
        g.writeStartObject();
        num(g, "x", w.x(), "%.3f");
        num(g, "y", w.y(), "%.3f");
        num(g, "tolerance_m", w.toleranceM(), "%.2f");
        g.writeNumberField("marker", w.markerId());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeArrayFieldStart("landmarks");
      for (Landmark l : r.landmarks()) {
        g.writeStartObject();
        g.writeNumberField("marker", l.markerId());
        num(g, "x", l.x(), "%.3f");
        num(g, "y", l.y(), "%.3f");
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeArrayFieldStart("breadcrumbs");
      List<Breadcrumb> b = r.breadcrumbs();
      int n = b.size();
      int shown = Math.min(n, MAX_BREADCRUMBS);
      for (int k = 0; k < shown; k++) {
        // Evenly spaced indices from the first to the last breadcrumb.
        Breadcrumb c = b.get(shown == 1 ? 0 : (int) Math.round(k * (n - 1) / (double) (shown - 1)));
        g.writeStartArray();
        num(g, c.x(), "%.3f");
        num(g, c.y(), "%.3f");
        g.writeEndArray();
      }
      g.writeEndArray();
      g.writeEndObject();
    } catch (IOException e) {
      throw new IllegalStateException("state/route not encodable", e); // in memory: cannot happen
    }
    return out.toString();
  }

  private static void num(JsonGenerator g, String key, double v, String fmt) throws IOException {
    g.writeFieldName(key);
    num(g, v, fmt);
  }

  /** Fixed decimals (the wire carries mm, not float noise); null when not finite. */
  private static void num(JsonGenerator g, double v, String fmt) throws IOException {
    if (Double.isFinite(v)) {
      g.writeNumber(String.format(Locale.ROOT, fmt, v));
    } else {
      g.writeNull();
    }
  }
}
