package robodog.operatorlink.mqtt.ws;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoopGroup;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.timeout.ReadTimeoutHandler;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import robodog.operatorlink.net.NettyListener;

/**
 * The broker's MQTT-over-WebSocket listener ({@code ws://} or, with an {@link SslContext}, {@code
 * wss://}), in front of the broker's plain MQTT TCP listener. Moquette 0.17 builds its own
 * WebSocket pipeline in a package-private class with no hook, so this listener takes the upgrade
 * itself: the {@code Origin} header is checked against an {@link OriginPolicy} and a refused
 * upgrade gets HTTP 403 before any MQTT byte reaches the broker; an accepted one is relayed frame
 * by frame to the TCP listener, where the broker's own user, role and rate rules apply unchanged
 * (the MQTT CONNECT with its credentials passes through untouched).
 *
 * <p>A connection that has not completed its upgrade within {@value #UPGRADE_TIMEOUT_S} s is
 * closed. One Netty event loop thread per listener; {@link #close()} from any thread.
 */
public final class WebSocketGateway implements AutoCloseable {
  /** Time a client has to complete its HTTP upgrade request, s. */
  public static final int UPGRADE_TIMEOUT_S = 10;

  /** MQTT over WebSocket sub-protocols (the names MQTT.js and Paho ask for). */
  static final String SUBPROTOCOLS = "mqtt, mqttv3.1, mqttv3.1.1";

  /** Largest WebSocket frame, bytes: the broker's own limit for WebSockets. */
  static final int MAX_FRAME_BYTES = 65536;

  private final EventLoopGroup loop;
  private final Channel listener;

  /**
   * Binds and starts accepting.
   *
   * @param host bind address (the broker's)
   * @param port port (not 0: the broker has chosen it)
   * @param ssl TLS for {@code wss://}, or null for {@code ws://}
   * @param path the WebSocket path, e.g. {@code /mqtt}
   * @param origins read at each upgrade, so the page's origins can be set once it is served
   * @param broker the broker's plain MQTT TCP listener
   * @throws IOException when the port cannot be bound
   */
  public WebSocketGateway(
      String host,
      int port,
      SslContext ssl,
      String path,
      Supplier<OriginPolicy> origins,
      InetSocketAddress broker)
      throws IOException {
    loop = NettyListener.loop(1, ssl == null ? "mqtt-ws" : "mqtt-wss");
    ServerBootstrap b =
        NettyListener.server(
            loop,
            ch -> {
              ChannelPipeline p = ch.pipeline();
              if (ssl != null) {
                p.addLast("tls", ssl.newHandler(ch.alloc()));
              }
              p.addLast(
                  "upgrade-timeout", new ReadTimeoutHandler(UPGRADE_TIMEOUT_S, TimeUnit.SECONDS));
              p.addLast("http", new HttpServerCodec(4096, 8192, 8192));
              p.addLast("aggregator", new HttpObjectAggregator(8192));
              p.addLast("origin", new OriginCheck(path, origins));
              p.addLast(
                  "websocket",
                  new WebSocketServerProtocolHandler(path, SUBPROTOCOLS, false, MAX_FRAME_BYTES));
              p.addLast("relay", new BrokerRelay(broker));
            });
    try {
      listener = b.bind(host, port).sync().channel();
    } catch (Exception e) {
      loop.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS);
      throw new IOException(
          (ssl == null ? "ws" : "wss") + " listener " + host + ":" + port + ": " + e.getMessage(),
          e);
    }
  }

  /** The bound port. */
  public int port() {
    return ((InetSocketAddress) listener.localAddress()).getPort();
  }

  /** Stops listening and closes every relayed connection. */
  @Override
  public void close() {
    listener.close().syncUninterruptibly();
    loop.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
  }
}
