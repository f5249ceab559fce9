package robodog.operatorlink.mqtt;

import java.nio.charset.StandardCharsets;
import robodog.core.Telemetry;

/** {@code state/telemetry} and {@code state/error} payloads. Publisher threads only. */
public final class TelemetryJson {
  private static final com.fasterxml.jackson.databind.ObjectMapper JSON =
      new com.fasterxml.jackson.databind.ObjectMapper();

  private TelemetryJson() {}

  /** {@code {"error": "..."}}, escaped properly whatever the refused message echoed. */
  public static byte[] error(String message) {
    try {
      return JSON.writeValueAsBytes(java.util.Map.of("error", message));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      return "{\"error\":\"unprintable\"}".getBytes(StandardCharsets.UTF_8);
    }
  }

  /**
   * One telemetry snapshot as JSON with {@code "refused":N}, the messages refused since start (by
   * role at the broker, or by the protocol rules).
   */
  public static byte[] encode(Telemetry t, String leaseHolder, long refused) {
    return encode(t, leaseHolder, refused, null);
  }

  /**
   * As above, plus {@code "advisor"}: the learned gait advisor's state ({@link #advisorState}), its
   * exact status, and the setting the controller last laid over the operator's command (gait row,
   * speed scale, step height m, body height m; {@code null} fields when the operator's own apply),
   * with {@code reason}, the advisor's own sentence, when given.
   */
  public static byte[] encode(Telemetry t, String leaseHolder, long refused, String advisorReason) {
    return write(t, leaseHolder, refused, advisorReason, null, true);
  }

  /**
   * The whole snapshot through one Jackson generator: every string escaped by Jackson, every
   * non-finite number written as null, so no state of the robot can make the message invalid.
   */
  private static byte[] write(
      Telemetry t,
      String leaseHolder,
      long refused,
      String advisorReason,
      String perception,
      boolean withAdvisor) {
    java.io.ByteArrayOutputStream buf = new java.io.ByteArrayOutputStream(768);
    try (com.fasterxml.jackson.core.JsonGenerator g = JSON.getFactory().createGenerator(buf)) {
      g.writeStartObject();
      g.writeObjectFieldStart("pose");
      num(g, "x", t.odomX, 1e4);
      num(g, "y", t.odomY, 1e4);
      num(g, "yaw", t.odomYaw, 1e4);
      g.writeEndObject();
      g.writeBooleanField("estop", t.mode == robodog.core.Mode.ESTOP);
      num(g, "battery_v", t.batteryVolts, 1e3);
      num(g, "battery_pct", t.batteryPercent, 10);
      g.writeStringField("mode", t.mode.name());
      g.writeNumberField("gait", t.gaitIndex);
      num(g, "vx", t.vx, 1e4);
      num(g, "vy", t.vy, 1e4);
      num(g, "yaw_rate", t.yawRate, 1e4);
      // An unknown margin is reported as -1 (not stable), as the tablet has always read it.
      num(g, "stability_margin", Double.isFinite(t.stabilityMargin) ? t.stabilityMargin : -1, 1e4);
      g.writeNumberField("swing_mask", t.swingMask);
      g.writeNumberField("failed_leg_mask", t.failedLegMask);
      LegFailureJson.write(g, t);
      g.writeStringField("notice", t.notice.text());
      g.writeStringField("lease_holder", leaseHolder);
      // What the robot feels of the ground, and whether it picks the gait from it.
      g.writeObjectFieldStart("ground");
      g.writeStringField("call", t.groundCall.label());
      g.writeBooleanField("auto_gait", t.gaitAuto);
      num(g, "slip_mps", t.slipMps, 1e3);
      num(g, "unevenness_m", t.unevennessM, 1e4);
      num(g, "climb_m", t.climbM, 1e4);
      num(g, "sag_m", t.bodySagM, 1e4);
      g.writeNumberField("recoveries", t.recoveries);
      g.writeStringField("ahead", t.terrainAhead); // the camera's class, null without one
      g.writeEndObject();
      if (withAdvisor) {
        g.writeObjectFieldStart("advisor");
        g.writeStringField("state", advisorState(t.gaitAdvisor));
        g.writeStringField("status", t.gaitAdvisor.name());
        g.writeBooleanField("active", t.advisorActive);
        g.writeBooleanField("clamped", t.advisorClamped);
        if (t.advisorGait >= 0) {
          g.writeNumberField("gait", t.advisorGait);
        } else {
          g.writeNullField("gait");
        }
        num(g, "speed_scale", t.advisorSpeedScale, 1e3);
        num(g, "step_height", t.advisorStepHeight, 1e4);
        num(g, "body_height", t.advisorBodyHeight, 1e4);
        g.writeStringField("reason", advisorReason);
        g.writeEndObject();
        g.writeNumberField("refused", refused);
      }
      if (perception != null) {
        g.writeFieldName("perception");
        g.writeRawValue(perception);
      }
      g.writeEndObject();
    } catch (java.io.IOException e) {
      throw new IllegalStateException("telemetry not encodable", e); // in memory: cannot happen
    }
    return buf.toByteArray();
  }

