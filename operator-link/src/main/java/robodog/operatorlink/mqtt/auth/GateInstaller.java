package robodog.operatorlink.mqtt.auth;

import io.moquette.broker.Server;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.SingleThreadEventLoop;
import io.netty.util.concurrent.EventExecutor;
import java.lang.reflect.Field;
import java.util.Iterator;
import java.util.function.Supplier;

/**
 * Puts a {@link ConnectGate} into every connection Moquette 0.17 accepts. Moquette builds its Netty
 * pipelines itself and offers no hook, so this reaches its listening channels through two private
 * fields ({@code Server.acceptor}, {@code NewNettyAcceptor.bossGroup}; Moquette's jar is pinned in
 * the build) and adds, in front of each listener's acceptor, a handler that adds the gate to each
 * new connection once Moquette's own handlers are in place. Fails loudly at start when that is not
 * possible (another Moquette version): a broker without the gate would accept spoofed client ids.
 */
final class GateInstaller {
  private GateInstaller() {}

  /**
   * @param listeners how many listening sockets the broker must have (TCP, WebSocket, TLS, ...)
   * @param gates makes the gate for one new connection
   */
  static void install(Server server, int listeners, Supplier<ConnectGate> gates) {
    int installed = 0;
    try {
      Field a = Server.class.getDeclaredField("acceptor");
      a.setAccessible(true);
      Object acceptor = a.get(server);
      Field b = acceptor.getClass().getDeclaredField("bossGroup");
      b.setAccessible(true);
      EventLoopGroup boss = (EventLoopGroup) b.get(acceptor);
      ChannelHandler onAccept = new OnAccept(gates);
      for (EventExecutor e : boss) {
        SingleThreadEventLoop loop = (SingleThreadEventLoop) e;
        installed +=
            loop.submit(
                    () -> {
                      int n = 0;
                      for (Iterator<Channel> it = loop.registeredChannelsIterator();
                          it.hasNext(); ) {
                        Channel ch = it.next();
                        if (ch instanceof ServerChannel) {
                          ch.pipeline().addFirst("robodog-gate-installer", onAccept);
                          n++;
                        }
                      }
                      return n;
                    })
                .get();
      }
    } catch (ReflectiveOperationException
        | ClassCastException
        | java.util.concurrent.ExecutionException e) {
      throw new IllegalStateException("cannot put the login gate into Moquette's listeners", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while starting the broker", e);
    }
    if (installed != listeners) {
      throw new IllegalStateException(
          "login gate on " + installed + " of Moquette's " + listeners + " listeners");
    }
  }

  @ChannelHandler.Sharable
  private static final class OnAccept extends ChannelInboundHandlerAdapter {
    private final Supplier<ConnectGate> gates;

    OnAccept(Supplier<ConnectGate> gates) {
      this.gates = gates;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      // Added before Moquette's initializer: by channelRegistered its handlers are there.
      ((Channel) msg).pipeline().addFirst(new PlaceGate(gates.get()));
      ctx.fireChannelRead(msg);
    }
  }

  private static final class PlaceGate extends ChannelInboundHandlerAdapter {
    private final ConnectGate gate;

    PlaceGate(ConnectGate gate) {
      this.gate = gate;
    }

    @Override
    public void channelRegistered(ChannelHandlerContext ctx) {
      if (ctx.pipeline().get("handler") != null) {
        ctx.pipeline().addBefore("handler", "robodog-gate", gate);
      } else {
        ctx.close(); // not a Moquette MQTT pipeline: admit nothing unchecked
      }
      ctx.pipeline().remove(this);
      ctx.fireChannelRegistered();
    }
  }
}
