package robodog.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.util.Locale;
import picocli.CommandLine.Option;
import robodog.locomotion.LocomotionConfig;
import robodog.operatorlink.mqtt.EmbeddedBroker;
import robodog.operatorlink.tablet.TabletConfig;
import robodog.operatorlink.tablet.TabletServer;

/**
 * The tablet's options ({@code --ws-port}, {@code --http-port}, a picocli mixin) and its wiring:
 * the page server next to the embedded broker's MQTT-over-WebSocket listener. Start-up thread.
 */
final class TabletOptions {
  @Option(
      names = "--ws-port",
      defaultValue = "9001",
      description =
          "with --realtime: MQTT over WebSockets for the tablet page, on the broker's host"
              + " (0 = any free port; default ${DEFAULT-VALUE})")
  int wsPort;

  @Option(
      names = "--http-port",
      defaultValue = "8080",
      description =
          "with --realtime: the tablet page's web server, on the broker's host"
              + " (0 = any free port; default ${DEFAULT-VALUE})")
  int httpPort;

  /** {@code --ws-port}, checked: the value for {@link EmbeddedBroker}'s constructor. */
  int webSocketPort() {
    return checkPort("--ws-port", wsPort);
  }

  /**
   * Starts the page server for {@code broker} (which must have a WebSocket listener) and prints
   * where the tablet should go.
   */
  TabletServer start(String robotId, EmbeddedBroker broker, LocomotionConfig cfg, PrintWriter out)
      throws IOException {
    TabletConfig page =
        new TabletConfig(
            robotId,
            broker.webSocketPort(),
            EmbeddedBroker.WEB_SOCKET_PATH,
            cfg.gaitTable().names(),
            cfg.settings().minHeight(),
            cfg.settings().maxHeight(),
            cfg.robot().stance().bodyHeightM());
    // Same host as the broker: a page that cannot reach the broker is no use to anyone.
    TabletServer server =
        new TabletServer(
            new InetSocketAddress("127.0.0.1", checkPort("--http-port", httpPort)), page);
    out.printf(
        Locale.ROOT,
        "Tablet page %s (MQTT over WebSocket ws://127.0.0.1:%d%s)%n",
        server.url(),
        broker.webSocketPort(),
        EmbeddedBroker.WEB_SOCKET_PATH);
    out.flush();
    return server;
  }

  private static int checkPort(String option, int port) {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException(option + " must be 0..65535, got " + port);
    }
    return port;
  }
}
