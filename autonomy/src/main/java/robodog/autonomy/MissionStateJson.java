package robodog.autonomy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * Writes the {@code state/mission} JSON (documented in docs/missions.md): what the service is doing
 * (idle, recording or a run's state), the run's progress and the stored route names. Built by
 * Jackson: route names and the dispatcher's client id are user-chosen text and may hold any
 * character.
 *
 * <p>One instance per {@link MissionService}, called under its lock.
 */
final class MissionStateJson {
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * @param mission the run in progress, or null
   * @param runId its database id (ignored without a mission)
   * @param dispatcher who supervises the run
   * @param recorder the route being taught, or null
   * @param routes stored route names, alphabetical
   */
  String encode(
      Mission mission, long runId, String dispatcher, TeachRecorder recorder, List<String> routes) {
    ObjectNode n = JSON.createObjectNode();
    n.put(
        "state",
        mission != null ? mission.state().wireName() : recorder != null ? "recording" : "idle");
    if (recorder != null) {
      ObjectNode r = n.putObject("recording");
      r.put("route", recorder.name());
      r.put("breadcrumbs", recorder.breadcrumbs());
    }
    if (mission != null) {
      double[] p = mission.pose();
      ObjectNode run = n.putObject("run");
      run.put("id", runId);
      run.put("route", mission.route().name());
      run.put("dispatched_by", dispatcher);
      // Who paused the run by hand (only they or the supervisor may resume it); null otherwise.
      run.put("paused_by", mission.pausedBy());
      run.put("profile", mission.profile().name());
      run.put("comms_loss", mission.commsLoss().policy().wireName());
      run.put("next_waypoint", mission.nextWaypoint());
      run.put("waypoints", mission.route().waypoints().size());
      num(run, "distance_walked_m", mission.distanceWalkedM(), 100);
      num(run, "distance_left_m", mission.distanceLeftM(), 100);
      num(run, "eta_s", mission.etaS(), 1);
      num(run, "under_way_s", mission.underWayS(), 10);
      num(run, "x", p[0], 1000);
      num(run, "y", p[1], 1000);
      num(run, "yaw", p[2], 1000);
    }
    ArrayNode names = n.putArray("routes");
    for (String r : routes) {
      names.add(r);
    }
    try {
      return JSON.writeValueAsString(n);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("state/mission not encodable", e); // cannot happen for a tree
    }
  }

  /**
   * {@code v} to 1/{@code per} of its unit (the wire carries cm, not float noise); a non-finite
   * value is written as null, never as a NaN token or string.
   */
  private static void num(ObjectNode o, String key, double v, double per) {
    if (Double.isFinite(v) && per == 1) {
      o.put(key, Math.round(v));
    } else if (Double.isFinite(v)) {
      o.put(key, Math.round(v * per) / per);
    } else {
      o.putNull(key);
    }
  }
}
