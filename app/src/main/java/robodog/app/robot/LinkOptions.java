package robodog.app.robot;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import robodog.app.TabletOptions;
import robodog.app.link.BrokerOptions;
import robodog.app.ros2.Ros2Options;

/**
 * How operators reach the robot, the same options on every body ({@code run --hardware pi|hil|sim}
 * and its alias {@code sim --realtime}): robot id, the embedded broker or {@code --broker}, the
 * tablet page, ROS 2 and the run database. A picocli mixin; start-up thread.
 */
public final class LinkOptions {
  @Option(
      names = "--mqtt-port",
      defaultValue = "1883",
      description =
          "embedded MQTT broker port on its bind address (0 = any free port; default"
              + " ${DEFAULT-VALUE})")
  int mqttPort;

  @Option(
      names = "--robot-id",
      description = "robot id in MQTT topics robodog/<id>/... (default: the host name)")
  String robotId;

  @Option(names = "--db", description = "run database (default runs/robodog.db)")
  Path db;

  @Mixin BrokerOptions broker = new BrokerOptions();

  @Mixin TabletOptions tablet = new TabletOptions();

  @Mixin Ros2Options ros2 = new Ros2Options();

  public Ros2Options ros2() {
    return ros2;
  }

  /** {@code --db}, or {@code fallback} when not given. */
  public Path db(Path fallback) {
    return db != null ? db : fallback;
  }

  /**
   * The checked operator-side set-up.
   *
   * @param defaultDb the run database when {@code --db} is not given
   * @param routes the shipped routes
   * @param reports where run reports go
   * @throws IllegalArgumentException naming the bad option
   */
  public OperatorSide.Setup setup(Path defaultDb, Path routes, Path reports)
      throws UnknownHostException {
    if (mqttPort < 0 || mqttPort > 65535) {
      throw new IllegalArgumentException("--mqtt-port must be 0..65535, got " + mqttPort);
    }
    tablet.check();
    String id = robotId != null ? robotId : InetAddress.getLocalHost().getHostName();
    if (!id.matches("[A-Za-z0-9_.-]{1,64}")) {
      throw new IllegalArgumentException(
          "--robot-id '" + id + "': expected 1-64 letters, digits, '.', '_' or '-'");
    }
    return new OperatorSide.Setup(
        id, mqttPort, broker, tablet, ros2, db(defaultDb), routes, reports);
  }
}
