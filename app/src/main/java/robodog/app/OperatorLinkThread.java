package robodog.app;

import robodog.app.learn.PolicyWiring;
import robodog.app.mission.MissionWiring;
import robodog.app.perception.PerceptionTelemetry;
import robodog.core.Mailbox;
import robodog.core.Telemetry;
import robodog.operatorlink.OperatorLink;
import robodog.operatorlink.mqtt.BrokerLink;
import robodog.operatorlink.mqtt.TelemetryJson;

/**
 * The operator link's own thread in a realtime run: the watchdog at 500 Hz (the control tick
 * enforces the command deadline itself; this clears expired commands and handles the sit-down
 * timer), the mission service's step, telemetry out at 10 Hz and camera snapshots at 20 Hz
 * (rate-limited again by the pipeline). Never the control loop: it reads the controller's telemetry
 * mailbox only.
 */
final class OperatorLinkThread {
  private OperatorLinkThread() {}

  /**
   * Starts the daemon thread "operator-link"; interrupt it to stop.
   *
   * @param advisor the learned policy, or null
   * @param perception perception's telemetry, or null
   */
  static Thread start(
      OperatorLink link,
      Mailbox<Telemetry> telemetry,
      MissionWiring missions,
      BrokerLink broker,
      PolicyWiring advisor,
      PerceptionTelemetry perception) {
    Thread t =
        new Thread(
            () -> {
              for (long n = 0; !Thread.currentThread().isInterrupted(); n++) {
                link.tick(System.nanoTime());
                Telemetry tel = telemetry.latest();
                missions.step(System.nanoTime(), tel);
                if (tel != null && n % 50 == 0) {
                  broker.publish(
                      "state/telemetry",
                      TelemetryJson.encode(
                          tel,
                          link.leaseHolder(),
                          link.refused() + broker.refusedPublishes(),
                          advisor == null ? null : advisor.reason(),
                          perception == null
                              ? null
                              : perception.json(tel.safetyScale, System.nanoTime())),
                      false);
                }
                if (perception != null && n % 25 == 0) {
                  perception.publishSnapshot(broker);
                }
                try {
                  Thread.sleep(2);
                } catch (InterruptedException e) {
                  return;
                }
              }
            },
            "operator-link");
    t.setDaemon(true);
    t.start();
    return t;
  }
}
