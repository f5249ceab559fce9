package robodog.operatorlink.tablet;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.util.concurrent.ScheduledFuture;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * One page-server connection: answers {@code GET}/{@code HEAD} of the bundle and {@code
 * /config.json}, closes the connection when no complete request arrives within the deadline, and
 * sets on every response (errors included):
 *
 * <ul>
 *   <li>{@code Content-Security-Policy}: scripts, styles and images from the page itself only (no
 *       inline script), network connections to the page and the broker's {@code ws://}/{@code
 *       wss://} endpoints only, no framing ({@code frame-ancestors 'none'}), no {@code <base>},
 *       forms only to the page;
 *   <li>{@code X-Frame-Options: DENY} (for browsers without CSP level 2), {@code
 *       X-Content-Type-Options: nosniff}, {@code Referrer-Policy: no-referrer}, {@code
 *       Cache-Control: no-cache} (the page and its config change with each build and run).
 * </ul>
 *
 * Netty event loop thread.
 */
final class PageHandler extends SimpleChannelInboundHandler<FullHttpRequest> {
  private final TabletConfig config;
  private final PageFiles files;
  private final String bindHost;
  private final long deadlineMs;
  private ScheduledFuture<?> deadline;

  PageHandler(TabletConfig config, PageFiles files, String bindHost, long deadlineMs) {
    this.config = config;
    this.files = files;
    this.bindHost = bindHost;
    this.deadlineMs = deadlineMs;
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) throws Exception {
    arm(ctx);
    super.channelActive(ctx);
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) throws Exception {
    disarm();
    super.channelInactive(ctx);
  }

  /** A client that is not done with its request head in time is dropped (slowloris). */
  private void arm(ChannelHandlerContext ctx) {
    disarm();
    deadline = ctx.executor().schedule(() -> ctx.close(), deadlineMs, TimeUnit.MILLISECONDS);
  }

  private void disarm() {
    if (deadline != null) {
      deadline.cancel(false);
      deadline = null;
    }
  }

  @Override
  protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest req) {
    disarm();
    String host = hostOf(req.headers());
    boolean keepAlive = HttpUtil.isKeepAlive(req) && req.decoderResult().isSuccess();
    FullHttpResponse r = respond(req, host);
    boolean head = req.method().equals(HttpMethod.HEAD);
    headers(r.headers(), host);
    HttpUtil.setContentLength(r, r.content().readableBytes());
    if (head) {
      r.content().clear(); // HEAD: the length of what GET would send, no body
    }
    HttpUtil.setKeepAlive(r, keepAlive);
    ChannelFuture f = ctx.writeAndFlush(r);
    if (keepAlive) {
      f.addListener(done -> arm(ctx));
    } else {
      f.addListener(ChannelFutureListener.CLOSE);
    }
  }

  private FullHttpResponse respond(FullHttpRequest req, String host) {
    if (req.decoderResult().isFailure()) {
      return text(HttpResponseStatus.BAD_REQUEST, "malformed request\n");
    }
    HttpMethod method = req.method();
    if (!method.equals(HttpMethod.GET) && !method.equals(HttpMethod.HEAD)) {
      FullHttpResponse r = text(HttpResponseStatus.METHOD_NOT_ALLOWED, "only GET and HEAD\n");
      r.headers().set(HttpHeaderNames.ALLOW, "GET, HEAD");
      return r;
    }
    String path = new QueryStringDecoder(req.uri()).rawPath();
    if (path.equals("/config.json")) {
      return body(HttpResponseStatus.OK, PageFiles.type("json"), config.json(host));
    }
    Optional<PageFiles.File> f = files.get(path);
    if (f.isEmpty()) {
      // The path is not echoed: it is the client's text, and this is a text/plain page anyway.
      return text(HttpResponseStatus.NOT_FOUND, "not found\n");
    }
    return body(HttpResponseStatus.OK, f.get().type(), f.get().body());
  }

  private void headers(HttpHeaders h, String host) {
    h.set(HttpHeaderNames.CACHE_CONTROL, "no-cache");
    h.set(HttpHeaderNames.CONTENT_SECURITY_POLICY, contentSecurityPolicy(host));
    h.set("X-Frame-Options", "DENY");
    h.set("X-Content-Type-Options", "nosniff");
    h.set("Referrer-Policy", "no-referrer");
  }

  /** The page's CSP for a tablet that reached the robot as {@code host}. */
  String contentSecurityPolicy(String host) {
    return "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' blob: data:;"
        + " connect-src 'self' "
        + String.join(" ", config.connectSources(host))
        + "; manifest-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
  }

  private static FullHttpResponse text(HttpResponseStatus status, String s) {
    return body(status, "text/plain; charset=utf-8", s.getBytes(StandardCharsets.UTF_8));
  }

  private static FullHttpResponse body(HttpResponseStatus status, String type, byte[] bytes) {
    FullHttpResponse r =
        new DefaultFullHttpResponse(
            io.netty.handler.codec.http.HttpVersion.HTTP_1_1,
            status,
            Unpooled.wrappedBuffer(bytes));
    r.headers().set(HttpHeaderNames.CONTENT_TYPE, type);
    return r;
  }

  /**
   * The host name the tablet used to reach this server (from the {@code Host} header), so that the
   * WebSocket URL in config.json points where the tablet can reach; the bound address otherwise.
   */
  private String hostOf(HttpHeaders headers) {
    String host = headers.get(HttpHeaderNames.HOST);
    if (host != null) {
      host = host.trim();
      if (host.startsWith("[")) { // IPv6 literal, [::1]:8080
        int end = host.indexOf(']');
        if (end > 0 && host.substring(1, end).matches("[0-9A-Fa-f:.]{2,45}")) {
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
    return PageOrigins.literal(bindHost);
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    ctx.close(); // a reset or a TLS failure: nothing to tell the client
  }
}
