package robodog.operatorlink.protocol;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Iterator;
import java.util.Set;

/**
 * Turns MQTT payloads into {@link Commands}, refusing anything not exactly as documented: not a
 * JSON object, too big (4 KiB), nested, unknown fields, wrong types, NaN or infinite numbers,
 * values out of range. Every refusal names the topic, the field and what was expected; nothing of a
 * refused message is used. Called on the MQTT callback thread; never on the control thread.
 */
public final class CommandParser {
  /** Largest payload read, bytes: a command is a few dozen. */
  public static final int MAX_PAYLOAD_BYTES = 4096;

  /** Fastest speed accepted on the wire, m/s (the controller limits further per gait). */
  public static final double MAX_SPEED = 1.0;

  /** Fastest yaw rate accepted, rad/s. */
  public static final double MAX_YAW_RATE = 3.0;

  /**
   * A field a sender may add to any command; accepted and ignored: the sender is always the
   * transport's (the embedded broker's client id bound to its user, the external broker's per-user
   * command path), never a name in the payload.
   */
  public static final String CLIENT = "client";

  private static final int DEFAULT_TTL_MS = 300;
  private static final int MAX_TTL_MS = 1000;

  private final ObjectMapper json =
      new ObjectMapper(
          JsonFactory.builder()
              .streamReadConstraints(
                  StreamReadConstraints.builder()
                      .maxNestingDepth(4)
                      .maxStringLength(256)
                      .maxNumberLength(40)
                      .build())
              .build());

