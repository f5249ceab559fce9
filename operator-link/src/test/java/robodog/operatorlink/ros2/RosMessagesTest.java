package robodog.operatorlink.ros2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import nav_msgs.msg.dds.Odometry;
import org.junit.jupiter.api.Test;
import robodog.core.Joints;
import robodog.core.Telemetry;
import sensor_msgs.msg.dds.BatteryState;
import sensor_msgs.msg.dds.Imu;
import sensor_msgs.msg.dds.JointState;
import tf2_msgs.msg.dds.TFMessage;

/** Telemetry to ROS messages: names, order, frames, quaternion conventions, stamps. */
class RosMessagesTest {
  private final Telemetry t = new Telemetry();

  RosMessagesTest() {
    for (int i = 0; i < Joints.COUNT; i++) {
      t.jointPosition[i] = 0.01 * i;
      t.jointVelocity[i] = -0.1 * i;
    }
    t.odomX = 1.5;
    t.odomY = -0.25;
    t.odomYaw = Math.PI / 2;
    t.vx = 0.1;
    t.vy = 0.02;
    t.yawRate = -0.3;
    double half = 0.2; // imu: rotation of 0.4 rad about x
    t.imuOrientation[0] = Math.cos(half);
    t.imuOrientation[1] = Math.sin(half);
    t.imuAngularVelocity[2] = 0.7;
    t.imuLinearAcceleration[2] = 9.81;
  }

  @Test
  void jointStateHasTheEighteenUrdfNamesInOrderTwice() {
    JointState m = new JointState();
    for (int round = 0; round < 2; round++) { // reuse must not grow the arrays
      RosMessages.jointState(t, 1_700_000_000_123_456_789L, m);
      assertEquals(Joints.COUNT, m.getName().size());
      assertEquals(Joints.COUNT, m.getPosition().size());
      assertEquals(0, m.getEffort().size());
    }
    for (int i = 0; i < Joints.COUNT; i++) {
      assertEquals(Joints.name(i), m.getName().getString(i));
      assertEquals(0.01 * i, m.getPosition().get(i), 0);
      assertEquals(-0.1 * i, m.getVelocity().get(i), 0);
    }
    assertEquals(1_700_000_000, m.getHeader().getStamp().getSec());
    assertEquals(123_456_789L, m.getHeader().getStamp().getNanosec());
  }

  @Test
  void odometryAndTfAgreeOnOdomToBaseLink() {
    Odometry o = new Odometry();
    RosMessages.odometry(t, 0, o);
    assertEquals("odom", o.getHeader().getFrameIdAsString());
    assertEquals("base_link", o.getChildFrameIdAsString());
    assertEquals(1.5, o.getPose().getPose().getPosition().getX(), 0);
    assertEquals(-0.25, o.getPose().getPose().getPosition().getY(), 0);
    assertEquals(Math.PI / 2, o.getPose().getPose().getOrientation().getYaw(), 1e-12);
    assertEquals(Math.sqrt(0.5), o.getPose().getPose().getOrientation().getS(), 1e-12);
    assertEquals(0.1, o.getTwist().getTwist().getLinear().getX(), 0);
    assertEquals(-0.3, o.getTwist().getTwist().getAngular().getZ(), 0);
    TFMessage tf = new TFMessage();
    RosMessages.tf(t, 0, tf);
    RosMessages.tf(t, 0, tf);
    assertEquals(1, tf.getTransforms().size());
    assertEquals("odom", tf.getTransforms().get(0).getHeader().getFrameIdAsString());
    assertEquals("base_link", tf.getTransforms().get(0).getChildFrameIdAsString());
    assertEquals(1.5, tf.getTransforms().get(0).getTransform().getTranslation().getX(), 0);
    assertEquals(
        Math.PI / 2, tf.getTransforms().get(0).getTransform().getRotation().getYaw(), 1e-12);
  }

  @Test
  void imuQuaternionIsReorderedFromWxyzToRosXyzw() {
    Imu m = new Imu();
    RosMessages.imu(t, 0, m);
    assertEquals(Math.sin(0.2), m.getOrientation().getX(), 1e-12);
    assertEquals(Math.cos(0.2), m.getOrientation().getS(), 1e-12);
    assertEquals(0.4, m.getOrientation().getRoll(), 1e-12);
    assertEquals(0.7, m.getAngularVelocity().getZ(), 0);
    assertEquals(9.81, m.getLinearAcceleration().getZ(), 0);
    assertEquals("base_link", m.getHeader().getFrameIdAsString());
  }

  @Test
  void batteryStateCarriesVoltsFractionLipoAndTwoCells() {
    robodog.core.RobotState s = new robodog.core.RobotState();
    s.batteryVolts = 2 * 3.84; // 50 % on the curve
    t.copyMeasured(s);
    BatteryState m = new BatteryState();
    RosMessages.batteryState(t, 1_700_000_000_250_000_000L, m);
    assertEquals(7.68f, m.getVoltage(), 1e-6f);
    assertEquals(0.5f, m.getPercentage(), 1e-6f);
    assertTrue(m.getPresent());
    assertEquals(BatteryState.POWER_SUPPLY_STATUS_DISCHARGING, m.getPowerSupplyStatus());
    assertEquals(BatteryState.POWER_SUPPLY_TECHNOLOGY_LIPO, m.getPowerSupplyTechnology());
    assertEquals(2, m.getCellVoltage().size());
    assertEquals("base_link", m.getHeader().getFrameId().toString());
    assertEquals(1_700_000_000, m.getHeader().getStamp().getSec());
    assertEquals(250_000_000L, m.getHeader().getStamp().getNanosec());
    s.batteryVolts = Double.NaN; // unknown: NaN, as the message defines it
    t.copyMeasured(s);
    RosMessages.batteryState(t, 0, m);
    assertTrue(Float.isNaN(m.getVoltage()) && Float.isNaN(m.getPercentage()));
    assertEquals(2, m.getCellVoltage().size());
  }
}
