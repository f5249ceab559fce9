package robodog.operatorlink.mqtt;

import java.util.Locale;
import robodog.core.perception.HeightGrid;
import robodog.core.perception.Landmarks;
import robodog.core.perception.PeopleZones;
import robodog.core.perception.PerceptionHealth;
import robodog.core.perception.TerrainEstimate;

/**
 * The compact {@code perception} object of {@code state/telemetry} (docs/operator-protocol.md):
 * landmarks, nearest person and the speed scale the controller applied, terrain class, obstacle
 * ahead, health and age. Any argument may be {@code null} (not published yet): its fields are then
 * {@code null}. Publisher threads only (allocates strings).
 */
public final class PerceptionJson {
  private PerceptionJson() {}

  /**
   * The object as JSON text.
   *
   * @param speedScale the controller's applied crew-safety scale (telemetry)
   * @param nowNanos the clock the perception stamps are on, to compute the age
   */
  public static String encode(
      Landmarks marks,
      PeopleZones people,
      HeightGrid grid,
      TerrainEstimate terrain,
      PerceptionHealth health,
      double speedScale,
      long nowNanos) {
    StringBuilder b = new StringBuilder(256);
    b.append("{\"landmarks\":[");
    if (marks != null) {
      for (int i = 0; i < marks.count; i++) {
        if (i > 0) {
          b.append(',');
        }
        // num(): a NaN from a bad pose estimate is null, never an invalid NaN token.
        b.append("{\"id\":").append(marks.id[i]);
        b.append(",\"x\":").append(num(marks.x[i], "%.3f"));
        b.append(",\"y\":").append(num(marks.y[i], "%.3f"));
        b.append(",\"distance\":").append(num(marks.distance[i], "%.3f")).append('}');
      }
    }
    b.append("],\"people\":").append(people == null ? 0 : people.count);
    double nearest = people == null ? Double.NaN : people.nearest();
    b.append(",\"nearest_person_m\":").append(num(nearest, "%.2f"));
    b.append(",\"speed_scale\":").append(num(speedScale, "%.2f"));
    if (terrain != null && terrain.best >= 0) {
      // The class name comes from a model file: quoted by Jackson, whatever it holds.
      b.append(",\"terrain\":")
          .append(TelemetryJson.quoted(terrain.bestName()))
          .append(",\"terrain_p\":")
          .append(num(terrain.bestProbability(), "%.3f"));
    } else {
      b.append(",\"terrain\":null,\"terrain_p\":null");
    }
    b.append(",\"obstacle_ahead\":")
        .append(grid == null ? "null" : Boolean.toString(!grid.traversableAhead));
    if (health == null) {
      b.append(",\"health\":null,\"age_s\":null}");
      return b.toString();
    }
    b.append(",\"health\":{\"ok\":").append(!health.anyDegraded());
    b.append(",\"fps\":").append(num(health.fps, "%.1f"));
    b.append(",\"frames\":").append(health.framesProcessed);
    b.append(",\"degraded\":{");
    boolean first = true;
    for (PerceptionHealth.Input in : PerceptionHealth.Input.VALUES) {
      if (health.isDegraded(in)) {
        if (!first) {
          b.append(',');
        }
        first = false;
        b.append('"').append(in.name().toLowerCase(Locale.ROOT)).append("\":");
        b.append(quote(health.reason(in)));
      }
    }
    b.append("}},\"age_s\":").append(num((nowNanos - health.stampNanos) / 1e9, "%.2f")).append('}');
    return b.toString();
  }

  private static String num(double v, String fmt) {
    return Double.isFinite(v) ? String.format(Locale.ROOT, fmt, v) : "null";
  }

  private static String quote(String s) {
    StringBuilder b = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"' || c == '\\') {
        b.append('\\').append(c);
      } else if (c < 0x20) {
        b.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
      } else {
        b.append(c);
      }
    }
    return b.append('"').toString();
  }
}