  /** {@code v} to 1/{@code per} of its unit, or null when not finite. */
  private static void num(
      com.fasterxml.jackson.core.JsonGenerator g, String key, double v, double per)
      throws java.io.IOException {
    if (Double.isFinite(v)) {
      g.writeNumberField(key, Math.round(v * per) / per);
    } else {
      g.writeNullField(key);
    }
  }

  /**
   * The advisor's state for operators: {@code none} (no advisor), {@code on} (its last answer is in
   * force), {@code off} (switched off: the preset applies), {@code no-model} (nothing loaded: the
   * preset applies), {@code rejected} (its last answer was NaN or out of range: the last safe
   * setting holds), {@code stale} (its answer was late or none came: the last safe setting holds).
   */
  public static String advisorState(robodog.core.GaitSetting.Status s) {
    switch (s) {
      case OK:
        return "on";
      case DISABLED:
        return "off";
      case NO_MODEL:
        return "no-model";
      case BAD_OUTPUT:
        return "rejected";
      case SLOW:
      case STALE:
        return "stale";
      default:
        return "none";
    }
  }

  /**
   * As {@link #encode(Telemetry, String, long, String)} with the {@code "perception"} object (JSON
   * text from {@link PerceptionJson}) appended; {@code null} leaves it out.
   */
  public static byte[] encode(
      Telemetry t, String leaseHolder, long refused, String advisorReason, String perception) {
    return write(t, leaseHolder, refused, advisorReason, perception, true);
  }

  /**
   * {@code json} (an object) with {@code "key":valueJson} appended, through one Jackson generator:
   * the key is escaped by Jackson, and both texts are parsed, so an invalid {@code valueJson} is
   * refused instead of corrupting the message. Numbers and strings keep their exact text.
   *
   * @throws IllegalArgumentException when {@code json} is not one JSON object or {@code valueJson}
   *     not one JSON value; the message names the key
   */
  public static byte[] withField(byte[] json, String key, String valueJson) {
    java.io.ByteArrayOutputStream buf = new java.io.ByteArrayOutputStream(json.length + 128);
    com.fasterxml.jackson.core.JsonFactory f = JSON.getFactory();
    try (com.fasterxml.jackson.core.JsonParser object = f.createParser(json);
        com.fasterxml.jackson.core.JsonParser value = f.createParser(valueJson);
        com.fasterxml.jackson.core.JsonGenerator g = f.createGenerator(buf)) {
      if (object.nextToken() != com.fasterxml.jackson.core.JsonToken.START_OBJECT) {
        throw new IllegalArgumentException(
            "telemetry field '" + key + "': expected a JSON object to add it to");
      }
      g.writeStartObject();
      for (com.fasterxml.jackson.core.JsonToken t = object.nextToken();
          t != com.fasterxml.jackson.core.JsonToken.END_OBJECT;
          t = object.nextToken()) {
        copyToken(object, g); // a field name, then its whole value
        object.nextToken();
        copyValue(object, g);
      }
      g.writeFieldName(key);
      if (value.nextToken() == null) {
        throw new IllegalArgumentException("telemetry field '" + key + "': empty value");
      }
      copyValue(value, g);
      if (object.nextToken() != null || value.nextToken() != null) {
        throw new IllegalArgumentException(
            "telemetry field '" + key + "': expected one JSON value, found more after it");
      }
      g.writeEndObject();
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalArgumentException(
          "telemetry field '" + key + "': not valid JSON (" + e.getOriginalMessage() + ")", e);
    } catch (java.io.IOException e) {
      throw new IllegalStateException("telemetry not encodable", e); // in memory: cannot happen
    }
    return buf.toByteArray();
  }

