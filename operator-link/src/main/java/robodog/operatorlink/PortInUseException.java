package robodog.operatorlink;

import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/**
 * A listener of the operator link could not bind its port because something else holds it: an
 * expected condition at start-up (a Mosquitto already on 1883, a second robodog), reported as one
 * line by the app, which knows the option that chooses another port. Thrown before anything is
 * started, so nothing needs stopping.
 */
public final class PortInUseException extends IOException {
  /** Which listener: the app maps each to its command-line option. */
  public enum Listener {
    MQTT,
    MQTT_WEBSOCKET,
    MQTT_TLS,
    MQTT_SECURE_WEBSOCKET,
    TABLET_HTTP
  }

  private final Listener listener;
  private final String host;
  private final int port;

  public PortInUseException(Listener listener, String host, int port, Throwable cause) {
    super(listener + " port " + host + ":" + port + " is in use", cause);
    this.listener = listener;
    this.host = host;
    this.port = port;
  }

  /**
   * Binds and releases {@code host:port} to learn whether it is free, so that a busy port is found
   * before a library starts half its listeners (and logs its own stack trace). A port taken between
   * this check and the real bind still fails there, as before.
   *
   * @throws PortInUseException when the port is held
   */
  public static void checkFree(Listener listener, String host, int port) throws IOException {
    if (port <= 0) {
      return;
    }
    try (ServerSocket s = new ServerSocket()) {
      s.setReuseAddress(true); // a port in TIME_WAIT is free for the real listener too
      s.bind(new InetSocketAddress(host, port));
    } catch (BindException e) {
      throw new PortInUseException(listener, host, port, e);
    }
  }

  public Listener listener() {
    return listener;
  }

  public String host() {
    return host;
  }

  public int port() {
    return port;
  }
}
