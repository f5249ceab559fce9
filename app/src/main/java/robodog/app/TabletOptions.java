package robodog.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Option;
import robodog.locomotion.LocomotionConfig;
import robodog.operatorlink.mqtt.BrokerLink;
import robodog.operatorlink.mqtt.EmbeddedBroker;
import robodog.operatorlink.mqtt.auth.BrokerSecurity;
import robodog.operatorlink.mqtt.ws.KeystoreTls;
import robodog.operatorlink.mqtt.ws.OriginPolicy;
import robodog.operatorlink.tablet.TabletConfig;
import robodog.operatorlink.tablet.TabletServer;

/**
 * The tablet's options ({@code --ws-port}, {@code --http-port}, {@code --http-bind}, {@code
 * --tablet-ws-url}, {@code --ws-allow-origin}; a picocli mixin) and its wiring: the page server
 * next to the broker's MQTT-over-WebSocket listeners, which then accept browsers showing this page
 * (its origins for every name the robot is reachable by) and the origins named with {@code
 * --ws-allow-origin}, nothing else. With a secure WebSocket listener ({@code --mqtt-tls-keystore}
 * and {@code --wss-port}) the page is served over https with the same keystore. Start-up thread.
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

  @Option(
      names = "--ws-allow-origin",
      split = ",",
      paramLabel = "ORIGIN",
      description =
          "a web page origin (scheme://host[:port], e.g. https://crew.example:8443) whose browsers"
              + " may also open the embedded broker's MQTT WebSocket, besides the robot's own"
              + " tablet page; repeatable or comma-separated")
  List<String> allowedOrigins = new ArrayList<>();

  /**
   * Checks {@code --ws-allow-origin} (before anything is opened).
   *
   * @return the configured origins
   * @throws IllegalArgumentException naming the option, the origin and what was expected
   */
  public OriginPolicy check() {
    try {
      return OriginPolicy.of(allowedOrigins);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--ws-allow-origin: " + e.getMessage(), e);
    }
  }

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
    OriginPolicy extra = check();
    if (!(broker instanceof EmbeddedBroker) && !allowedOrigins.isEmpty()) {
      throw new IllegalArgumentException(
          "--ws-allow-origin applies to the embedded broker's WebSocket listeners; with --broker"
              + " the external broker decides which pages may connect");
    }
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
    // A secure WebSocket listener means the crew wants TLS: the page comes over https too (with
    // the same certificate), so nobody on the Wi-Fi can rewrite it on its way to the tablet.
    BrokerSecurity.Tls tls =
        broker instanceof EmbeddedBroker && brokerWssPort > 0
            ? ((EmbeddedBroker) broker).tls()
            : null;
    TabletServer server =
        new TabletServer(
            new InetSocketAddress(bind, port),
            page,
            tls == null ? null : KeystoreTls.netty(tls.keystore(), tls.password()));
    if (broker instanceof EmbeddedBroker) {
      OriginPolicy origins = extra.and(server.origins());
      ((EmbeddedBroker) broker).allowWebSocketOrigins(origins);
    }
    String host =
        bind.equals("0.0.0.0") || bind.equals("::")
            ? InetAddress.getLocalHost().getHostName()
            : bind;
    out.printf(
        Locale.ROOT,
        "Tablet page %s://%s:%d/ (MQTT over WebSocket %s)%n",
        server.scheme(),
        host,
        server.port(),
        wsUrl != null
            ? wsUrl
            : tls != null
                ? "wss://" + host + ":" + brokerWssPort + EmbeddedBroker.WEB_SOCKET_PATH
                : "ws://" + host + ":" + brokerWsPort + EmbeddedBroker.WEB_SOCKET_PATH);
    if (tls != null) {
      out.printf(
          Locale.ROOT, "  over TLS with the robot's certificate, which the tablet must trust%n");
    }
    if (!extra.allowed().isEmpty()) {
      out.printf(Locale.ROOT, "  other pages allowed on the WebSocket: %s%n", extra);
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
