package robodog.app.robot;

import java.util.function.Supplier;
import robodog.app.learn.PolicyWiring;
import robodog.app.mission.MissionWiring;
import robodog.app.perception.PerceptionTelemetry;
import robodog.core.Mailbox;
import robodog.core.Payload;
import robodog.core.Telemetry;
import robodog.core.jobs.PeriodicJobs;
import robodog.core.perception.Landmarks;
import robodog.locomotion.LocomotionConfig;
import robodog.operatorlink.OperatorLink;
import robodog.operatorlink.mqtt.TelemetryJson;

/**
 * The robot's link-side jobs ({@link Robot} has the table of threads and rates): the link's timers,
 * which also hand the newest telemetry and markers on to missions through mailboxes of their own
 * (every mailbox has one reader), telemetry and camera snapshots out, and the missions step.
 * Start-up thread for {@link #add}; each job then runs on its named thread.
 */
final class SideJobs {
  private SideJobs() {}

  /**
   * Adds the jobs: always the link's timers; with an operator's side also telemetry, the camera
   * (when perception runs) and missions.
   *
   * @param telemetry the controller's telemetry as the link side reads it (its one reader)
   * @param side the operator's side, or null
   * @param perception the body's perception, or null
   * @param advisor the learned advisor, or null
   */
  static void add(
      PeriodicJobs jobs,
      OperatorLink link,
      Mailbox<Telemetry> telemetry,
      OperatorSide side,
      BodyPerception perception,
      PolicyWiring advisor,
      Supplier<Payload> payload) {
    Mailbox<Telemetry> missionTelemetry = LocomotionConfig.telemetryMailbox();
    Mailbox<Landmarks> missionMarkers = new Mailbox<>(Landmarks::new, (a, b) -> b.copyFrom(a));
    boolean withSide = side != null;
    PerceptionTelemetry perceptTel =
        perception == null || !withSide ? null : new PerceptionTelemetry(perception.outputs());
    // A change of mode (an E-stop above all) is published at once from the 500 Hz link timers
    // rather than at the next 10 Hz telemetry: the operator sees the stop within milliseconds.
    robodog.core.Mode[] shownMode = {null};
    jobs.add(
        Robot.LINK_THREAD,
        "link-timers",
        Robot.LINK_TIMER_HZ,
        now -> {
          link.tick(now);
          if (withSide) {
            Telemetry t = telemetry.poll();
            if (t != null) {
              missionTelemetry.offer(t);
              if (t.mode != shownMode[0]) {
                shownMode[0] = t.mode;
                publishTelemetry(now, telemetry, link, side, advisor, perceptTel, payload.get());
              }
            }
            Landmarks l = perception == null ? null : perception.outputs().landmarks().poll();
            if (l != null) {
              missionMarkers.offer(l);
            }
          }
        });
    if (!withSide) {
      return;
    }
    jobs.add(
        Robot.LINK_THREAD,
        "telemetry",
        Robot.TELEMETRY_HZ,
        now -> publishTelemetry(now, telemetry, link, side, advisor, perceptTel, payload.get()));
    if (perceptTel != null) {
      jobs.add(
          Robot.LINK_THREAD,
          "camera",
          Robot.CAMERA_HZ,
          now -> {
            if (side.broker() != null) {
              perceptTel.publishSnapshot(side.broker());
            }
          });
    }
    jobs.add(
        Robot.MISSIONS_THREAD,
        "missions",
        MissionWiring.RATE_HZ,
        now -> side.missions().step(now, missionTelemetry.latest(), missionMarkers.latest()));
  }

  private static void publishTelemetry(
      long now,
      Mailbox<Telemetry> telemetry,
      OperatorLink link,
      OperatorSide side,
      PolicyWiring advisor,
      PerceptionTelemetry perceptTel,
      Payload payload) {
    Telemetry t = telemetry.latest();
    if (t == null || side.broker() == null) {
      return;
    }
    byte[] json =
        TelemetryJson.encode(
            t,
            link.leaseHolder(),
            link.refused() + side.broker().refusedPublishes(),
            advisor == null ? null : advisor.reason(),
            perceptTel == null ? null : perceptTel.json(t.safetyScale, now));
    json = TelemetryJson.withField(json, "payload", TelemetryJson.payload(payload));
    json =
        TelemetryJson.withField(
            json,
            "comms",
            TelemetryJson.comms(link.holderSilentSeconds(now), link.commsStage().wireName()));
    side.publish("state/telemetry", json, false);
  }
}
