package robodog.operatorlink.ros2;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import robodog.operatorlink.OperatorLink;

/**
 * Turns ROS 2 inputs into operator-link messages from the client {@value #CLIENT}, so the ROS 2
 * side goes through exactly the arbitration the tablet does: the lease, seq, ttl, the 500 ms
 * watchdog and E-stop latching all stay in {@link OperatorLink}.
 *
 * <ul>
 *   <li>{@code /cmd_vel} (geometry_msgs/Twist): {@code cmd/mode walk} ({@code stand} for an
 *       all-zero twist; ROS tools only speak velocity) then {@code cmd/velocity} with ttl {@value
 *       #TTL_MS} ms. Refused unless ROS 2 holds the lease. Each one also counts as the ROS 2
 *       source's heartbeat; nothing else does, so a ROS 2 peer that dies or goes quiet is stopped
 *       by the watchdog.
 *   <li>{@code /robodog/lease} (std_msgs/String): {@code acquire}, {@code release} or {@code take}.
 *   <li>{@code /robodog/estop} (std_msgs/Bool): {@code true} engages the E-stop, from any peer,
 *       always; {@code false} asks for a release, which the link grants only to the lease holder.
 * </ul>
 *
 * <p>Unless driving is allowed ({@code --ros2-drive}, which needs ROS 2 on loopback), {@code
 * /cmd_vel} and {@code /robodog/lease} are refused here, before the link: any DDS peer on the
 * network can publish, and DDS does not say who it is. So without it ROS 2 never holds the lease
 * and cannot release an E-stop either.
 *
 * <p>Thread-safe (DDS listener threads and the bridge thread may call it).
 */
public final class CmdVelSource {
  /** The operator-link client id of the ROS 2 side. */
  public static final String CLIENT = "ros2";

  /** Validity of one /cmd_vel, ms: a 10 Hz publisher may miss two samples before it lapses. */
  public static final int TTL_MS = 300;

  /** While ROS 2 lacks the lease, one refused /cmd_vel per this period reaches the link, ns. */
  static final long REFUSAL_REPORT_NANOS = 1_000_000_000L;

  private static final ObjectMapper JSON = new ObjectMapper();

  private final OperatorLink link;
  private final boolean drive;
  private final java.util.function.Consumer<String> errors;
  private long seq;
  private long lastRefusalReport = Long.MIN_VALUE;
  private long dropped;

  /** Driving allowed (tests and loopback-only robots with {@code --ros2-drive}). */
  public CmdVelSource(OperatorLink link) {
    this(link, true, s -> {});
  }

  /**
   * @param drive whether /cmd_vel and /robodog/lease are passed to the link at all
   * @param errors receives the refusals made here (published on {@code state/error})
   */
  public CmdVelSource(
      OperatorLink link, boolean drive, java.util.function.Consumer<String> errors) {
    this.link = link;
    this.drive = drive;
    this.errors = errors;
  }

  /**
   * One /cmd_vel sample, REP-103 base_link: x forward, y left, yaw counter-clockwise.
   *
   * @param vx m/s
   * @param vy m/s
   * @param yawRate rad/s
   */
  public synchronized void onTwist(double vx, double vy, double yawRate, long nowNanos) {
    if (!drive) {
      refuseUndriven("/cmd_vel", nowNanos);
      return;
    }
    if (!CLIENT.equals(link.leaseHolder())) {
      // The link refuses and reports it; at 10-50 Hz that would flood state/error and the log,
      // so only one a second goes through and the rest are counted here.
      if (lastRefusalReport == Long.MIN_VALUE
          || nowNanos - lastRefusalReport >= REFUSAL_REPORT_NANOS) {
        lastRefusalReport = nowNanos;
        send("cmd/velocity", velocity(vx, vy, yawRate), nowNanos);
      } else {
        dropped++;
      }
      return;
    }
    // A zero twist (Nav2 at its goal, a teleop stop key) means stand still, not step in place.
    String mode = vx == 0 && vy == 0 && yawRate == 0 ? "stand" : "walk";
    send("cmd/mode", JSON.createObjectNode().put("seq", ++seq).put("mode", mode), nowNanos);
    send("cmd/velocity", velocity(vx, vy, yawRate), nowNanos);
  }

  /**
   * One /robodog/lease request.
   *
   * @param action {@code acquire}, {@code release} or {@code take}; anything else is refused with a
   *     message by the link
   */
  public synchronized void onLease(String action, long nowNanos) {
    if (!drive) {
      refuseUndriven("/robodog/lease", nowNanos);
      return;
    }
    // Any text a peer sends reaches the link intact (Jackson escapes it), to be refused there by
    // name when it is not an action.
    send(
        "cmd/lease",
        JSON.createObjectNode().put("seq", ++seq).put("action", action.trim()),
        nowNanos);
  }

  /**
   * One /robodog/estop sample: {@code true} engages (obeyed from anyone, with or without driving),
   * {@code false} asks to release, which the link refuses unless ROS 2 holds the lease.
   */
  public synchronized void onEstop(boolean engage, long nowNanos) {
    send("cmd/estop", JSON.createObjectNode().put("engage", engage), nowNanos);
  }

  /** One refusal a second is reported; the rest are counted (a 50 Hz publisher must not flood). */
  private void refuseUndriven(String topic, long nowNanos) {
    if (lastRefusalReport == Long.MIN_VALUE
        || nowNanos - lastRefusalReport >= REFUSAL_REPORT_NANOS) {
      lastRefusalReport = nowNanos;
      errors.accept(
          topic
              + ": refused from ros2: driving over ROS 2 is off (start with --ros2-drive and"
              + " ROS_LOCALHOST_ONLY=1; /robodog/estop works without it)");
    } else {
      dropped++;
    }
  }

  /** /cmd_vel samples refused without the lease and not passed to the link (rate limit). */
  public synchronized long droppedWithoutLease() {
    return dropped;
  }

  private ObjectNode velocity(double vx, double vy, double yawRate) {
    if (!Double.isFinite(vx) || !Double.isFinite(vy) || !Double.isFinite(yawRate)) {
      vx = Double.NaN; // JSON has no NaN: the link refuses the string "NaN" with a clear message
    }
    ObjectNode n = JSON.createObjectNode().put("seq", ++seq);
    number(n, "vx", vx);
    number(n, "vy", vy);
    number(n, "yaw_rate", yawRate);
    return n.put("ttl_ms", TTL_MS);
  }

  private static void number(ObjectNode n, String key, double v) {
    if (Double.isFinite(v)) {
      n.put(key, v);
    } else {
      n.put(key, Double.toString(v));
    }
  }

  private void send(String topic, ObjectNode message, long nowNanos) {
    byte[] json;
    try {
      json = JSON.writeValueAsBytes(message);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a tree of strings and numbers is always writable", e);
    }
    link.onMessage(CLIENT, topic, json, nowNanos);
  }
}
