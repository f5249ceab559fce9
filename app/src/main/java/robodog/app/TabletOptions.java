package robodog.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Locale;
import picocli.CommandLine.Option;
import robodog.locomotion.LocomotionConfig;
import robodog.operatorlink.mqtt.BrokerLink;
import robodog.operatorlink.mqtt.EmbeddedBroker;
import robodog.operatorlink.tablet.TabletConfig;
import robodog.operatorlink.tablet.TabletServer;

/**
 * The tablet's options ({@code --ws-port}, {@code --http-port}, {@code --http-bind}, {@code
 * --tablet-ws-url}; a picocli mixin) and its wiring: the page server next to the broker's
 * MQTT-over-WebSocket listener. Start-up thread.
 */
public final class TabletOptions {
  @Option(
      names = "--ws-port",
      defaultValue = "9001",
      description =
          "with --realtime: the embedded broker's MQTT over WebSockets for the tablet page, on"
              + " its bind address (0 = any free port; default ${DEFAULT-VALUE})")
  int wsPort;

  @Option(
      names = "--http-port",
      defaultValue = "8080",
      description =
          "with --realtime: the tablet page's web server (0 = any free port; default"
              + " ${DEFAULT-VALUE})")
  int httpPort;

  @Option(
      names = "--http-bind",
      description =
          "tablet page bind address (default: the embedded broker's, or 127.0.0.1 with --broker)")
  String httpBind;

  @Option(
      names = "--tablet-ws-url",
      description =
          "with --broker: the external broker's MQTT-over-WebSocket URL for the tablet page,"
              + " e.g. ws://broker.local:9001/mqtt (without it, no page is served)")
  String externalWsUrl;

  /** {@code --ws-port}, checked: the value for the embedded broker. */
  public int webSocketPort() {
    return checkPort("--ws-port", wsPort);
  }

  /**
   * Starts the page server for {@code broker} and prints where the tablet should go; null (and a
   * line saying why) for an external broker without {@code --tablet-ws-url}.
   */
  public TabletServer start(
      String robotId, BrokerLink broker, LocomotionConfig cfg, PrintWriter out) throws IOException {
    int port = checkPort("--http-port", httpPort);
    String bind;
    String wsUrl;
    int brokerWsPort = 1;
    int brokerWssPort = -1;
    if (broker instanceof EmbeddedBroker) {
      EmbeddedBroker embedded = (EmbeddedBroker) broker;
      bind = httpBind != null ? httpBind : embedded.host();
      brokerWsPort = embedded.webSocketPort();
      brokerWssPort = embedded.secureWebSocketPort();
      wsUrl = null;
    } else if (externalWsUrl != null) {
      bind = httpBind != null ? httpBind : "127.0.0.1";
      wsUrl = externalWsUrl;
    } else {
      out.println(
          "Tablet page not served: give the external broker's WebSocket URL with --tablet-ws-url");
      return null;
    }
    TabletConfig page =
        new TabletConfig(
            robotId,
            wsUrl,
            brokerWsPort,
            EmbeddedBroker.WEB_SOCKET_PATH,
            cfg.gaitTable().names(),
            cfg.settings().minHeight(),
            cfg.settings().maxHeight(),
            cfg.robot().stance().bodyHeightM(),
            brokerWssPort);
    TabletServer server = new TabletServer(new InetSocketAddress(bind, port), page);
    String host =
        bind.equals("0.0.0.0") || bind.equals("::")
            ? InetAddress.getLocalHost().getHostName()
            : bind;
    out.printf(
        Locale.ROOT,
        "Tablet page http://%s:%d/ (MQTT over WebSocket %s)%n",
        host,
        server.port(),
        wsUrl != null
            ? wsUrl
            : "ws://" + host + ":" + brokerWsPort + EmbeddedBroker.WEB_SOCKET_PATH);
    if (brokerWssPort > 0) {
      out.printf(
          Locale.ROOT,
          "  over TLS: http://%s:%d/?tls=1 (MQTT over wss://%s:%d%s; the tablet must trust the"
              + " robot's certificate)%n",
          host,
          server.port(),
          host,
          brokerWssPort,
          EmbeddedBroker.WEB_SOCKET_PATH);
    }
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