  /** Copies the value whose first token {@code p} is on, with every nested token. */
  private static void copyValue(
      com.fasterxml.jackson.core.JsonParser p, com.fasterxml.jackson.core.JsonGenerator g)
      throws java.io.IOException {
    int depth = 0;
    do {
      com.fasterxml.jackson.core.JsonToken t = p.currentToken();
      if (t == null) {
        throw new com.fasterxml.jackson.core.JsonParseException(p, "unexpected end of input");
      }
      if (t.isStructStart()) {
        depth++;
      } else if (t.isStructEnd()) {
        depth--;
      }
      copyToken(p, g);
    } while (depth > 0 && p.nextToken() != null);
  }

  /** One token; a number keeps its exact text (Jackson's copy would re-print floats). */
  private static void copyToken(
      com.fasterxml.jackson.core.JsonParser p, com.fasterxml.jackson.core.JsonGenerator g)
      throws java.io.IOException {
    com.fasterxml.jackson.core.JsonToken t = p.currentToken();
    if (t == com.fasterxml.jackson.core.JsonToken.VALUE_NUMBER_INT
        || t == com.fasterxml.jackson.core.JsonToken.VALUE_NUMBER_FLOAT) {
      g.writeNumber(p.getText());
    } else {
      g.copyCurrentEvent(p);
    }
  }

  /**
   * The declared payload as a JSON object: {@code mass_kg}, {@code com_height_m} (3 decimals),
   * {@code fragility} (2 decimals).
   */
  public static String payload(robodog.core.Payload p) {
    java.io.StringWriter out = new java.io.StringWriter(64);
    try (com.fasterxml.jackson.core.JsonGenerator g = JSON.getFactory().createGenerator(out)) {
      g.writeStartObject();
      // Payload has checked each number finite and in range: %.Nf is always a valid JSON number.
      g.writeFieldName("mass_kg");
      g.writeNumber(String.format(java.util.Locale.ROOT, "%.3f", p.massKg()));
      g.writeFieldName("com_height_m");
      g.writeNumber(String.format(java.util.Locale.ROOT, "%.3f", p.comHeightM()));
      g.writeFieldName("fragility");
      g.writeNumber(String.format(java.util.Locale.ROOT, "%.2f", p.fragility()));
      g.writeEndObject();
    } catch (java.io.IOException e) {
      throw new IllegalStateException("payload not encodable", e); // in memory: cannot happen
    }
    return out.toString();
  }

  /** One telemetry snapshot as JSON (SI units). */
  public static byte[] encode(Telemetry t, String leaseHolder) {
    return write(t, leaseHolder, 0, null, null, false);
  }

  /**
   * The {@code comms} object: how long the lease holder has been silent ({@code holder_silent_s},
   * s, 0.1 s resolution; null when nobody holds the lease) and the comms-loss stage reached ({@code
   * stage}: {@code ok}, {@code stopped}, {@code sitting}, {@code servos_off}; see {@code
   * robodog.operatorlink.CommsLossStages}).
   */
  public static String comms(double holderSilentS, String stage) {
    com.fasterxml.jackson.databind.node.ObjectNode n = JSON.createObjectNode();
    if (Double.isFinite(holderSilentS)) {
      n.put("holder_silent_s", Math.round(holderSilentS * 10) / 10.0);
    } else {
      n.putNull("holder_silent_s");
    }
    n.put("stage", stage);
    return n.toString();
  }
}
