package robodog.operatorlink;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import robodog.core.Mailbox;
import robodog.core.Mode;
import robodog.core.MotionCommand;
import robodog.operatorlink.protocol.CommandParser;
import robodog.operatorlink.protocol.Commands;
import robodog.operatorlink.protocol.ProtocolException;

/**
 * The operator side of the robot, independent of the transport: messages in (already authenticated,
 * topic without the {@code robodog/<id>/} prefix), one {@link MotionCommand} out through the
 * controller's mailbox. Rules:
 *
 * <ul>
 *   <li>One client holds the control lease; only it may drive, change mode or release an E-stop.
 *       {@code acquire} works when nobody holds it, {@code take} overrides and the previous holder
 *       is told.
 *   <li>Any client may engage the E-stop; it is latched in the controller, not here.
 *   <li>The holder picks a gait by name ({@link #gaitNames}) and sets body height and attitude;
 *       absent body fields keep their values.
 *   <li>The holder switches the learned gait advisor on or off ({@code cmd/policy}, {@link
 *       #policySwitch}).
 *   <li>Each client's {@code seq} must increase: a stale or replayed message is ignored.
 *   <li>A velocity is valid for its {@code ttl_ms}; and while the holder is silent the comms-loss
 *       stages apply ({@link CommsLossStages}: by default a controlled stop at 0.5 s, sit at 10 s,
 *       servos off at 60 s).
 * </ul>
 *
 * Every refusal goes to {@code errors} (published on {@code state/error}). Thread-safe: MQTT
 * callbacks and the link's timer call it; the control thread only sees the mailbox.
 */
public final class OperatorLink {
  /** Silence from the lease holder after which the robot stops, ns. */
  public static final long WATCHDOG_NANOS = 500_000_000L;

  /** Clients whose {@code seq} is remembered at once. */
  public static final int MAX_CLIENTS = 1024;

  private final Mailbox<MotionCommand> out;
  private final Consumer<String> errors;
  private Consumer<robodog.core.Payload> payloadSink;
  private final CommsLossStages stages;
  // The comms-loss stage the link has acted on; only tick() advances it, heard() resets it.
  private CommsLossStages.Stage stage = CommsLossStages.Stage.OK;
  private final CommandParser parser = new CommandParser();

