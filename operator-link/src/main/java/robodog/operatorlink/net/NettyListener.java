package robodog.operatorlink.net;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import java.util.function.Consumer;

/**
 * The robot's own TCP listeners (the tablet page server, the Origin-checking WebSocket relay) are
 * built alike: a few daemon event-loop threads of a name that says what they serve, address reuse
 * so a restarted robot binds at once, Nagle off because every message is small and late ones are
 * useless. Start-up thread.
 */
public final class NettyListener {
  private NettyListener() {}

  /** {@code threads} daemon event-loop threads named {@code name}. */
  public static NioEventLoopGroup loop(int threads, String name) {
    return new NioEventLoopGroup(
        threads,
        r -> {
          Thread t = new Thread(r, name);
          t.setDaemon(true);
          return t;
        });
  }

  /** A server on {@code loop} whose every accepted connection's pipeline {@code init} builds. */
  public static ServerBootstrap server(EventLoopGroup loop, Consumer<SocketChannel> init) {
    return new ServerBootstrap()
        .group(loop)
        .channel(NioServerSocketChannel.class)
        .option(ChannelOption.SO_REUSEADDR, true)
        .childOption(ChannelOption.TCP_NODELAY, true)
        .childHandler(
            new ChannelInitializer<SocketChannel>() {
              @Override
              protected void initChannel(SocketChannel ch) {
                init.accept(ch);
              }
            });
  }
}
