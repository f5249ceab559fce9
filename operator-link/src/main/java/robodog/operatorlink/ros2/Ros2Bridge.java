package robodog.operatorlink.ros2;

import com.eprosima.xmlschemas.fastrtps_profiles.DurabilityQosKindPolicyType;
import com.eprosima.xmlschemas.fastrtps_profiles.HistoryQosKindPolicyType;
import com.eprosima.xmlschemas.fastrtps_profiles.ReliabilityQosKindPolicyType;
import geometry_msgs.msg.dds.Twist;
import geometry_msgs.msg.dds.TwistPubSubType;
import java.io.IOException;
import java.net.InetAddress;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import nav_msgs.msg.dds.Odometry;
import nav_msgs.msg.dds.OdometryPubSubType;
import robodog.core.Mailbox;
import robodog.core.Telemetry;
import robodog.operatorlink.OperatorLink;
import sensor_msgs.msg.dds.BatteryState;
import sensor_msgs.msg.dds.BatteryStatePubSubType;
import sensor_msgs.msg.dds.Imu;
import sensor_msgs.msg.dds.ImuPubSubType;
import sensor_msgs.msg.dds.JointState;
import sensor_msgs.msg.dds.JointStatePubSubType;
import std_msgs.msg.dds.StringPubSubType;
import tf2_msgs.msg.dds.TFMessage;
import tf2_msgs.msg.dds.TFMessagePubSubType;
import us.ihmc.pubsub.DomainFactory.PubSubImplementation;
import us.ihmc.pubsub.common.SampleInfo;
import us.ihmc.ros2.ROS2Node;
import us.ihmc.ros2.ROS2PublisherBasics;
import us.ihmc.ros2.ROS2QosProfile;

/**
 * The robot on ROS 2 (through ihmc-ros2-library over Fast-RTPS; see docs/ros2.md). Publishes {@code
 * /joint_states}, {@code /odom}, {@code /imu/data}, {@code /tf} at {@link Ros2Settings#rateHz()},
 * {@code /battery_state} at {@value #BATTERY_HZ} Hz (a pack changes over minutes; 100 Hz would only
 * load DDS) and a latched {@code /robot_description}; subscribes {@code /cmd_vel}, {@code
 * /robodog/lease} and {@code /robodog/estop} and hands them to the {@link OperatorLink} through
 * {@link CmdVelSource} (driving only with {@link Ros2Settings#drive()}; the E-stop always).
 *
 * <p>Threads: the bridge has its own thread ({@code ros2-bridge}) that is the single consumer of
 * the controller's telemetry mailbox; each fresh snapshot is published and, if a downstream mailbox
 * was given, passed on to it (the MQTT telemetry reads that one, since a mailbox has one reader).
 * DDS listener threads only call {@link CmdVelSource}. The control loop never waits on DDS.
 */
