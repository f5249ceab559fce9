package robodog.operatorlink.mqtt;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
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
    byte[] j = encode(t, leaseHolder);
    String s = new String(j, 0, j.length - 1, StandardCharsets.UTF_8);
    String reason;
    try {
      reason = advisorReason == null ? "null" : JSON.writeValueAsString(advisorReason);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      reason = "null";
    }
    String advisor =
        String.format(
            Locale.ROOT,
            "{\"state\":\"%s\",\"status\":\"%s\",\"active\":%b,\"gait\":%s,\"speed_scale\":%.3f,"
                + "\"step_height\":%s,\"body_height\":%s,\"reason\":%s}",
            advisorState(t.gaitAdvisor),
            t.gaitAdvisor,
            t.advisorActive,
            t.advisorGait >= 0 ? Integer.toString(t.advisorGait) : "null",
            t.advisorSpeedScale,
            metres(t.advisorStepHeight),
            metres(t.advisorBodyHeight),
            reason);
    return (s + ",\"advisor\":" + advisor + ",\"refused\":" + refused + "}")
        .getBytes(StandardCharsets.UTF_8);
  }

  private static String metres(double v) {
    return Double.isFinite(v) ? String.format(Locale.ROOT, "%.4f", v) : "null";
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
    byte[] j = encode(t, leaseHolder, refused, advisorReason);
    if (perception == null) {
      return j;
    }
    String s = new String(j, 0, j.length - 1, StandardCharsets.UTF_8);
    return (s + ",\"perception\":" + perception + "}").getBytes(StandardCharsets.UTF_8);
  }

  /**
   * {@code json} (an object) with {@code "key":valueJson} appended; {@code valueJson} must be valid
   * JSON built by this class (never user text).
   */
  public static byte[] withField(byte[] json, String key, String valueJson) {
    String s = new String(json, 0, json.length - 1, StandardCharsets.UTF_8);
    return (s + ",\"" + key + "\":" + valueJson + "}").getBytes(StandardCharsets.UTF_8);
  }

  /** The declared payload as a JSON object: {@code mass_kg}, {@code com_height_m}, fragility. */
  public static String payload(robodog.core.Payload p) {
    return String.format(
        Locale.ROOT,
        "{\"mass_kg\":%.3f,\"com_height_m\":%.3f,\"fragility\":%.2f}",
        p.massKg(),
        p.comHeightM(),
        p.fragility());
  }

  /**
   * A client id as a JSON string (Jackson's escaping: an id is chosen by whoever connects and may
   * hold quotes, backslashes or control characters), or {@code null}.
   */
  static String quoted(String s) {
    if (s == null) {
      return "null";
    }
    try {
      return JSON.writeValueAsString(s);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("a string is always encodable", e);
    }
  }

  /** One telemetry snapshot as JSON (SI units). */
  public static byte[] encode(Telemetry t, String leaseHolder) {
    String json =
        String.format(
            Locale.ROOT,
            "{\"pose\":{\"x\":%.4f,\"y\":%.4f,\"yaw\":%.4f},\"estop\":%b,"
                + "\"battery_v\":%s,\"battery_pct\":%s,\"mode\":\"%s\",\"gait\":%d,\"vx\":%.4f,\"vy\":%.4f,\"yaw_rate\":%.4f,"
                + "\"stability_margin\":%.4f,\"swing_mask\":%d,\"failed_leg_mask\":%d,"
                + "\"notice\":\"%s\",\"lease_holder\":%s}",
            t.odomX,
            t.odomY,
            t.odomYaw,
            t.mode == robodog.core.Mode.ESTOP,
            Double.isFinite(t.batteryVolts)
                ? String.format(Locale.ROOT, "%.3f", t.batteryVolts)
                : "null",
            Double.isFinite(t.batteryPercent)
                ? String.format(Locale.ROOT, "%.1f", t.batteryPercent)
                : "null",
            t.mode,
            t.gaitIndex,
            t.vx,
            t.vy,
            t.yawRate,
            Double.isFinite(t.stabilityMargin) ? t.stabilityMargin : -1.0,
            t.swingMask,
            t.failedLegMask,
            t.notice.text(),
            quoted(leaseHolder));
    return json.getBytes(StandardCharsets.UTF_8);
  }
}
