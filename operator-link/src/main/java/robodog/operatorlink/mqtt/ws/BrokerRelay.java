package robodog.operatorlink.mqtt.ws;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOption;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.ContinuationWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import io.netty.util.ReferenceCountUtil;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import robodog.operatorlink.mqtt.RelayedPeers;

/**
 * After an accepted upgrade: one TCP connection to the broker per WebSocket, MQTT bytes copied both
 * ways (binary frame payloads in, broker bytes out as binary frames). Either side closing closes
 * the other; a full socket on one side pauses reading on the other. Netty event loop thread (both
 * channels share the WebSocket's loop).
 */
final class BrokerRelay extends ChannelInboundHandlerAdapter {
  private final InetSocketAddress broker;
  private final ArrayDeque<ByteBuf> pending = new ArrayDeque<>();
  private Channel backend;
  private boolean connected;

  BrokerRelay(InetSocketAddress broker) {
    this.broker = broker;
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
    if (evt instanceof WebSocketServerProtocolHandler.HandshakeComplete) {
      Channel front = ctx.channel();
      // The MQTT keep-alive is the broker's business from here on.
      if (ctx.pipeline().get("upgrade-timeout") != null) {
        ctx.pipeline().remove("upgrade-timeout");
      }
      front.config().setAutoRead(false); // until the broker connection is up
      ChannelFuture f =
          new Bootstrap()
              .group(front.eventLoop())
              .channel(NioSocketChannel.class)
              .option(ChannelOption.TCP_NODELAY, true)
              .handler(new BackToBrowser(front))
              .connect(broker);
      backend = f.channel();
      f.addListener(
          (ChannelFutureListener)
              done -> {
                if (!done.isSuccess()) {
                  drop();
                  front
                      .writeAndFlush(
                          new CloseWebSocketFrame(
                              WebSocketCloseStatus.INTERNAL_SERVER_ERROR, "broker unreachable"))
                      .addListener(ChannelFutureListener.CLOSE);
                  return;
                }
                connected = true;
                // Before the first MQTT byte: the broker's login throttle sees the browser.
                java.net.SocketAddress relaySide = backend.localAddress();
                RelayedPeers.register(relaySide, front.remoteAddress());
                backend.closeFuture().addListener(c -> RelayedPeers.unregister(relaySide));
                while (!pending.isEmpty()) {
                  backend.write(pending.poll());
                }
                backend.flush();
                front.config().setAutoRead(true);
              });
    }
    super.userEventTriggered(ctx, evt);
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (msg instanceof BinaryWebSocketFrame || msg instanceof ContinuationWebSocketFrame) {
      ByteBuf bytes = ((WebSocketFrame) msg).content();
      if (connected) {
        backend.writeAndFlush(bytes);
      } else if (backend != null) {
        pending.add(bytes);
      } else {
        bytes.release();
      }
      return;
    }
    ReferenceCountUtil.release(msg);
    // MQTT over WebSocket is binary only (MQTT 3.1.1 section 6).
    ctx.writeAndFlush(
            new CloseWebSocketFrame(
                WebSocketCloseStatus.INVALID_MESSAGE_TYPE, "binary frames only"))
        .addListener(ChannelFutureListener.CLOSE);
  }

  @Override
  public void channelWritabilityChanged(ChannelHandlerContext ctx) {
    if (backend != null && connected) {
      backend.config().setAutoRead(ctx.channel().isWritable());
    }
    ctx.fireChannelWritabilityChanged();
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    drop();
    if (backend != null) {
      backend.close();
    }
    ctx.fireChannelInactive();
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    ctx.close(); // a broken client: its broker session ends with it
  }

  private void drop() {
    while (!pending.isEmpty()) {
      pending.poll().release();
    }
  }

  /** The broker's side: bytes back to the browser as binary frames. */
  private static final class BackToBrowser extends ChannelInboundHandlerAdapter {
    private final Channel front;

    BackToBrowser(Channel front) {
      this.front = front;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      front.writeAndFlush(new BinaryWebSocketFrame((ByteBuf) msg));
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
      front.config().setAutoRead(ctx.channel().isWritable());
      ctx.fireChannelWritabilityChanged();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
      front.close();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      ctx.close();
    }
  }
}