public final class Ros2Bridge implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger("robodog.operatorlink.ros2");

  /** Rate of {@code /battery_state}, Hz. */
  public static final double BATTERY_HZ = 1.0;

  private final Ros2Settings settings;
  private final OperatorLink link;
  private final boolean tickLink;
  private final Mailbox<Telemetry> in;
  private final Mailbox<Telemetry> downstream;
  private final ROS2Node node;
  private final CmdVelSource cmdVel;
  private final ROS2PublisherBasics<JointState> jointPub;
  private final ROS2PublisherBasics<Odometry> odomPub;
  private final ROS2PublisherBasics<Imu> imuPub;
  private final ROS2PublisherBasics<TFMessage> tfPub;
  private final ROS2PublisherBasics<BatteryState> batteryPub;
  private final ROS2PublisherBasics<std_msgs.msg.dds.String> descriptionPub;
  private final JointState joint = new JointState();
  private final Odometry odom = new Odometry();
  private final Imu imu = new Imu();
  private final TFMessage tf = new TFMessage();
  private final BatteryState battery = new BatteryState();
  private final AtomicLong published = new AtomicLong();
  private final Thread thread;
  private volatile boolean running = true;

  static {
    // ihmc's log-tools prints INFO lines on stdout, which is the CLI's output: keep warnings only.
    org.apache.logging.log4j.core.config.Configurator.setLevel(
        "us.ihmc", org.apache.logging.log4j.Level.WARN);
  }

  /**
   * Joins DDS and starts the bridge thread.
   *
   * @param link the operator link the ROS 2 source drives through
   * @param tickLink true if nobody else calls {@link OperatorLink#tick} (the bridge then does, at
   *     its rate)
   * @param in the controller's telemetry mailbox; the bridge becomes its only reader
   * @param downstream receives every snapshot after publishing, or null
   * @param urdf the robot's URDF, published once on {@code /robot_description}
   * @param errors receives the bridge's own refusals (driving over ROS 2 switched off)
   * @throws IOException if the DDS participant cannot be created
   */
  public Ros2Bridge(
      Ros2Settings settings,
      OperatorLink link,
      boolean tickLink,
      Mailbox<Telemetry> in,
      Mailbox<Telemetry> downstream,
      String urdf,
      java.util.function.Consumer<String> errors)
      throws IOException {
    this.settings = settings;
    this.link = link;
    this.tickLink = tickLink;
    this.in = in;
    this.downstream = downstream;
    this.cmdVel = new CmdVelSource(link, settings.drive(), errors);
    // The loopback address restricts every Fast-RTPS transport (discovery included) to lo.
    InetAddress restrict = settings.localhostOnly() ? InetAddress.getLoopbackAddress() : null;
    node = new ROS2Node(PubSubImplementation.FAST_RTPS, "robodog", settings.domainId(), restrict);
    ROS2QosProfile reliable = ROS2QosProfile.KEEP_HISTORY(10);
    jointPub = node.createPublisher(new JointStatePubSubType(), "/joint_states", reliable);
    odomPub = node.createPublisher(new OdometryPubSubType(), "/odom", reliable);
    imuPub = node.createPublisher(new ImuPubSubType(), "/imu/data", reliable);
    tfPub = node.createPublisher(new TFMessagePubSubType(), "/tf", reliable);
    batteryPub = node.createPublisher(new BatteryStatePubSubType(), "/battery_state", reliable);
    ROS2QosProfile latched =
        new ROS2QosProfile(
            HistoryQosKindPolicyType.KEEP_LAST,
            1,
            ReliabilityQosKindPolicyType.RELIABLE,
            DurabilityQosKindPolicyType.TRANSIENT_LOCAL,
            false);
    descriptionPub =
        node.createPublisher(new LongStringType(urdf.length()), "/robot_description", latched);
    std_msgs.msg.dds.String description = new std_msgs.msg.dds.String();
    description.setData(urdf);
    descriptionPub.publish(description);
    // Best effort readers match both reliable and best-effort writers (ROS 2 QoS rules).
    ROS2QosProfile anyWriter = ROS2QosProfile.BEST_EFFORT();
    Twist twist = new Twist();
    SampleInfo info = new SampleInfo();
    node.createSubscription(
        new TwistPubSubType(),
        s -> {
          if (s.takeNextData(twist, info)) {
            cmdVel.onTwist(
                twist.getLinear().getX(),
                twist.getLinear().getY(),
                twist.getAngular().getZ(),
                System.nanoTime());
          }
        },
        "/cmd_vel",
        anyWriter);
    std_msgs.msg.dds.String lease = new std_msgs.msg.dds.String();
    SampleInfo leaseInfo = new SampleInfo();
    node.createSubscription(
        new StringPubSubType(),
        s -> {
          if (s.takeNextData(lease, leaseInfo)) {
            cmdVel.onLease(lease.getDataAsString(), System.nanoTime());
          }
        },
        "/robodog/lease",
        ROS2QosProfile.RELIABLE());
    // Reliable, as `ros2 topic pub` and rclcpp publish by default: an E-stop is not dropped.
    std_msgs.msg.dds.Bool estop = new std_msgs.msg.dds.Bool();
    SampleInfo estopInfo = new SampleInfo();
    node.createSubscription(
        new std_msgs.msg.dds.BoolPubSubType(),
        s -> {
          if (s.takeNextData(estop, estopInfo)) {
            cmdVel.onEstop(estop.getData(), System.nanoTime());
          }
        },
        "/robodog/estop",
        ROS2QosProfile.RELIABLE());
    if (settings.leaseAtStart()) {
      cmdVel.onLease("acquire", System.nanoTime());
    }
    thread = new Thread(this::run, "ros2-bridge");
    thread.setDaemon(true);
    thread.start();
  }

  private void run() {
    long period = Math.round(1e9 / settings.rateHz());
    long epochOffset = System.currentTimeMillis() * 1_000_000L - System.nanoTime();
    long next = System.nanoTime();
    long batteryPeriod = Math.round(1e9 / BATTERY_HZ);
    long nextBattery = next;
    while (running) {
      long now = System.nanoTime();
      if (tickLink) {
        link.tick(now);
      }
      Telemetry t = in.poll();
      if (t != null) {
        long stamp = now + epochOffset;
        try {
          RosMessages.jointState(t, stamp, joint);
          jointPub.publish(joint);
          RosMessages.odometry(t, stamp, odom);
          odomPub.publish(odom);
          RosMessages.imu(t, stamp, imu);
          imuPub.publish(imu);
          RosMessages.tf(t, stamp, tf);
          tfPub.publish(tf);
          if (now - nextBattery >= 0) {
            nextBattery = now + batteryPeriod;
            RosMessages.batteryState(t, stamp, battery);
            batteryPub.publish(battery);
          }
          published.incrementAndGet();
        } catch (RuntimeException e) {
          LOG.log(
              System.Logger.Level.WARNING,
              "publish failed: " + e); // keep bridging; DDS may recover
        }
        if (downstream != null) {
          downstream.offer(t);
        }
      }
      next += period;
      long sleep = next - System.nanoTime();
      if (sleep < -period) {
        next = System.nanoTime(); // fell behind (GC, busy machine): skip, do not bunch
      } else if (sleep > 0) {
        LockSupport.parkNanos(sleep);
      }
    }
  }

  /** Snapshots published on every state topic since start. Any thread. */
  public long published() {
    return published.get();
  }

  /** The settings this bridge runs with. */
  public Ros2Settings settings() {
    return settings;
  }

  /** Stops the thread and leaves DDS; the robot is not commanded (the watchdog handles that). */
  @Override
  public void close() {
    running = false;
    thread.interrupt();
    try {
      thread.join(1000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    node.destroy();
  }
}
