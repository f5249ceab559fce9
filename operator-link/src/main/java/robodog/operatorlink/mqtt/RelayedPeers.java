package robodog.operatorlink.mqtt;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Who is really behind a connection the robot's own WebSocket relay opened to the broker's TCP
 * listener: the broker sees the relay's loopback address, so without this every browser would share
 * one address in the login throttle, and one attacker's failed logins would lock every tablet out.
 * The relay registers its broker-side local port before it forwards any MQTT byte and removes it
 * when the connection closes, so the map holds only open relayed connections. Any thread.
 */
public final class RelayedPeers {
  private static final Map<Integer, String> BY_LOCAL_PORT = new ConcurrentHashMap<>();

  private RelayedPeers() {}

  /** The relay's connection from {@code relaySide} (its local end) carries {@code browser}. */
  public static void register(SocketAddress relaySide, SocketAddress browser) {
    if (relaySide instanceof InetSocketAddress) {
      BY_LOCAL_PORT.put(((InetSocketAddress) relaySide).getPort(), host(browser));
    }
  }

  /** The relay's connection from {@code relaySide} has closed. */
  public static void unregister(SocketAddress relaySide) {
    if (relaySide instanceof InetSocketAddress) {
      BY_LOCAL_PORT.remove(((InetSocketAddress) relaySide).getPort());
    }
  }

  /**
   * The address a login from {@code peer} (the broker's view of the remote end) counts against: the
   * browser's for a relayed loopback connection, else the peer's own.
   */
  public static String origin(SocketAddress peer) {
    if (peer instanceof InetSocketAddress) {
      InetSocketAddress p = (InetSocketAddress) peer;
      if (p.getAddress() != null && p.getAddress().isLoopbackAddress()) {
        String browser = BY_LOCAL_PORT.get(p.getPort());
        if (browser != null) {
          return browser;
        }
      }
    }
    return host(peer);
  }

  private static String host(SocketAddress a) {
    return a instanceof InetSocketAddress && ((InetSocketAddress) a).getAddress() != null
        ? ((InetSocketAddress) a).getAddress().getHostAddress()
        : String.valueOf(a);
  }
}
