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
    byte[] j = encode(t, leaseHolder);
    String s = new String(j, 0, j.length - 1, StandardCharsets.UTF_8);
    return (s + ",\"refused\":" + refused + "}").getBytes(StandardCharsets.UTF_8);
  }

  /**
   * As {@link #encode(Telemetry, String, long)} with the {@code "perception"} object (JSON text
   * from {@link PerceptionJson}) appended; {@code null} leaves it out.
   */
  public static byte[] encode(Telemetry t, String leaseHolder, long refused, String perception) {
    byte[] j = encode(t, leaseHolder, refused);
    if (perception == null) {
      return j;
    }
    String s = new String(j, 0, j.length - 1, StandardCharsets.UTF_8);
    return (s + ",\"perception\":" + perception + "}").getBytes(StandardCharsets.UTF_8);
  }

  /** One telemetry snapshot as JSON (SI units). */
  public static byte[] encode(Telemetry t, String leaseHolder) {
    String json =
        String.format(
            Locale.ROOT,
            "{\"pose\":{\"x\":%.4f,\"y\":%.4f,\"yaw\":%.4f},\"estop\":%b,"
                + "\"battery_v\":%s,\"mode\":\"%s\",\"gait\":%d,\"vx\":%.4f,\"vy\":%.4f,\"yaw_rate\":%.4f,"
                + "\"stability_margin\":%.4f,\"swing_mask\":%d,\"failed_leg_mask\":%d,"
                + "\"notice\":\"%s\",\"lease_holder\":%s}",
            t.odomX,
            t.odomY,
            t.odomYaw,
            t.mode == robodog.core.Mode.ESTOP,
            Double.isFinite(t.batteryVolts)
                ? String.format(Locale.ROOT, "%.3f", t.batteryVolts)
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
            leaseHolder == null ? "null" : "\"" + leaseHolder.replace("\"", "") + "\"");
    return json.getBytes(StandardCharsets.UTF_8);
  }
}
