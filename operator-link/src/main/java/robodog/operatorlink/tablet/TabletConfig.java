package robodog.operatorlink.tablet;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the tablet page learns from {@code /config.json}: which robot it talks to, where the
 * MQTT-over-WebSocket endpoint is, the gait names (index = telemetry's {@code gait}) and the body
 * height range. Immutable; any thread.
 *
 * @param robotId the {@code <robot_id>} in topics
 * @param webSocketUrl the broker's MQTT-over-WebSocket URL when it is not on the robot (an external
 *     broker), or null: then {@code ws://<the host the tablet used>:<webSocketPort><path>}
 * @param webSocketPort MQTT-over-WebSocket port on the robot (1..65535; ignored with a URL)
 * @param webSocketPath its HTTP path, e.g. {@code /mqtt}
 * @param gaits gait names in gait-table order
 * @param minBodyHeightM lowest body height the controller accepts, m
 * @param maxBodyHeightM highest, m
 * @param neutralBodyHeightM standing height, m
 * @param secureWebSocketPort MQTT over secure WebSockets ({@code wss://}) on the robot, or -1 when
 *     the broker has no such listener; the page uses it when it was itself loaded over https or
 *     opened with {@code ?tls=1}
 */
public record TabletConfig(
    String robotId,
    String webSocketUrl,
    int webSocketPort,
    String webSocketPath,
    List<String> gaits,
    double minBodyHeightM,
    double maxBodyHeightM,
    double neutralBodyHeightM,
    int secureWebSocketPort) {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The broker on the robot: the page connects to the host it loaded from, on this port. */
  public TabletConfig(
      String robotId,
      int webSocketPort,
      String webSocketPath,
      List<String> gaits,
      double minBodyHeightM,
      double maxBodyHeightM,
      double neutralBodyHeightM) {
    this(
        robotId,
        null,
        webSocketPort,
        webSocketPath,
        gaits,
        minBodyHeightM,
        maxBodyHeightM,
        neutralBodyHeightM,
        -1);
  }

  /** Checks the values once, at start-up. */
  public TabletConfig {
    if (webSocketUrl != null) {
      if (!webSocketUrl.matches("wss?://[A-Za-z0-9.:\\[\\]-]+(/[A-Za-z0-9._/-]*)?")) {
        throw new IllegalArgumentException(
            "tablet: WebSocket URL '"
                + webSocketUrl
                + "': expected ws://host:port/path or wss://host:port/path");
      }
      webSocketPort = 1; // unused
      secureWebSocketPort = -1; // the URL says it all
    }
    if (secureWebSocketPort != -1 && (secureWebSocketPort < 1 || secureWebSocketPort > 65535)) {
      throw new IllegalArgumentException(
          "tablet: the secure WebSocket port must be 1..65535 or -1, got " + secureWebSocketPort);
    }
    if (webSocketPort < 1 || webSocketPort > 65535) {
      throw new IllegalArgumentException(
          "tablet: the WebSocket port must be 1..65535, got " + webSocketPort);
    }
    if (!webSocketPath.startsWith("/")) {
      throw new IllegalArgumentException(
          "tablet: WebSocket path must start with '/', got " + webSocketPath);
    }
    if (!(minBodyHeightM > 0
        && minBodyHeightM <= neutralBodyHeightM
        && neutralBodyHeightM <= maxBodyHeightM)) {
      throw new IllegalArgumentException(
          "tablet: expected 0 < min <= neutral <= max body height, got "
              + minBodyHeightM
              + ", "
              + neutralBodyHeightM
              + ", "
              + maxBodyHeightM);
    }
    gaits = List.copyOf(gaits);
  }

  /**
   * Where the page may open network connections besides itself (its CSP {@code connect-src}): the
   * broker's {@code ws://} and {@code wss://} endpoints as {@link #json} names them for {@code
   * host}, without their path.
   */
  public java.util.List<String> connectSources(String host) {
    java.util.List<String> out = new java.util.ArrayList<>();
    if (webSocketUrl != null) {
      int slash = webSocketUrl.indexOf('/', webSocketUrl.indexOf("://") + 3);
      out.add(slash < 0 ? webSocketUrl : webSocketUrl.substring(0, slash));
    } else {
      out.add("ws://" + host + ":" + webSocketPort);
      if (secureWebSocketPort > 0) {
        out.add("wss://" + host + ":" + secureWebSocketPort);
      }
    }
    return out;
  }

  /**
   * The JSON for a page that reached the robot as {@code host}.
   *
   * @param host host name or address the tablet used (IPv6 in brackets), so the page connects to
   *     the broker the same way
   */
  public byte[] json(String host) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("robot_id", robotId);
    m.put(
        "ws_url",
        webSocketUrl != null ? webSocketUrl : "ws://" + host + ":" + webSocketPort + webSocketPath);
    if (secureWebSocketPort > 0) {
      m.put("wss_url", "wss://" + host + ":" + secureWebSocketPort + webSocketPath);
    }
    // Behind an external broker each user publishes under its own path, which the broker's ACL
    // enforces ({user} is the login name the page is given); on the robot's broker: cmd/.
    m.put("command_path", webSocketUrl != null ? "op/{user}/cmd/" : "cmd/");
    m.put("gaits", gaits);
    m.put(
        "body_height_m",
        Map.of("min", minBodyHeightM, "max", maxBodyHeightM, "neutral", neutralBodyHeightM));
    try {
      return JSON.writeValueAsBytes(m);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot happen: plain strings and numbers", e);
    }
  }
}
