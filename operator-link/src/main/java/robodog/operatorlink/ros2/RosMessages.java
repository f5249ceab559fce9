package robodog.operatorlink.ros2;

import builtin_interfaces.msg.dds.Time;
import geometry_msgs.msg.dds.TransformStamped;
import nav_msgs.msg.dds.Odometry;
import robodog.core.BatteryCharge;
import robodog.core.Joints;
import robodog.core.Telemetry;
import sensor_msgs.msg.dds.BatteryState;
import sensor_msgs.msg.dds.Imu;
import sensor_msgs.msg.dds.JointState;
import tf2_msgs.msg.dds.TFMessage;

/**
 * Fills standard ROS 2 messages from a controller {@link Telemetry} snapshot. Frames follow
 * REP-105: {@code odom} (world, fixed at power-on) and {@code base_link} (body, x forward, y left,
 * z up). Every method reuses the message it is given; no allocation once the message has grown to
 * size. Bridge thread only.
 */
public final class RosMessages {
  /** Odometry frame id. */
  public static final String ODOM = "odom";

  /** Body frame id; the IMU is reported here too (the URDF has no separate IMU link). */
  public static final String BASE_LINK = "base_link";

  // Diagonal covariances: dead-reckoned pose drifts, commanded twist is close to what is done.
  private static final double POSE_VARIANCE = 0.01;
  private static final double TWIST_VARIANCE = 0.0025;

  private RosMessages() {}

  /** Header stamp from Unix-epoch nanoseconds (ROS time). */
  public static void stamp(Time t, long epochNanos) {
    t.setSec((int) (epochNanos / 1_000_000_000L));
    t.setNanosec(epochNanos % 1_000_000_000L);
  }

  /** 18 joints in URDF order: measured position (rad) and velocity (rad/s); no effort. */
  public static void jointState(Telemetry t, long epochNanos, JointState m) {
    stamp(m.getHeader().getStamp(), epochNanos);
    m.getHeader().setFrameId(BASE_LINK);
    if (m.getName().size() != Joints.COUNT) {
      m.getName().resetQuick();
      for (int i = 0; i < Joints.COUNT; i++) {
        m.getName().add(Joints.name(i));
      }
    }
    m.getPosition().resetQuick();
    m.getVelocity().resetQuick();
    m.getEffort().resetQuick(); // measured efforts are not in the telemetry snapshot
    for (int i = 0; i < Joints.COUNT; i++) {
      m.getPosition().add(t.jointPosition[i]);
      m.getVelocity().add(t.jointVelocity[i]);
    }
  }

  /** odom → base_link pose (planar dead reckoning) and the body twist in base_link. */
  public static void odometry(Telemetry t, long epochNanos, Odometry m) {
    stamp(m.getHeader().getStamp(), epochNanos);
    m.getHeader().setFrameId(ODOM);
    m.setChildFrameId(BASE_LINK);
    m.getPose().getPose().getPosition().set(t.odomX, t.odomY, 0);
    m.getPose().getPose().getOrientation().setYawPitchRoll(t.odomYaw, 0, 0);
    m.getTwist().getTwist().getLinear().set(t.vx, t.vy, 0);
    m.getTwist().getTwist().getAngular().set(0, 0, t.yawRate);
    double[] pc = m.getPose().getCovariance();
    double[] tc = m.getTwist().getCovariance();
    for (int i = 0; i < 6; i++) {
      pc[i * 7] = POSE_VARIANCE;
      tc[i * 7] = TWIST_VARIANCE;
    }
  }

  /** IMU orientation, angular velocity and specific force as last read, in base_link. */
  public static void imu(Telemetry t, long epochNanos, Imu m) {
    stamp(m.getHeader().getStamp(), epochNanos);
    m.getHeader().setFrameId(BASE_LINK);
    double[] q = t.imuOrientation; // w, x, y, z
    m.getOrientation().set(q[1], q[2], q[3], q[0]);
    m.getAngularVelocity()
        .set(t.imuAngularVelocity[0], t.imuAngularVelocity[1], t.imuAngularVelocity[2]);
    m.getLinearAcceleration()
        .set(t.imuLinearAcceleration[0], t.imuLinearAcceleration[1], t.imuLinearAcceleration[2]);
  }

  /** One transform odom → base_link, the same pose as {@link #odometry}. */
  public static void tf(Telemetry t, long epochNanos, TFMessage m) {
    if (m.getTransforms().size() != 1) {
      m.getTransforms().resetQuick();
      TransformStamped ts = m.getTransforms().add();
      ts.getHeader().setFrameId(ODOM);
      ts.setChildFrameId(BASE_LINK);
    }
    TransformStamped ts = m.getTransforms().get(0);
    stamp(ts.getHeader().getStamp(), epochNanos);
    ts.getTransform().getTranslation().set(t.odomX, t.odomY, 0);
    ts.getTransform().getRotation().setYawPitchRoll(t.odomYaw, 0, 0);
  }

  /**
   * The pack as {@code sensor_msgs/BatteryState}: voltage (V) and percentage (0..1, NaN when the
   * voltage is unknown, as the message defines), present, discharging (the robot cannot charge
   * while it runs), LiPo, one NaN per cell in {@code cell_voltage} (the message's way of saying "n
   * cells, not measured one by one"). Current, charge, capacity and temperature are not measured:
   * NaN. Header frame {@code base_link}.
   */
  public static void batteryState(Telemetry t, long epochNanos, BatteryState m) {
    stamp(m.getHeader().getStamp(), epochNanos);
    m.getHeader().setFrameId(BASE_LINK);
    m.setVoltage((float) t.batteryVolts);
    m.setPercentage((float) (t.batteryPercent / 100));
    m.setCurrent(Float.NaN);
    m.setCharge(Float.NaN);
    m.setCapacity(Float.NaN);
    m.setDesignCapacity(Float.NaN);
    m.setTemperature(Float.NaN);
    m.setPresent(true);
    m.setPowerSupplyStatus(BatteryState.POWER_SUPPLY_STATUS_DISCHARGING);
    m.setPowerSupplyHealth(BatteryState.POWER_SUPPLY_HEALTH_UNKNOWN);
    m.setPowerSupplyTechnology(BatteryState.POWER_SUPPLY_TECHNOLOGY_LIPO);
    if (m.getCellVoltage().size() != BatteryCharge.ROBOT_CELLS) {
      m.getCellVoltage().resetQuick();
      m.getCellTemperature().resetQuick();
      for (int i = 0; i < BatteryCharge.ROBOT_CELLS; i++) {
        m.getCellVoltage().add(Float.NaN);
        m.getCellTemperature().add(Float.NaN);
      }
    }
  }
}