  /**
   * Each client's last {@code seq}, for the most recently heard {@link #MAX_CLIENTS} clients: a
   * client forgotten after that many others spoke may replay its older messages, which are then
   * judged by the lease like any other.
   */
  private final Map<String, Long> lastSeq =
      new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Long> e) {
          return size() > MAX_CLIENTS;
        }
      };

  private final MotionCommand command = new MotionCommand();
  private java.util.List<String> gaitNames = java.util.List.of();
  private Consumer<Boolean> policySwitch;
  private String holder;
  private long lastHeard;
  private long velocityExpiry;
  private long refused;
  private boolean refusingDrive;

  // The fields drive() takes from an in-process client's command.
  private static final int DRIVEN_FIELDS =
      MotionCommand.VX
          | MotionCommand.VY
          | MotionCommand.YAW_RATE
          | MotionCommand.BODY_HEIGHT
          | MotionCommand.STEP_HEIGHT
          | MotionCommand.REQUESTED_MODE;

  /**
   * @param out the controller's command mailbox
   * @param errors receives one sentence per refused message
   * @param sitAfterNanos after a watchdog stop, sit down when silence lasts this long (servos stay
   *     on for an hour more: {@link CommsLossStages#stopThenSit})
   */
  public OperatorLink(Mailbox<MotionCommand> out, Consumer<String> errors, long sitAfterNanos) {
    this(out, errors, CommsLossStages.stopThenSit(sitAfterNanos));
  }

  /**
   * @param out the controller's command mailbox
   * @param errors receives one sentence per refused message
   * @param stages what to do as the lease holder's silence grows (stop, sit, servos off)
   */
  public OperatorLink(Mailbox<MotionCommand> out, Consumer<String> errors, CommsLossStages stages) {
    this.out = out;
    this.errors = errors;
    this.stages = stages;
    command.requestedMode = Mode.STANDING;
  }

  /**
   * Handles one message; never throws for bad input. {@code client} is the sender's identity as the
   * transport established it (the embedded broker's client id, bound to its user; the user segment
   * of the external broker's topic), never a name from the payload. An E-stop engage is parsed
   * before taking the link's lock and applied in a few assignments, so it never waits for another
   * message's parsing.
   */
  public void onMessage(String client, String topic, byte[] payload, long nowNanos) {
    Commands.Estop engaged = topic.equals("cmd/estop") ? CommandParser.engagement(payload) : null;
    if (engaged != null) {
      engage(engaged.cut());
      if (!engaged.cut() && CommandParser.badCut(payload)) {
        synchronized (this) {
          refused++;
        }
        errors.accept(
            "cmd/estop: cut: expected true or false; engaged with this robot's software stop");
      }
      return;
    }
    handle(client, topic, payload, nowNanos);
  }

  private synchronized void engage(boolean cut) {
    command.estop = true; // from anyone: safety first
    command.estopCut |= cut; // a cut, once asked, is not softened by a later engage
    // Every pending mode request is void: after a release the robot stays PASSIVE until the
    // lease holder asks for a mode again.
    command.requestedMode = Mode.PASSIVE;
    stop();
    offer();
  }

  private synchronized void handle(String client, String topic, byte[] payload, long nowNanos) {
    try {
      switch (topic) {
        case "cmd/estop":
          estop(client, parser.estop(payload));
          break;
        case "cmd/lease":
          Commands.Lease l = parser.lease(payload);
          fresh(client, l.seq(), topic);
          lease(client, l.action(), nowNanos);
          break;
        case "cmd/velocity":
          Commands.Velocity v = parser.velocity(payload);
          holderOnly(client, topic);
          fresh(client, v.seq(), topic);
          command.vx = v.vx();
          command.vy = v.vy();
          command.yawRate = v.yawRate();
          velocityExpiry = nowNanos + v.ttlMs() * 1_000_000L;
          heard(nowNanos);
          break;
        case "cmd/mode":
          Commands.ModeRequest m = parser.mode(payload);
          holderOnly(client, topic);
          fresh(client, m.seq(), topic);
          command.requestedMode =
              m.mode().equals("sit")
                  ? Mode.SITTING
                  : m.mode().equals("walk") ? Mode.WALKING : Mode.STANDING;
          command.modeRequestCount++;
          heard(nowNanos);
          break;
        case "cmd/gait":
          Commands.GaitRequest g = parser.gait(payload);
          holderOnly(client, topic);
          // "auto" hands the choice back to the robot, which picks the gait from the ground.
          int index = g.gait().equals("auto") ? -1 : gaitNames.indexOf(g.gait());
          if (index < 0 && !g.gait().equals("auto")) {
            throw new ProtocolException(
                "cmd/gait: gait: unknown gait '"
                    + g.gait()
                    + "'; expected auto or one of "
                    + gaitNames);
          }
          fresh(client, g.seq(), topic);
          command.gaitIndex = index;
          if (policySwitch != null) {
            // The operator's explicit choice wins: the learned advisor steps back until
            // cmd/policy turns it on again (telemetry's advisor.state says "off").
            policySwitch.accept(false);
          }
          heard(nowNanos);
          break;
        case "cmd/body":
          Commands.Body b = parser.body(payload);
          holderOnly(client, topic);
          fresh(client, b.seq(), topic);
          command.bodyHeight = Double.isNaN(b.height()) ? command.bodyHeight : b.height();
          command.bodyRoll = Double.isNaN(b.roll()) ? command.bodyRoll : b.roll();
          command.bodyPitch = Double.isNaN(b.pitch()) ? command.bodyPitch : b.pitch();
          command.bodyYaw = Double.isNaN(b.yaw()) ? command.bodyYaw : b.yaw();
          heard(nowNanos);
          break;
        case "cmd/policy":
          Commands.PolicySwitch p = parser.policy(payload);
          holderOnly(client, topic);
          if (policySwitch == null) {
            throw new ProtocolException(
                "cmd/policy: this robot runs no learned policy (started without --policy)");
          }
          fresh(client, p.seq(), topic);
          policySwitch.accept(p.enabled());
          heard(nowNanos);
          break;
        case "cmd/payload":
          Commands.PayloadDeclaration d = parser.payload(payload);
          holderOnly(client, topic);
          if (payloadSink == null) {
            throw new ProtocolException("cmd/payload: this robot takes no payload declarations");
          }
          fresh(client, d.seq(), topic);
          payloadSink.accept(d.payload());
          heard(nowNanos);
          break;
        case "cmd/heartbeat":
          Commands.Heartbeat h = parser.heartbeat(payload);
          holderOnly(client, topic);
          fresh(client, h.seq(), topic);
          heard(nowNanos);
          break;
        default:
          throw new ProtocolException(topic + ": unknown topic");
      }
      offer();
    } catch (ProtocolException e) {
      refused++;
      errors.accept(e.getMessage());
    }
  }

  private void heard(long now) {
    lastHeard = now;
    stage = CommsLossStages.Stage.OK;
  }

  private void holderOnly(String client, String topic) throws ProtocolException {
    if (!client.equals(holder)) {
      throw new ProtocolException(
          topic
              + ": refused from "
              + client
              + ": the control lease is held by "
              + (holder == null ? "nobody (acquire it first)" : holder));
    }
  }

  private void fresh(String client, long seq, String topic) throws ProtocolException {
    Long last = lastSeq.get(client);
    if (last != null && seq <= last) {
      throw new ProtocolException(
          topic + ": seq " + seq + " is not newer than " + last + "; ignored");
    }
    lastSeq.put(client, seq);
  }

  private void estop(String client, Commands.Estop e) throws ProtocolException {
    if (e.engage()) {
      engage(e.cut());
      return;
    }
    holderOnly(client, "cmd/estop");
    command.estop = false;
    command.estopCut = false;
    command.estopReleaseCount++;
  }

  private void lease(String client, String action, long now) throws ProtocolException {
    switch (action) {
      case "acquire":
        if (holder != null && !holder.equals(client)) {
          throw new ProtocolException("cmd/lease: held by " + holder + "; use take to override");
        }
        holder = client;
        break;
      case "take":
        if (holder != null && !holder.equals(client)) {
          errors.accept("cmd/lease: " + client + " took control from " + holder);
        }
        holder = client;
        break;
      default: // release
        holderOnly(client, "cmd/lease");
        holder = null;
        break;
    }
    stop(); // a change of hands starts from standing still
    heard(now);
  }

  private void stop() {
    command.vx = 0;
    command.vy = 0;
    command.yawRate = 0;
    velocityExpiry = 0;
  }

  /**
   * Publishes the command with its velocity deadline: the earlier of the velocity's ttl and the
   * holder's watchdog, which the control tick enforces by itself.
   */
  private void offer() {
    command.velocityDeadlineNanos =
        velocityExpiry == 0
            ? Long.MAX_VALUE
            : Math.min(velocityExpiry, lastHeard + stages.stopNanos());
    command.seq++; // the controller reports which one its tick used (Telemetry.commandSeq)
    out.offer(command);
  }

  /**
   * Applies velocity expiry and the comms-loss stages ({@link CommsLossStages}): while the lease
   * holder is silent, a controlled stop, then sit, then servos off, each once, in order. Call at 50
   * Hz or more from the link's timer; allocates nothing.
   */
  public synchronized void tick(long nowNanos) {
    boolean changed = false;
    if (velocityExpiry != 0 && nowNanos > velocityExpiry) {
      stop();
      changed = true;
    }
    CommsLossStages.Stage due =
        holder == null ? CommsLossStages.Stage.OK : stages.stageAt(nowNanos - lastHeard);
    // Stages only advance: a later one includes what the earlier ones did.
    if (due.ordinal() > stage.ordinal()) {
      stop();
      if (command.requestedMode == Mode.WALKING) {
        command.requestedMode = Mode.STANDING;
      }
      if (due == CommsLossStages.Stage.SITTING && command.requestedMode != Mode.PASSIVE) {
        command.requestedMode = Mode.SITTING;
      }
      if (due == CommsLossStages.Stage.SERVOS_OFF) {
        command.requestedMode = Mode.PASSIVE;
      }
      stage = due;
      changed = true;
    }
    if (changed) {
      offer();
    }
  }

  /** The comms-loss stage the link has reached (OK when nobody holds the lease). Any thread. */
  public synchronized CommsLossStages.Stage commsStage() {
    return stage;
  }

  /**
   * Seconds since the lease holder was last heard at {@code nowNanos} (the link's clock), or NaN
   * when nobody holds the lease. Any thread.
   */
  public synchronized double holderSilentSeconds(long nowNanos) {
    return holder == null ? Double.NaN : Math.max(0, nowNanos - lastHeard) * 1e-9;
  }

  /** The comms-loss stages this link applies. Any thread. */
  public CommsLossStages commsLossStages() {
    return stages;
  }

  /**
   * The transport to the operators is gone (e.g. the external broker was lost): the robot stops
   * now, exactly as if the watchdog had fired, and sits after the usual further silence. Commands
   * arriving after reconnection must still be fresh (newer {@code seq}).
   */
  public synchronized void transportLost(long nowNanos) {
    if (holder == null || stage != CommsLossStages.Stage.OK) {
      return;
    }
    lastHeard = Math.min(lastHeard, nowNanos - stages.stopNanos() - 1);
    tick(nowNanos);
  }

  /**
   * Where the lease holder's {@code cmd/payload} declarations go (until set they are refused).
   * Start-up thread, before messages arrive; the sink is called on the thread delivering the
   * message.
   */
  public synchronized void payloadSink(Consumer<robodog.core.Payload> sink) {
    payloadSink = sink;
  }

  /**
   * The robot's gait names in gait-table order, for {@code cmd/gait} (until set, every gait request
   * is refused). Start-up thread, before messages arrive.
   */
  public synchronized void gaitNames(java.util.List<String> names) {
    gaitNames = java.util.List.copyOf(names);
  }

  /**
   * Where {@code cmd/policy} goes: the learned gait advisor's operator switch (called on the
   * transport's thread; it must only flip a flag). Until set, every {@code cmd/policy} is refused.
   * Start-up thread, before messages arrive.
   */
  public synchronized void policySwitch(Consumer<Boolean> onOff) {
    policySwitch = onOff;
  }

  /**
   * Hands the control lease from {@code from}, who must hold it, to {@code to} (autonomy takes it
   * for a dispatched run and gives it back at the end). The robot stands still across the change.
   *
   * @return false (nothing changed) when {@code from} does not hold the lease
   */
  public synchronized boolean grant(String from, String to, long nowNanos) {
    if (from == null || to == null || !from.equals(holder)) {
      return false;
    }
    holder = to;
    stop();
    heard(nowNanos);
    offer();
    return true;
  }

  /**
   * Drives as {@code client} (an in-process client such as autonomy) under the same rules as a
   * remote one: only the lease holder moves the robot, the velocity lives for {@code ttlMs} and
   * each call feeds the watchdog. Mode, velocity, gait, body height and step height are taken from
   * {@code cmd}; E-stop fields are not (an E-stop stays latched until an operator releases it).
   *
   * <p>A command with a field that is not a finite number in range (see {@link
   * MotionCommand#invalidFields}) is refused whole: nothing is sent, the previous velocity runs out
   * at its own deadline, and the first refusal of a run goes to {@code errors} naming the fields.
   *
   * @return false (nothing sent) when {@code client} does not hold the lease or {@code cmd} has a
   *     non-finite or out-of-range field
   */
  public synchronized boolean drive(String client, MotionCommand cmd, int ttlMs, long nowNanos) {
    if (!client.equals(holder)) {
      return false;
    }
    int bad = cmd.invalidFields() & DRIVEN_FIELDS;
    if (bad != 0) {
      refused++;
      if (!refusingDrive) {
        refusingDrive = true; // one message per run of bad commands, not 20 per second
        errors.accept(
            client
                + ": drive command refused, not a finite number in range: "
                + MotionCommand.describe(bad)
                + "; nothing sent");
      }
      return false;
    }
    refusingDrive = false;
    if (command.requestedMode != cmd.requestedMode) {
      command.modeRequestCount++; // autonomy asks for a mode explicitly, as an operator does
    }
    command.requestedMode = cmd.requestedMode;
    command.vx = cmd.vx;
    command.vy = cmd.vy;
    command.yawRate = cmd.yawRate;
    command.gaitIndex = cmd.gaitIndex;
    command.bodyHeight = cmd.bodyHeight;
    command.stepHeight = cmd.stepHeight;
    velocityExpiry = nowNanos + ttlMs * 1_000_000L;
    heard(nowNanos);
    offer();
    return true;
  }

  /** Who holds the control lease, or null. */
  public synchronized String leaseHolder() {
    return holder;
  }

  /** Messages refused since start. */
  public synchronized long refused() {
    return refused;
  }
}
