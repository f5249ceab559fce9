package robodog.operatorlink.mqtt.ws;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Lets an HTTP request through to the WebSocket handshake only if it is a WebSocket upgrade on the
 * MQTT path whose {@code Origin} the {@link OriginPolicy} allows; anything else is answered (404,
 * 400 or 403) and the connection closed, so a refused page never reaches the broker. Netty event
 * loop thread.
 */
final class OriginCheck extends ChannelInboundHandlerAdapter {
  private static final System.Logger LOG = System.getLogger("robodog.operatorlink.mqtt.ws");

  /** Upgrades refused for their origin since start, across listeners. */
  static final AtomicLong REFUSED = new AtomicLong();

  private final String path;
  private final Supplier<OriginPolicy> origins;

  OriginCheck(String path, Supplier<OriginPolicy> origins) {
    this.path = path;
    this.origins = origins;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (!(msg instanceof FullHttpRequest)) {
      ctx.fireChannelRead(msg);
      return;
    }
    FullHttpRequest req = (FullHttpRequest) msg;
    boolean pass = false;
    try {
      if (req.decoderResult().isFailure()) {
        refuse(ctx, HttpResponseStatus.BAD_REQUEST, "malformed HTTP request");
        return;
      }
      // Exactly the path, no query: the handshake handler after this one matches it so too.
      if (!req.uri().equals(path)) {
        refuse(ctx, HttpResponseStatus.NOT_FOUND, "only " + path + " is served here");
        return;
      }
      if (!req.method().equals(HttpMethod.GET)
          || !req.headers()
              .containsValue(HttpHeaderNames.UPGRADE, HttpHeaderValues.WEBSOCKET, true)) {
        refuse(ctx, HttpResponseStatus.BAD_REQUEST, "expected a WebSocket upgrade (MQTT)");
        return;
      }
      List<String> o = req.headers().getAll(HttpHeaderNames.ORIGIN);
      String origin = o.isEmpty() ? null : o.get(0);
      if (o.size() > 1 || !origins.get().allows(origin)) {
        REFUSED.incrementAndGet();
        LOG.log(
            System.Logger.Level.INFO,
            "refused an MQTT WebSocket from origin "
                + String.join(",", o)
                + " ("
                + ctx.channel().remoteAddress()
                + "); allowed: "
                + origins.get());
        refuse(
            ctx,
            HttpResponseStatus.FORBIDDEN,
            "this page's origin may not open the robot's MQTT WebSocket (the robot's own tablet"
                + " page may; --ws-allow-origin names others)");
        return;
      }
      pass = true;
    } finally {
      if (!pass) {
        req.release();
      }
    }
    ctx.pipeline().remove(this);
    ctx.fireChannelRead(req); // to the handshake
  }

  private static void refuse(ChannelHandlerContext ctx, HttpResponseStatus status, String why) {
    FullHttpResponse r =
        new DefaultFullHttpResponse(
            HttpVersion.HTTP_1_1,
            status,
            Unpooled.copiedBuffer(status.code() + " " + why + "\n", StandardCharsets.UTF_8));
    r.headers().set(HttpHeaderNames.CONTENT_TYPE, "text/plain; charset=utf-8");
    r.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, r.content().readableBytes());
    r.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
    ctx.writeAndFlush(r).addListener(ChannelFutureListener.CLOSE);
  }
}
