package robodog.autonomy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.function.Consumer;
import java.util.function.ToIntFunction;
import robodog.autonomy.store.ActiveRun;
import robodog.autonomy.store.Incident;
import robodog.autonomy.store.RunDatabase;
import robodog.core.Payload;

/**
 * A run's dispatch settings as the run database keeps them, and the run rebuilt from them after the
 * robot process restarted mid-run (shown as interrupted, standing still until resumed).
 *
 * <p>Stateless; called by {@link MissionService} under its lock.
 */
final class StoredRun {
  private static final ObjectMapper JSON = new ObjectMapper();

  private StoredRun() {}

  /** The payload as stored in {@code runs.payload_json}: every digit of each number. */
  static String payloadJson(Payload p) {
    return JSON.createObjectNode()
        .put("mass_kg", p.massKg())
        .put("com_height_m", p.comHeightM())
        .put("fragility", p.fragility())
        .toString();
  }

  /**
   * The ride profile for a stored payload; the gentlest when the JSON cannot be read, rather than
   * refuse to show the run.
   */
  static RideProfile profile(String payloadJson) {
    try {
      JsonNode n = JSON.readTree(payloadJson);
      return RideProfile.forPayload(
          new Payload(
              n.get("mass_kg").asDouble(),
              n.get("com_height_m").asDouble(),
              n.get("fragility").asDouble()));
    } catch (Exception e) {
      return RideProfile.forPayload(new Payload(Payload.MAX_MASS_KG, 0.25, 1));
    }
  }

  /**
   * Rebuilds the run that was in progress when the process stopped, marks it interrupted in the
   * database and records why. When its route is gone the run is closed as "ended" instead.
   *
   * @param ox odometry pose now (odom frame, m, rad); oy, oyaw likewise
   * @return the mission, holding still, or null when the route is gone
   */
  static Mission restore(
      RunDatabase db,
      ActiveRun a,
      ToIntFunction<String> gaitIndex,
      Consumer<Incident> incidents,
      double ox,
      double oy,
      double oyaw) {
    Route route = db.route(a.run().route()).orElse(null);
    if (route == null) {
      db.finishRun(
          a.run().id(),
          "ended",
          a.run().distanceM(),
          a.run().durationS(),
          System.currentTimeMillis());
      return null;
    }
    RideProfile prof = profile(a.run().payloadJson());
    double[] limits = db.commsLossLimits(a.run().id());
    Mission.CommsLoss loss =
        new Mission.CommsLoss(CommsLossPolicy.parse(a.run().commsLoss()), limits[0], limits[1]);
    Mission mission = new Mission(route, prof, loss, gaitIndex.applyAsInt(prof.gait()), incidents);
    mission.restore(
        a.nextWaypoint(),
        ox,
        oy,
        oyaw,
        a.x(),
        a.y(),
        a.yaw(),
        a.run().distanceM(),
        a.run().durationS());
    db.setState(a.run().id(), RunState.INTERRUPTED.wireName());
    db.addIncident(
        a.run().id(),
        new Incident(
            a.run().durationS(),
            "interrupted",
            "the robot process restarted while the run was "
                + a.state()
                + "; standing still until resumed"));
    return mission;
  }
}
