package robodog.operatorlink.mqtt;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
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
 * {@code null}. Written by one Jackson generator: a terrain class name comes from a model file and
 * a degraded reason may echo a path or an exception, so every string is escaped by Jackson.
 * Publisher threads only (allocates strings).
 */
public final class PerceptionJson {
  private static final JsonFactory JSON = new JsonFactory();

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
    StringWriter out = new StringWriter(256);
    try (JsonGenerator g = JSON.createGenerator(out)) {
      g.writeStartObject();
      g.writeArrayFieldStart("landmarks");
      if (marks != null) {
        for (int i = 0; i < marks.count; i++) {
          g.writeStartObject();
          g.writeNumberField("id", marks.id[i]);
          // A NaN from a bad pose estimate is null, never an invalid NaN token.
          num(g, "x", marks.x[i], "%.3f");
          num(g, "y", marks.y[i], "%.3f");
          num(g, "distance", marks.distance[i], "%.3f");
          g.writeEndObject();
        }
      }
      g.writeEndArray();
      g.writeNumberField("people", people == null ? 0 : people.count);
      num(g, "nearest_person_m", people == null ? Double.NaN : people.nearest(), "%.2f");
      num(g, "speed_scale", speedScale, "%.2f");
      if (terrain != null && terrain.best >= 0) {
        g.writeStringField("terrain", terrain.bestName());
        num(g, "terrain_p", terrain.bestProbability(), "%.3f");
      } else {
        g.writeNullField("terrain");
        g.writeNullField("terrain_p");
      }
      if (grid == null) {
        g.writeNullField("obstacle_ahead");
      } else {
        g.writeBooleanField("obstacle_ahead", !grid.traversableAhead);
      }
      if (health == null) {
        g.writeNullField("health");
        g.writeNullField("age_s");
      } else {
        writeHealth(g, health);
        num(g, "age_s", (nowNanos - health.stampNanos) / 1e9, "%.2f");
      }
      g.writeEndObject();
    } catch (IOException e) {
      throw new IllegalStateException("perception not encodable", e); // in memory: cannot happen
    }
    return out.toString();
  }

  /** {@code "health":{"ok":..,"fps":..,"frames":..,"degraded":{"input":"reason",..}}}. */
  private static void writeHealth(JsonGenerator g, PerceptionHealth health) throws IOException {
    g.writeObjectFieldStart("health");
    g.writeBooleanField("ok", !health.anyDegraded());
    num(g, "fps", health.fps, "%.1f");
    g.writeNumberField("frames", health.framesProcessed);
    g.writeObjectFieldStart("degraded");
    for (PerceptionHealth.Input in : PerceptionHealth.Input.VALUES) {
      if (health.isDegraded(in)) {
        g.writeStringField(in.name().toLowerCase(Locale.ROOT), health.reason(in));
      }
    }
    g.writeEndObject();
    g.writeEndObject();
  }

  /**
   * {@code v} with the fixed decimals of {@code fmt} (the digits the tablet has always shown), or
   * null when not finite. A finite double formatted with {@code %.Nf} is always a valid JSON
   * number.
   */
  private static void num(JsonGenerator g, String key, double v, String fmt) throws IOException {
    if (Double.isFinite(v)) {
      g.writeFieldName(key);
      g.writeNumber(String.format(Locale.ROOT, fmt, v));
    } else {
      g.writeNullField(key);
    }
  }
}
