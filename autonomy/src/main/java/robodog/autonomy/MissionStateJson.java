package robodog.autonomy;

import java.util.List;
import java.util.Locale;

/**
 * Writes the {@code state/mission} JSON (documented in docs/missions.md): what the service is doing
 * (idle, recording or a run's state), the run's progress and the stored route names.
 *
 * <p>Reuses one buffer, so one instance per {@link MissionService}, called under its lock.
 */
final class MissionStateJson {
  private final StringBuilder json = new StringBuilder(512);

  /**
   * @param mission the run in progress, or null
   * @param runId its database id (ignored without a mission)
   * @param dispatcher who supervises the run
   * @param recorder the route being taught, or null
   * @param routes stored route names, alphabetical
   */
  String encode(
      Mission mission, long runId, String dispatcher, TeachRecorder recorder, List<String> routes) {
    json.setLength(0);
    json.append("{\"state\":\"");
    json.append(
        mission != null ? mission.state().wireName() : recorder != null ? "recording" : "idle");
    json.append('"');
    if (recorder != null) {
      json.append(",\"recording\":{\"route\":\"")
          .append(recorder.name())
          .append("\",\"breadcrumbs\":")
          .append(recorder.breadcrumbs())
          .append('}');
    }
    if (mission != null) {
      double[] p = mission.pose();
      json.append(
          String.format(
              Locale.ROOT,
              ",\"run\":{\"id\":%d,\"route\":\"%s\",\"dispatched_by\":\"%s\",\"profile\":\"%s\","
                  + "\"comms_loss\":\"%s\",\"next_waypoint\":%d,\"waypoints\":%d,"
                  + "\"distance_walked_m\":%.2f,\"distance_left_m\":%.2f,\"eta_s\":%.0f,"
                  + "\"under_way_s\":%.1f,\"x\":%.3f,\"y\":%.3f,\"yaw\":%.3f}",
              runId,
              mission.route().name(),
              dispatcher,
              mission.profile().name(),
              mission.commsLoss().policy().wireName(),
              mission.nextWaypoint(),
              mission.route().waypoints().size(),
              mission.distanceWalkedM(),
              mission.distanceLeftM(),
              mission.etaS(),
              mission.underWayS(),
              p[0],
              p[1],
              p[2]));
    }
    json.append(",\"routes\":[");
    for (int i = 0; i < routes.size(); i++) {
      json.append(i == 0 ? "\"" : ",\"").append(routes.get(i)).append('"');
    }
    json.append("]}");
    return json.toString();
  }
}
