package robodog.app.robot;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import robodog.app.TabletOptions;
import robodog.app.link.BrokerOptions;
import robodog.app.mission.MissionWiring;
import robodog.app.ros2.Ros2Options;
import robodog.app.ros2.Ros2Session;
import robodog.core.Clock;
import robodog.core.Mailbox;
import robodog.core.Telemetry;
import robodog.locomotion.LocomotionConfig;
import robodog.operatorlink.CommsLossStages;
import robodog.operatorlink.OperatorLink;
import robodog.operatorlink.mqtt.BrokerLink;
import robodog.operatorlink.tablet.TabletServer;

/**
 * The robot's side that faces people: the MQTT broker (embedded, or an external one), the tablet
 * page, missions with their run database, and the ROS 2 bridge. Opened in that order, each step
 * naming what failed; a failure closes what was opened. The same on every body.
 *
 * <p>Start-up thread for {@link #open} and {@link #close}; {@link #publish} from any thread.
 */
public final class OperatorSide implements AutoCloseable {
  /**
   * Where and how the operators reach the robot.
   *
   * @param robotId the id in {@code robodog/<id>/...}
   * @param mqttPort the embedded broker's port (0 = any free one)
   * @param db the run database
   * @param routes the shipped routes' directory
   * @param reports where finished runs' reports go
   * @param commsLoss the teleop comms-loss stages ({@code link.yaml})
   */
  public record Setup(
      String robotId,
      int mqttPort,
      BrokerOptions broker,
      TabletOptions tablet,
      Ros2Options ros2,
      Path db,
      Path routes,
      Path reports,
      CommsLossStages commsLoss) {
    /** With the shipped comms-loss stages. */
    public Setup(
        String robotId,
        int mqttPort,
        BrokerOptions broker,
        TabletOptions tablet,
        Ros2Options ros2,
        Path db,
        Path routes,
        Path reports) {
      this(robotId, mqttPort, broker, tablet, ros2, db, routes, reports, CommsLossStages.DEFAULT);
    }

    /** The same with {@code stages} (e.g. from {@link CommsLossStages#load}). */
    public Setup withCommsLoss(CommsLossStages stages) {
      return new Setup(robotId, mqttPort, broker, tablet, ros2, db, routes, reports, stages);
    }
  }

  private volatile BrokerLink broker;
  private MissionWiring missions;
  private TabletServer web;
  private Ros2Session ros2;

  private OperatorSide() {}

  /**
   * Opens the missions, the broker (routing {@code cmd/mission} to missions and the rest to {@code
   * link}), the tablet page and ROS 2.
   *
   * @param telemetry the mailbox the link side reads controller telemetry from; with ROS 2 on, the
   *     controller must publish into {@link #controllerTelemetry()} instead
   */
  static OperatorSide open(
      Setup s,
      LocomotionConfig cfg,
      OperatorLink link,
      Mailbox<Telemetry> telemetry,
      Clock clock,
      java.util.function.Consumer<String> errors,
      PrintWriter out)
      throws Exception {
    OperatorSide side = new OperatorSide();
    try {
      side.missions =
          new MissionWiring(
              cfg,
              link,
              s.db(),
              s.routes(),
              s.reports(),
              (topic, json) ->
                  side.publish(
                      topic, json.getBytes(StandardCharsets.UTF_8), topic.equals("state/mission")),
              clock::nanoTime);
      side.broker =
          s.broker()
              .open(
                  s.robotId(),
                  link,
                  side.missions.router(),
                  s.mqttPort(),
                  s.tablet().webSocketPort(),
                  errors,
                  out);
      side.web = s.tablet().start(s.robotId(), side.broker, cfg, out);
      side.publish("state/status", "{\"online\":true}".getBytes(StandardCharsets.UTF_8), true);
      // What start-up left out (missions off, a route not loaded): the log, the console and the
      // operators hear it once the broker can carry it; everything else runs.
      for (String p : side.missions.problems()) {
        errors.accept(p);
        out.println("robodog: " + p);
      }
      side.missions.announce();
      out.printf(
          Locale.ROOT,
          "MQTT broker %s, topics robodog/%s/cmd/...%n",
          side.broker.describe(),
          s.robotId());
      out.flush();
      side.ros2 = s.ros2().start(link, telemetry, cfg.robot(), errors, out);
      return side;
    } catch (Exception | Error e) {
      side.close();
      throw e;
    }
  }

  /** The mailbox the controller publishes telemetry into (ROS 2 passes it on when on). */
  Mailbox<Telemetry> controllerTelemetry() {
    return ros2.controllerTelemetry();
  }

  MissionWiring missions() {
    return missions;
  }

  /** The broker, or null once closed. */
  BrokerLink broker() {
    return broker;
  }

  /** Publishes under {@code robodog/<id>/} if the broker is open; any thread. */
  public void publish(String topic, byte[] payload, boolean retained) {
    BrokerLink b = broker;
    if (b != null) {
      b.publish(topic, payload, retained);
    }
  }

  /**
   * Closes ROS 2, the page, the broker (which says {@code state/status} offline, retained, so every
   * later subscriber knows) and the database. Idempotent.
   */
  @Override
  public synchronized void close() {
    if (ros2 != null) {
      ros2.close();
      ros2 = null;
    }
    if (web != null) {
      web.close();
      web = null;
    }
    if (missions != null) {
      missions.finishCommands(); // their answers need the broker
    }
    BrokerLink b = broker;
    broker = null;
    if (b != null) {
      b.close();
    }
    if (missions != null) {
      missions.close();
      missions = null;
    }
  }
}
