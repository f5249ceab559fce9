package robodog.autonomy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Set;
import robodog.core.Payload;

/**
 * A parsed {@code cmd/mission} message (docs/missions.md). Parsing is strict: unknown fields, wrong
 * types and out-of-range numbers are refused with a message naming the field. Immutable; any
 * thread.
 *
 * @param op record_start, record_stop, record_cancel, list_routes, show_route, dispatch, pause,
 *     resume, abort, return_home or heartbeat
 * @param route route name (record_start, show_route, dispatch) or null
 * @param payload dispatch only; null when the dispatch declares none (the robot's declared payload
 *     then applies)
 * @param commsLoss dispatch only
 * @param toleranceM waypoint tolerance, m
 * @param learn dispatch only: the run learns per-segment settings from and for later runs of its
 *     route ({@code "learn": false} walks the ride profile's own setting and stores nothing)
 */
public record MissionCommand(
    long seq,
    String op,
    String route,
    Payload payload,
    Mission.CommsLoss commsLoss,
    double toleranceM,
    boolean learn) {
  static final Set<String> OPS =
      Set.of(
          "record_start",
          "record_stop",
          "record_cancel",
          "list_routes",
          "show_route",
          "dispatch",
          "pause",
          "resume",
          "abort",
          "return_home",
          "heartbeat");
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Parses one message; throws IllegalArgumentException with the reason. */
  public static MissionCommand parse(byte[] bytes) {
    if (bytes.length > 4096) {
      throw new IllegalArgumentException("cmd/mission: message over 4096 bytes");
    }
    JsonNode n;
    try {
      n = JSON.readTree(new String(bytes, StandardCharsets.UTF_8));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cmd/mission: not JSON: " + e.getOriginalMessage());
    }
    if (n == null || !n.isObject()) {
      throw new IllegalArgumentException("cmd/mission: expected a JSON object");
    }
    // "client" names the sender behind an external broker (docs/operator-protocol.md); the broker
    // link has already read it, so here it is only checked and otherwise ignored.
    only(
        n,
        "cmd/mission",
        Set.of("seq", "op", "route", "payload", "comms_loss", "tolerance_m", "client", "learn"));
    JsonNode learnN = n.get("learn");
    if (learnN != null && !learnN.isBoolean()) {
      throw new IllegalArgumentException(
          "cmd/mission: learn: expected true or false, got " + learnN);
    }
    JsonNode clientN = n.get("client");
    if (clientN != null
        && (!clientN.isTextual() || !clientN.asText().matches(Route.NAME_PATTERN))) {
      throw new IllegalArgumentException(
          "cmd/mission: client: expected 1-64 letters, digits, '.', '_' or '-'");
    }
    JsonNode seqN = n.get("seq");
    if (seqN == null || !seqN.canConvertToLong() || !seqN.isIntegralNumber() || seqN.asLong() < 0) {
      throw new IllegalArgumentException("cmd/mission: seq: expected a non-negative integer");
    }
    JsonNode opN = n.get("op");
    if (opN == null || !opN.isTextual() || !OPS.contains(opN.asText())) {
      throw new IllegalArgumentException(
          "cmd/mission: op: expected one of " + String.join(", ", new java.util.TreeSet<>(OPS)));
    }
    String op = opN.asText();
    String route = null;
    JsonNode r = n.get("route");
    if (r != null) {
      if (!r.isTextual() || !r.asText().matches(Route.NAME_PATTERN)) {
        throw new IllegalArgumentException(
            "cmd/mission: route: expected 1-64 letters, digits, '.', '_' or '-'");
      }
      route = r.asText();
    }
    if ((op.equals("dispatch") || op.equals("record_start") || op.equals("show_route"))
        && route == null) {
      throw new IllegalArgumentException("cmd/mission: " + op + " needs a route name");
    }
    Payload payload = null;
    Mission.CommsLoss loss = null;
    if (op.equals("dispatch")) {
      JsonNode p = n.get("payload");
      if (p == null) {
        payload = null; // the robot's declared payload
      } else {
        if (!p.isObject()) {
          throw new IllegalArgumentException("cmd/mission: payload: expected an object");
        }
        only(p, "payload", Set.of("mass_kg", "com_height_m", "fragility"));
        payload =
            new Payload(
                num(p, "payload.mass_kg", 0),
                num(p, "payload.com_height_m", 0),
                num(p, "payload.fragility", 0));
      }
      JsonNode c = n.get("comms_loss");
      loss = Mission.CommsLoss.defaults();
      if (c != null) {
        if (!c.isObject()) {
          throw new IllegalArgumentException("cmd/mission: comms_loss: expected an object");
        }
        only(c, "comms_loss", Set.of("policy", "timeout_s", "radius_m"));
        JsonNode pol = c.get("policy");
        CommsLossPolicy policy = loss.policy();
        if (pol != null) {
          if (!pol.isTextual()) {
            throw new IllegalArgumentException("cmd/mission: comms_loss.policy: expected a string");
          }
          policy = CommsLossPolicy.parse(pol.asText());
        }
        loss =
            new Mission.CommsLoss(
                policy,
                num(c, "comms_loss.timeout_s", loss.timeoutS()),
                num(c, "comms_loss.radius_m", loss.radiusM()));
      }
    }
    double tol = n.has("tolerance_m") ? num(n, "tolerance_m", 0.2) : 0.2;
    if (!(tol >= 0.05 && tol <= 2)) {
      throw new IllegalArgumentException(
          "cmd/mission: tolerance_m: expected a number in [0.05, 2] m, got " + tol);
    }
    return new MissionCommand(
        seqN.asLong(), op, route, payload, loss, tol, learnN == null || learnN.asBoolean());
  }

  private static void only(JsonNode n, String where, Set<String> allowed) {
    for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
      String f = it.next();
      if (!allowed.contains(f)) {
        throw new IllegalArgumentException(
            where + ": unknown field '" + f + "': expected " + new java.util.TreeSet<>(allowed));
      }
    }
  }

  private static double num(JsonNode parent, String field, double dflt) {
    String key = field.substring(field.lastIndexOf('.') + 1);
    JsonNode v = parent.get(key);
    if (v == null) {
      return dflt;
    }
    if (!v.isNumber() || !Double.isFinite(v.asDouble())) {
      throw new IllegalArgumentException("cmd/mission: " + field + ": expected a number, got " + v);
    }
    return v.asDouble();
  }
}
