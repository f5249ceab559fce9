package robodog.operatorlink.mqtt.auth;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.mqtt.MqttConnectMessage;
import io.netty.handler.codec.mqtt.MqttMessageBuilders;
import io.netty.handler.codec.mqtt.MqttPublishMessage;
import io.netty.util.ReferenceCountUtil;
import java.util.ArrayDeque;

/**
 * One per MQTT connection of the embedded broker, in Moquette's Netty pipeline just before its own
 * handler: holds the CONNECT back (reading stops) until the {@link LoginService} has decided it,
 * then either passes it on to Moquette, whose authenticator only looks the verdict up ({@link
 * #admittedHere}), or answers CONNACK with the refusal code and closes. Once admitted, every {@code
 * cmd/estop} PUBLISH is also handed to the E-stop sink right here on the I/O thread, ahead of
 * Moquette's session and interceptor queues, so no flood in those queues delays an E-stop.
 *
 * <p>Runs on the connection's Netty event loop only.
 */
public final class ConnectGate extends ChannelInboundHandlerAdapter {
  /** Receives an E-stop payload with its sender's client id on the I/O thread; must not block. */
  public interface EstopSink {
    void estop(String clientId, byte[] payload, long nowNanos);
  }

  private static final ThreadLocal<LoginService.Verdict> PASSING = new ThreadLocal<>();

  private final LoginService logins;
  private final String estopTopic;
  private final EstopSink estops;
  private final ArrayDeque<Object> held = new ArrayDeque<>();
  private boolean pending;
  private boolean admitted;
  private String clientId = "";

  ConnectGate(LoginService logins, String estopTopic, EstopSink estops) {
    this.logins = logins;
    this.estopTopic = estopTopic;
    this.estops = estops;
  }

  /**
   * The verdict of the CONNECT being passed to Moquette on this thread now, if it was accepted for
   * {@code user}; false for anything that did not come through a gate.
   */
  static boolean admittedHere(String user) {
    LoginService.Verdict v = PASSING.get();
    return v != null && v.accepted() && v.principal().equals(ClientIdBinding.principal(user));
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (pending) {
      held.add(msg);
      return;
    }
    if (msg instanceof MqttConnectMessage && !admitted) {
      MqttConnectMessage c = (MqttConnectMessage) msg;
      pending = true;
      ctx.channel().config().setAutoRead(false);
      String user = c.variableHeader().hasUserName() ? c.payload().userName() : null;
      byte[] pw = c.variableHeader().hasPassword() ? c.payload().passwordInBytes() : null;
      // A browser behind the robot's WebSocket relay counts as itself, not as the relay.
      String address = robodog.operatorlink.mqtt.RelayedPeers.origin(ctx.channel().remoteAddress());
      String id = c.payload().clientIdentifier();
      logins.check(
          new LoginService.Request(address, id, user, pw),
          v -> {
            if (ctx.executor().inEventLoop()) {
              decide(ctx, c, id, v);
            } else {
              ctx.executor().execute(() -> decide(ctx, c, id, v));
            }
          });
      return;
    }
    if (admitted && msg instanceof MqttPublishMessage) {
      MqttPublishMessage p = (MqttPublishMessage) msg;
      if (p.variableHeader().topicName().equals(estopTopic)) {
        byte[] bytes = new byte[p.payload().readableBytes()];
        p.payload().getBytes(p.payload().readerIndex(), bytes);
        estops.estop(clientId, bytes, System.nanoTime());
      }
    }
    ctx.fireChannelRead(msg);
  }

  private void decide(
      ChannelHandlerContext ctx, MqttConnectMessage c, String id, LoginService.Verdict v) {
    pending = false;
    if (!ctx.channel().isActive()) {
      return; // the client left while its login was checked: nothing to admit
    }
    if (!v.accepted()) {
      ctx.writeAndFlush(
              MqttMessageBuilders.connAck().returnCode(v.code()).sessionPresent(false).build())
          .addListener(f -> ctx.close());
      while (!held.isEmpty()) {
        ReferenceCountUtil.release(held.poll());
      }
      return;
    }
    admitted = true;
    clientId = id == null ? "" : id; // empty: Moquette makes one up, never a reserved name
    PASSING.set(v);
    try {
      ctx.fireChannelRead(c);
    } finally {
      PASSING.remove();
    }
    while (!held.isEmpty() && ctx.channel().isActive()) {
      channelRead(ctx, held.poll());
    }
    ctx.channel().config().setAutoRead(true);
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    while (!held.isEmpty()) {
      ReferenceCountUtil.release(held.poll());
    }
    ctx.fireChannelInactive();
  }
}
