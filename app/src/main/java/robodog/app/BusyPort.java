package robodog.app;

import robodog.operatorlink.PortInUseException;

/**
 * The one line a user reads when a listener's port is taken: which port, what probably holds it,
 * and the option that chooses another. The operator link knows the listener; only the app knows the
 * option names.
 */
final class BusyPort {
  private BusyPort() {}

  /** The busy-port exception in {@code t}'s cause chain, or null. */
  static PortInUseException find(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof PortInUseException p) {
        return p;
      }
    }
    return null;
  }

  static String message(PortInUseException e) {
    int p = e.port();
    return switch (e.listener()) {
      case MQTT -> "port " + p + " is in use (a Mosquitto running?): use --mqtt-port or --broker";
      case MQTT_WEBSOCKET -> "port " + p + " (MQTT over WebSocket) is in use: use --ws-port";
      case MQTT_TLS -> "port " + p + " (MQTT over TLS) is in use: use --mqtt-tls-port";
      case MQTT_SECURE_WEBSOCKET ->
          "port " + p + " (MQTT over secure WebSocket) is in use: use --wss-port";
      case TABLET_HTTP -> "port " + p + " (tablet page) is in use: use --http-port";
    };
  }
}
