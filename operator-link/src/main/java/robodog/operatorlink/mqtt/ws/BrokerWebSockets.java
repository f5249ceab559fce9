package robodog.operatorlink.mqtt.ws;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import robodog.operatorlink.mqtt.auth.BrokerSecurity;

/**
 * The embedded broker's WebSocket listeners, {@code ws://} and (with TLS) {@code wss://}, each a
 * {@link WebSocketGateway} relaying to the broker's TCP port, sharing one {@link OriginPolicy}.
 * Until {@link #allow} is called only non-browser clients (no {@code Origin}) get through. Start-up
 * thread for the constructor and {@link #close()}; {@link #allow} from any thread.
 */
public final class BrokerWebSockets implements AutoCloseable {
  private volatile OriginPolicy origins = OriginPolicy.none();
  private WebSocketGateway plain;
  private WebSocketGateway secure;

  /**
   * @param host the broker's bind address
   * @param brokerPort the broker's plain MQTT TCP port
   * @param webSocketPort {@code ws://} port, or -1 for none
   * @param tls the broker's TLS (its {@code webSocketPort()} for {@code wss://}, -1 for none), or
   *     null
   * @param path the WebSocket path
   */
  public BrokerWebSockets(
      String host, int brokerPort, int webSocketPort, BrokerSecurity.Tls tls, String path)
      throws IOException {
    InetAddress bind = InetAddress.getByName(host);
    // A wildcard bind is reachable on loopback too; any other address is the broker's own.
    InetSocketAddress broker =
        new InetSocketAddress(
            bind.isAnyLocalAddress() ? InetAddress.getLoopbackAddress() : bind, brokerPort);
    try {
      if (webSocketPort > 0) {
        plain = new WebSocketGateway(host, webSocketPort, null, path, () -> origins, broker);
      }
      if (tls != null && tls.webSocketPort() > 0) {
        secure =
            new WebSocketGateway(
                host,
                tls.webSocketPort(),
                KeystoreTls.netty(tls.keystore(), tls.password()),
                path,
                () -> origins,
                broker);
      }
    } catch (IOException | RuntimeException e) {
      close();
      throw e;
    }
  }

  /** Replaces the allowed page origins; upgrades already accepted stay connected. */
  public void allow(OriginPolicy policy) {
    origins = policy;
  }

  /** The allowed page origins. */
  public OriginPolicy origins() {
    return origins;
  }

  /** Upgrades refused for their origin since start (every listener in this JVM). Any thread. */
  public static long refusedUpgrades() {
    return OriginCheck.REFUSED.get();
  }

  @Override
  public void close() {
    if (plain != null) {
      plain.close();
      plain = null;
    }
    if (secure != null) {
      secure.close();
      secure = null;
    }
  }
}
