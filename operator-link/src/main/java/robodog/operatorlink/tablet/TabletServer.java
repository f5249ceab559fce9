package robodog.operatorlink.tablet;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoopGroup;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.ssl.SslContext;
import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import robodog.operatorlink.PortInUseException;
import robodog.operatorlink.net.NettyListener;

/**
 * The robot's web server for the operator's tablet ({@code http://<robot>:8080/}, or {@code
 * https://} with the robot's keystore): the bundled page from the classpath ({@code web/} in this
 * module's jar, built from {@code operator-link/web/} by esbuild) and {@code /config.json}, which
 * tells the page the robot id, where the MQTT-over-WebSocket endpoint is, the gait names and the
 * body-height range. Serves only {@code GET} and {@code HEAD} of files directly under {@code web/};
 * nothing here can command the robot (the page does that over MQTT, through the broker's rules).
 *
 * <p>Netty, non-blocking, on {@value #THREADS} event loop threads: a slow or silent client costs a
 * socket and a timer, not a thread. A client must complete each request's headers within {@value
 * #REQUEST_TIMEOUT_MS} ms of connecting or of its previous response, or it is disconnected
 * (slowloris); at most {@value #MAX_CONNECTIONS} connections are open at once. Every response
 * carries the security headers of {@link PageHandler}. {@link #close()} from any thread.
 */
public final class TabletServer implements AutoCloseable {
  /** Event loop threads. */
  public static final int THREADS = 2;

  /** Time for a complete request head after connecting or after the previous response, ms. */
  public static final int REQUEST_TIMEOUT_MS = 5000;

  /** Open connections above which new ones are closed at once. */
  public static final int MAX_CONNECTIONS = 256;

  private final EventLoopGroup loop;
  private final Channel listener;
  private final boolean https;
  private final AtomicInteger open = new AtomicInteger();

  /** Plain http. */
  public TabletServer(InetSocketAddress bind, TabletConfig config) throws IOException {
    this(bind, config, null);
  }

  /**
   * Starts serving at once.
   *
   * @param bind address and port (port 0 = a free one); bind to the broker's own host, since the
   *     page is useless where the broker cannot be reached
   * @param config what {@code /config.json} says
   * @param tls serve https with this, or null for http
   * @throws IOException when the port cannot be bound (the message names it)
   * @throws IllegalStateException when the bundled page is missing from the classpath
   */
  public TabletServer(InetSocketAddress bind, TabletConfig config, SslContext tls)
      throws IOException {
    if (TabletServer.class.getResource("/web/index.html") == null) {
      throw new IllegalStateException(
          "the tablet page (web/index.html) is not on the classpath: build operator-link with"
              + " Maven, which bundles operator-link/web/ with npm and esbuild");
    }
    this.https = tls != null;
    PageFiles files = new PageFiles();
    loop = NettyListener.loop(THREADS, "tablet-http");
    ServerBootstrap b =
        NettyListener.server(
            loop,
            ch -> {
              if (open.incrementAndGet() > MAX_CONNECTIONS) {
                open.decrementAndGet();
                ch.close();
                return;
              }
              ch.closeFuture().addListener(f -> open.decrementAndGet());
              ChannelPipeline p = ch.pipeline();
              if (tls != null) {
                p.addLast("tls", tls.newHandler(ch.alloc()));
              }
              p.addLast("http", new HttpServerCodec(4096, 8192, 8192));
              p.addLast("aggregator", new HttpObjectAggregator(16 * 1024));
              p.addLast(
                  "page", new PageHandler(config, files, bind.getHostString(), REQUEST_TIMEOUT_MS));
            });
    try {
      listener = b.bind(bind).sync().channel();
    } catch (Exception e) {
      loop.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS);
      if (e instanceof BindException) {
        throw new PortInUseException(
            PortInUseException.Listener.TABLET_HTTP,
            bind.getHostString(),
            bind.getPort(),
            (BindException) e);
      }
      throw new IOException(
          "tablet web server: cannot listen on "
              + bind.getHostString()
              + ":"
              + bind.getPort()
              + " ("
              + e.getMessage()
              + "); choose another --http-port",
          e);
    }
  }

  /** The bound port. */
  public int port() {
    return address().getPort();
  }

  /** {@code https} or {@code http}. */
  public String scheme() {
    return https ? "https" : "http";
  }

  /** The page's address as this machine reaches it, e.g. {@code http://127.0.0.1:8080/}. */
  public String url() {
    return scheme() + "://" + PageOrigins.literal(address().getHostString()) + ":" + port() + "/";
  }

  /**
   * The origins a browser sends for this page, one per name the robot is reachable by (see {@link
   * PageOrigins}): what the broker's WebSocket listeners must accept.
   */
  public List<String> origins() {
    return PageOrigins.of(scheme(), address().getHostString(), port());
  }

  /** Open connections now. Any thread. */
  public int openConnections() {
    return open.get();
  }

  private InetSocketAddress address() {
    return (InetSocketAddress) listener.localAddress();
  }

  @Override
  public void close() {
    listener.close().syncUninterruptibly();
    loop.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
  }
}
