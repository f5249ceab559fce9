package robodog.operatorlink.tablet;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Pattern;

/**
 * The robot's web server for the operator's tablet ({@code http://<robot>:8080/}): the bundled page
 * from the classpath ({@code web/} in this module's jar, built from {@code operator-link/web/} by
 * esbuild) and {@code /config.json}, which tells the page the robot id, where the
 * MQTT-over-WebSocket endpoint is, the gait names and the body-height range. Serves only {@code
 * GET} and {@code HEAD} of files directly under {@code web/}; nothing here can command the robot
 * (the page does that over MQTT, through the broker's rules).
 *
 * <p>Two small worker threads; {@link #close()} from any thread.
 */
public final class TabletServer implements AutoCloseable {
  private static final Pattern FILE = Pattern.compile("/([a-z0-9][a-z0-9._-]{0,63})");
  private static final Map<String, String> TYPES =
      Map.of(
          "html", "text/html; charset=utf-8",
          "js", "text/javascript; charset=utf-8",
          "css", "text/css; charset=utf-8",
          "json", "application/json",
          "png", "image/png",
          "svg", "image/svg+xml",
          "ico", "image/x-icon");

  private final HttpServer server;
  private final ExecutorService workers;
  private final TabletConfig config;

  /**
   * Starts serving at once.
   *
   * @param bind address and port (port 0 = a free one); bind to the broker's own host, since the
   *     page is useless where the broker cannot be reached
   * @param config what {@code /config.json} says
   * @throws IOException when the port cannot be bound (the message names it)
   * @throws IllegalStateException when the bundled page is missing from the classpath
   */
  public TabletServer(InetSocketAddress bind, TabletConfig config) throws IOException {
    if (TabletServer.class.getResource("/web/index.html") == null) {
      throw new IllegalStateException(
          "the tablet page (web/index.html) is not on the classpath: build operator-link with"
              + " Maven, which bundles operator-link/web/ with npm and esbuild");
    }
    this.config = config;
    try {
      server = HttpServer.create(bind, 16);
    } catch (java.net.BindException e) {
      throw new robodog.operatorlink.PortInUseException(
          robodog.operatorlink.PortInUseException.Listener.TABLET_HTTP,
          bind.getHostString(),
          bind.getPort(),
          e);
    } catch (IOException e) {
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
    workers =
        Executors.newFixedThreadPool(
            2,
            r -> {
              Thread t = new Thread(r, "tablet-http");
              t.setDaemon(true);
              return t;
            });
    server.setExecutor(workers);
    server.createContext("/", this::handle);
    server.start();
  }

  /** The bound port. */
  public int port() {
    return server.getAddress().getPort();
  }

  /** The page's address as this machine reaches it, e.g. {@code http://127.0.0.1:8080/}. */
  public String url() {
    return "http://" + server.getAddress().getHostString() + ":" + port() + "/";
  }

  private void handle(HttpExchange ex) throws IOException {
    try (ex) {
      String method = ex.getRequestMethod();
      if (!method.equals("GET") && !method.equals("HEAD")) {
        ex.getResponseHeaders().set("Allow", "GET, HEAD");
        send(ex, 405, "text/plain; charset=utf-8", bytes("only GET and HEAD are served\n"));
        return;
      }
      String path = ex.getRequestURI().getPath();
      if (path.equals("/") || path.equals("/index.html")) {
        path = "/index.html";
      }
      if (path.equals("/config.json")) {
        send(ex, 200, TYPES.get("json"), config.json(hostOf(ex)));
        return;
      }
      var m = FILE.matcher(path);
      byte[] body = null;
      if (m.matches() && !m.group(1).contains("..")) {
        try (InputStream in = TabletServer.class.getResourceAsStream("/web/" + m.group(1))) {
          body = in == null ? null : in.readAllBytes();
        }
      }
      if (body == null) {
        send(ex, 404, "text/plain; charset=utf-8", bytes("not found: " + path + "\n"));
        return;
      }
      String name = m.group(1);
      String ext = name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
      send(ex, 200, TYPES.getOrDefault(ext, "application/octet-stream"), body);
    }
  }

  /**
   * The host name the tablet used to reach this server (from the {@code Host} header), so that the
   * WebSocket URL in config.json points where the tablet can reach; the bound address otherwise.
   */
  private String hostOf(HttpExchange ex) {
    String host = ex.getRequestHeaders().getFirst("Host");
    if (host != null) {
      host = host.trim();
      if (host.startsWith("[")) { // IPv6 literal, [::1]:8080
        int end = host.indexOf(']');
        if (end > 0) {
          return host.substring(0, end + 1);
        }
      } else {
        int colon = host.indexOf(':');
        String name = colon >= 0 ? host.substring(0, colon) : host;
        if (name.matches("[A-Za-z0-9.-]{1,253}")) {
          return name;
        }
      }
    }
    return server.getAddress().getHostString();
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static void send(HttpExchange ex, int status, String type, byte[] body)
      throws IOException {
    ex.getResponseHeaders().set("Content-Type", type);
    // The page and its config change with each robot build and run: never cached stale.
    ex.getResponseHeaders().set("Cache-Control", "no-cache");
    ex.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
    boolean head = ex.getRequestMethod().equals("HEAD");
    ex.sendResponseHeaders(status, head ? -1 : body.length);
    if (!head) {
      try (OutputStream out = ex.getResponseBody()) {
        out.write(body);
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
    workers.shutdownNow();
  }
}