  private JsonNode object(String topic, byte[] payload, Set<String> allowed)
      throws ProtocolException {
    if (payload == null || payload.length == 0) {
      throw new ProtocolException(topic + ": empty payload; expected a JSON object");
    }
    if (payload.length > MAX_PAYLOAD_BYTES) {
      throw new ProtocolException(
          topic
              + ": payload of "
              + payload.length
              + " bytes; expected at most "
              + MAX_PAYLOAD_BYTES);
    }
    JsonNode n;
    try {
      n = json.readTree(payload);
    } catch (IOException | RuntimeException e) {
      throw new ProtocolException(topic + ": not valid JSON (" + firstLine(e.getMessage()) + ")");
    }
    if (n == null || !n.isObject()) {
      throw new ProtocolException(topic + ": expected a JSON object");
    }
    for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
      String f = it.next();
      if (allowed != null && !allowed.contains(f) && !f.equals(CLIENT)) {
        throw new ProtocolException(
            topic
                + ": unknown field '"
                + truncate(f)
                + "'; allowed: "
                + new java.util.TreeSet<>(allowed));
      }
    }
    return n;
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "";
    }
    int i = s.indexOf('\n');
    return truncate(i < 0 ? s : s.substring(0, i));
  }

  private static String truncate(String s) {
    return s.length() > 80 ? s.substring(0, 80) + "…" : s;
  }

  private static long seq(String topic, JsonNode n) throws ProtocolException {
    JsonNode v = n.get("seq");
    if (v == null
        || !v.isIntegralNumber()
        || !v.canConvertToLong()
        || v.asLong() < 0
        || v.asLong() > (1L << 53)) {
      throw new ProtocolException(topic + ": seq: expected an integer from 0 to 2^53");
    }
    return v.asLong();
  }

  private static double number(String topic, JsonNode n, String field, double limit, String unit)
      throws ProtocolException {
    JsonNode v = n.get(field);
    if (v == null) {
      return 0;
    }
    if (!v.isNumber() || !Double.isFinite(v.asDouble()) || Math.abs(v.asDouble()) > limit) {
      throw new ProtocolException(
          topic
              + ": "
              + field
              + ": expected a number from "
              + -limit
              + " to "
              + limit
              + " "
              + unit);
    }
    return v.asDouble();
  }

  private static String word(String topic, JsonNode n, String field, Set<String> allowed)
      throws ProtocolException {
    JsonNode v = n.get(field);
    if (v == null || !v.isTextual() || !allowed.contains(v.asText())) {
      throw new ProtocolException(
          topic + ": " + field + ": expected one of " + new java.util.TreeSet<>(allowed));
    }
    return v.asText();
  }

  /** {@code cmd/velocity}. */
  public Commands.Velocity velocity(byte[] payload) throws ProtocolException {
    String t = "cmd/velocity";
    JsonNode n = object(t, payload, Set.of("seq", "vx", "vy", "yaw_rate", "ttl_ms"));
    int ttl = DEFAULT_TTL_MS;
    JsonNode ttlNode = n.get("ttl_ms");
    if (ttlNode != null) {
      if (!ttlNode.isIntegralNumber() || ttlNode.asLong() < 1 || ttlNode.asLong() > MAX_TTL_MS) {
        throw new ProtocolException(t + ": ttl_ms: expected an integer from 1 to " + MAX_TTL_MS);
      }
      ttl = ttlNode.asInt();
    }
    return new Commands.Velocity(
        seq(t, n),
        number(t, n, "vx", MAX_SPEED, "m/s"),
        number(t, n, "vy", MAX_SPEED, "m/s"),
        number(t, n, "yaw_rate", MAX_YAW_RATE, "rad/s"),
        ttl);
  }

  /** {@code cmd/mode}. */
  public Commands.ModeRequest mode(byte[] payload) throws ProtocolException {
    String t = "cmd/mode";
    JsonNode n = object(t, payload, Set.of("seq", "mode"));
    return new Commands.ModeRequest(seq(t, n), word(t, n, "mode", Set.of("sit", "stand", "walk")));
  }

  private static final ObjectMapper LENIENT =
      new ObjectMapper(
          JsonFactory.builder()
              .streamReadConstraints(
                  StreamReadConstraints.builder()
                      .maxNestingDepth(4)
                      .maxStringLength(256)
                      .maxNumberLength(40)
                      .build())
              .build());

  /**
   * Whether {@code payload} asks to engage the E-stop: a JSON object of at most {@link
   * #MAX_PAYLOAD_BYTES} with {@code "engage":true}, whatever other fields it has (unknown ones, a
   * {@code client}, a bad {@code seq}): an engage is never refused for its extras. Any thread; a
   * static parser so the broker's I/O thread can call it.
   */
  public static boolean engages(byte[] payload) {
    return engagement(payload) != null;
  }

  /**
   * The engage {@code payload} asks for, as {@link #engages} decides it, or null when it is no
   * engage. Its {@code cut} is true only for {@code "cut":true}: any other value of that field
   * still engages, with the deployment's software stop. Any thread.
   */
  public static Commands.Estop engagement(byte[] payload) {
    if (payload == null || payload.length == 0 || payload.length > MAX_PAYLOAD_BYTES) {
      return null;
    }
    try {
      JsonNode n = LENIENT.readTree(payload);
      if (n == null || !n.isObject() || !n.path("engage").isBoolean()) {
        return null;
      }
      return n.get("engage").asBoolean()
          ? new Commands.Estop(true, n.path("cut").isBoolean() && n.get("cut").asBoolean())
          : null;
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /**
   * Whether an engage's {@code cut} field is present but not a boolean (the engage still holds,
   * with the deployment's software stop; the sender is told). Any thread.
   */
  public static boolean badCut(byte[] payload) {
    try {
      JsonNode n = LENIENT.readTree(payload);
      return n != null && n.isObject() && n.has("cut") && !n.get("cut").isBoolean();
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  /** {@code cmd/estop}: an engage as {@link #engages}; a release exactly as documented. */
  public Commands.Estop estop(byte[] payload) throws ProtocolException {
    String t = "cmd/estop";
    Commands.Estop engaged = engagement(payload);
    if (engaged != null) {
      return engaged;
    }
    JsonNode n = object(t, payload, Set.of("seq", "engage", "cut"));
    JsonNode v = n.get("engage");
    if (v == null || !v.isBoolean()) {
      throw new ProtocolException(t + ": engage: expected true or false");
    }
    JsonNode cut = n.get("cut");
    if (cut != null && !cut.isBoolean()) {
      throw new ProtocolException(t + ": cut: expected true or false");
    }
    return new Commands.Estop(v.asBoolean(), cut != null && cut.asBoolean());
  }

  /** {@code cmd/lease}. */
  public Commands.Lease lease(byte[] payload) throws ProtocolException {
    String t = "cmd/lease";
    JsonNode n = object(t, payload, Set.of("seq", "action"));
    return new Commands.Lease(
        seq(t, n), word(t, n, "action", Set.of("acquire", "release", "take")));
  }

  /** Highest body height accepted on the wire, m (the controller clamps to its own range). */
  public static final double MAX_BODY_HEIGHT = 0.5;

  /** Largest body roll, pitch or yaw accepted on the wire, rad (the controller clamps further). */
  public static final double MAX_BODY_ANGLE = 0.6;

  /** {@code cmd/gait}: {@code {"seq":N,"gait":"tripod"}}; the link checks the name. */
  public Commands.GaitRequest gait(byte[] payload) throws ProtocolException {
    String t = "cmd/gait";
    JsonNode n = object(t, payload, Set.of("seq", "gait"));
    JsonNode v = n.get("gait");
    if (v == null || !v.isTextual() || !v.asText().matches("[A-Za-z0-9_-]{1,32}")) {
      throw new ProtocolException(
          t + ": gait: expected a gait name (1-32 letters, digits, _ or -)");
    }
    return new Commands.GaitRequest(seq(t, n), v.asText());
  }

  /** {@code cmd/body}: {@code {"seq":N,"height":m,"roll":rad,"pitch":rad,"yaw":rad}}. */
  public Commands.Body body(byte[] payload) throws ProtocolException {
    String t = "cmd/body";
    JsonNode n = object(t, payload, Set.of("seq", "height", "roll", "pitch", "yaw"));
    double height = Double.NaN;
    if (n.get("height") != null) {
      height = number(t, n, "height", MAX_BODY_HEIGHT, "m");
      if (!(height > 0)) {
        throw new ProtocolException(
            t + ": height: expected a number above 0 and at most " + MAX_BODY_HEIGHT + " m");
      }
    }
    return new Commands.Body(
        seq(t, n),
        height,
        optional(t, n, "roll", MAX_BODY_ANGLE, "rad"),
        optional(t, n, "pitch", MAX_BODY_ANGLE, "rad"),
        optional(t, n, "yaw", MAX_BODY_ANGLE, "rad"));
  }

  private static double optional(String topic, JsonNode n, String field, double limit, String unit)
      throws ProtocolException {
    return n.get(field) == null ? Double.NaN : number(topic, n, field, limit, unit);
  }

  /** {@code cmd/policy}: {@code {"seq":N,"enabled":true|false}}. */
  public Commands.PolicySwitch policy(byte[] payload) throws ProtocolException {
    String t = "cmd/policy";
    JsonNode n = object(t, payload, Set.of("seq", "enabled"));
    JsonNode v = n.get("enabled");
    if (v == null || !v.isBoolean()) {
      throw new ProtocolException(t + ": enabled: expected true or false");
    }
    return new Commands.PolicySwitch(seq(t, n), v.asBoolean());
  }

  /**
   * {@code cmd/payload}: {@code mass_kg} [0, 5], {@code com_height_m} [0, 0.5], {@code fragility}
   * [0, 1]; every field required, so a declaration is always whole.
   */
  public Commands.PayloadDeclaration payload(byte[] payload) throws ProtocolException {
    String t = "cmd/payload";
    JsonNode n = object(t, payload, Set.of("seq", "mass_kg", "com_height_m", "fragility"));
    for (String f : new String[] {"mass_kg", "com_height_m", "fragility"}) {
      if (n.get(f) == null) {
        throw new ProtocolException(t + ": " + f + ": required (mass_kg, com_height_m, fragility)");
      }
    }
    try {
      return new Commands.PayloadDeclaration(
          seq(t, n),
          new robodog.core.Payload(
              number(t, n, "mass_kg", robodog.core.Payload.MAX_MASS_KG, "kg"),
              number(t, n, "com_height_m", robodog.core.Payload.MAX_COM_HEIGHT_M, "m"),
              number(t, n, "fragility", 1, "")));
    } catch (IllegalArgumentException e) {
      throw new ProtocolException(t + ": " + e.getMessage()); // a negative value
    }
  }

  /** {@code cmd/heartbeat}. */
  public Commands.Heartbeat heartbeat(byte[] payload) throws ProtocolException {
    String t = "cmd/heartbeat";
    JsonNode n = object(t, payload, Set.of("seq"));
    return new Commands.Heartbeat(seq(t, n));
  }
}
