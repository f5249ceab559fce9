package robodog.core;

/**
 * What the hardware port reports each tick: joint positions, velocities and efforts (18 each), foot
 * contacts, the IMU and the E-stop input. All arrays are preallocated and reused; {@link #copyFrom}
 * copies without allocating, which is what {@link Mailbox} needs.
 *
 * <p>Units: rad, rad/s, N·m, quaternion (w, x, y, z) of {@code base_link} in {@code odom}, rad/s in
 * {@code base_link}, m/s² specific force in {@code base_link} (reads +9.81 on z at rest), volts.
 *
 * <p>Not thread-safe: written by the control thread inside {@code HardwarePort.read}; hand copies
 * to other threads through a {@link Mailbox}.
 */
public final class RobotState {
  /** Time of the reading, nanoseconds of the loop's {@link Clock}. */
  public long stampNanos;

  public final double[] jointPosition = new double[Joints.COUNT];
  public final double[] jointVelocity = new double[Joints.COUNT];
  public final double[] jointEffort = new double[Joints.COUNT];

  /** True when the foot touches something, by {@link LegId} ordinal. */
  public final boolean[] footContact = new boolean[LegId.COUNT];

  /** False when the hardware has no contact sensing; then {@link #footContact} means nothing. */
  public boolean contactsValid;

  /** IMU orientation quaternion w, x, y, z. */
  public final double[] imuOrientation = {1, 0, 0, 0};

  /** IMU angular rate about x, y, z of base_link, rad/s. */
  public final double[] imuAngularVelocity = new double[3];

  /** IMU specific force along x, y, z of base_link, m/s². */
  public final double[] imuLinearAcceleration = new double[3];

  /** True while a physical E-stop input is pressed (or its circuit is open). */
  public boolean estopPressed;

  /** Battery voltage, volts; {@code NaN} when not measured. */
  public double batteryVolts = Double.NaN;

  /**
   * Bit {@code 1 << leg.ordinal()} set: the hardware reports that leg unusable (a servo channel
   * that failed). The controller treats it exactly like an operator-marked failed leg.
   */
  public int failedLegMask;

  /** The battery is nearly empty (latched by the hardware): the controller sits the robot down. */
  public boolean batteryCritical;

  /**
   * True in the reading after the hardware refused a joint target it was given (not a finite
   * number): it kept the servo's last pulse, and the controller latches FAULT holding its last good
   * pose. An event, reported once.
   */
  public boolean actuatorFault;

  /** Copies every field from {@code other}; allocation-free. */
  public void copyFrom(RobotState other) {
    stampNanos = other.stampNanos;
    System.arraycopy(other.jointPosition, 0, jointPosition, 0, Joints.COUNT);
    System.arraycopy(other.jointVelocity, 0, jointVelocity, 0, Joints.COUNT);
    System.arraycopy(other.jointEffort, 0, jointEffort, 0, Joints.COUNT);
    System.arraycopy(other.footContact, 0, footContact, 0, LegId.COUNT);
    contactsValid = other.contactsValid;
    System.arraycopy(other.imuOrientation, 0, imuOrientation, 0, 4);
    System.arraycopy(other.imuAngularVelocity, 0, imuAngularVelocity, 0, 3);
    System.arraycopy(other.imuLinearAcceleration, 0, imuLinearAcceleration, 0, 3);
    estopPressed = other.estopPressed;
    batteryVolts = other.batteryVolts;
    batteryCritical = other.batteryCritical;
    failedLegMask = other.failedLegMask;
    actuatorFault = other.actuatorFault;
  }

  /** Roll (rad) from the IMU quaternion, REP-103 x-y-z fixed-axis convention. */
  public double imuRoll() {
    double w = imuOrientation[0];
    double x = imuOrientation[1];
    double y = imuOrientation[2];
    double z = imuOrientation[3];
    return Math.atan2(2 * (w * x + y * z), 1 - 2 * (x * x + y * y));
  }

  /** Pitch (rad) from the IMU quaternion. */
  public double imuPitch() {
    double w = imuOrientation[0];
    double x = imuOrientation[1];
    double y = imuOrientation[2];
    double z = imuOrientation[3];
    double s = 2 * (w * y - z * x);
    return Math.asin(Math.max(-1, Math.min(1, s)));
  }

  /** Yaw (rad, counter-clockwise from odom x, in (−π, π]) from the IMU quaternion. */
  public double imuYaw() {
    double w = imuOrientation[0];
    double x = imuOrientation[1];
    double y = imuOrientation[2];
    double z = imuOrientation[3];
    return Math.atan2(2 * (w * z + x * y), 1 - 2 * (y * y + z * z));
  }
}
