package robodog.locomotion;

import robodog.core.Joints;
import robodog.core.LegId;
import robodog.core.RobotState;

/**
 * The boundary between the hardware's readings and the controller: each sensor group (IMU, joint
 * positions, joint velocities and efforts, battery) is checked every tick for non-finite and
 * physically impossible values. A bad group is dropped and its last good values are used instead; a
 * group bad for {@link #FAULT_TICKS} ticks in a row is a sensor fault (the controller latches
 * FAULT). The controller only ever sees {@link #good()}, which therefore holds finite values (NaN
 * only where the hardware documents "not measured": effort, battery).
 *
 * <p>Control thread only; allocation-free.
 */
final class StateGuard {
  /** Consecutive bad ticks of one sensor group that make a fault: 50 ms at 500 Hz. */
  static final int FAULT_TICKS = 25;

  /** Largest plausible |joint angle|, rad: every joint of the robot turns less than a turn. */
  static final double MAX_JOINT_RAD = 2 * Math.PI;

  /** Largest plausible |joint rate|, rad/s (hobby servos turn ~6 rad/s; physics spikes more). */
  static final double MAX_JOINT_RATE = 1000;

  /** Largest plausible |joint effort|, N·m. */
  static final double MAX_EFFORT = 1000;

  /** Largest plausible |angular rate|, rad/s (the MPU-6050's widest range is 35 rad/s). */
  static final double MAX_GYRO = 100;

  /** Largest plausible |specific force|, m/s² (the MPU-6050's widest range is 16 g). */
  static final double MAX_ACCEL = 1000;

  /** Accepted quaternion norm, 1 ± this (a filter's output drifts a little from unit length). */
  static final double QUATERNION_NORM_TOLERANCE = 0.1;

  /** Largest plausible battery voltage, V. */
  static final double MAX_VOLTS = 100;

  private static final int IMU = 0;
  private static final int JOINTS = 1;
  private static final int RATES = 2;
  private static final int BATTERY = 3;
  private static final int GROUPS = 4;

  private final RobotState good = new RobotState();
  private final int[] badTicks = new int[GROUPS];
  private boolean jointsSeen;
  private long dropped;

  /** What {@link #check} found in one reading. */
  enum Verdict {
    OK,
    DROPPED,
    FAULT
  }

  /**
   * Takes the good groups of {@code raw} into {@link #good()}, keeps the previous values of the bad
   * ones, and says whether anything was dropped or a sensor has stayed bad too long.
   */
  Verdict check(RobotState raw) {
    good.stampNanos = raw.stampNanos;
    System.arraycopy(raw.footContact, 0, good.footContact, 0, LegId.COUNT);
    good.contactsValid = raw.contactsValid;
    good.estopPressed = raw.estopPressed;
    good.batteryCritical = raw.batteryCritical;
    good.failedLegMask = raw.failedLegMask & ((1 << LegId.COUNT) - 1);
    good.actuatorFault = raw.actuatorFault;
    boolean imu = imuOk(raw);
    if (imu) {
      System.arraycopy(raw.imuOrientation, 0, good.imuOrientation, 0, 4);
      System.arraycopy(raw.imuAngularVelocity, 0, good.imuAngularVelocity, 0, 3);
      System.arraycopy(raw.imuLinearAcceleration, 0, good.imuLinearAcceleration, 0, 3);
    }
    boolean joints = allWithin(raw.jointPosition, MAX_JOINT_RAD, false);
    if (joints) {
      System.arraycopy(raw.jointPosition, 0, good.jointPosition, 0, Joints.COUNT);
      jointsSeen = true;
    }
    boolean rates =
        allWithin(raw.jointVelocity, MAX_JOINT_RATE, false)
            && allWithin(raw.jointEffort, MAX_EFFORT, true);
    if (rates) {
      System.arraycopy(raw.jointVelocity, 0, good.jointVelocity, 0, Joints.COUNT);
      System.arraycopy(raw.jointEffort, 0, good.jointEffort, 0, Joints.COUNT);
    }
    double v = raw.batteryVolts;
    boolean battery = Double.isNaN(v) || (v >= 0 && v <= MAX_VOLTS);
    if (battery) {
      good.batteryVolts = v;
    }
    boolean fault = count(IMU, imu) | count(JOINTS, joints) | count(RATES, rates);
    fault |= count(BATTERY, battery);
    if (fault) {
      return Verdict.FAULT;
    }
    if (imu && joints && rates && battery) {
      return Verdict.OK;
    }
    dropped++;
    return Verdict.DROPPED;
  }

  private boolean count(int group, boolean ok) {
    badTicks[group] = ok ? 0 : badTicks[group] + 1;
    return badTicks[group] >= FAULT_TICKS;
  }

  private static boolean imuOk(RobotState s) {
    double[] q = s.imuOrientation;
    double n = q[0] * q[0] + q[1] * q[1] + q[2] * q[2] + q[3] * q[3];
    double tol = QUATERNION_NORM_TOLERANCE;
    // Written so that NaN fails every comparison: a NaN norm is refused.
    if (!(n >= (1 - tol) * (1 - tol) && n <= (1 + tol) * (1 + tol))) {
      return false;
    }
    for (int i = 0; i < 4; i++) {
      if (!(Math.abs(q[i]) <= 1 + tol)) {
        return false;
      }
    }
    return allWithin(s.imuAngularVelocity, MAX_GYRO, false)
        && allWithin(s.imuLinearAcceleration, MAX_ACCEL, false);
  }

  private static boolean allWithin(double[] a, double limit, boolean nanMeansUnmeasured) {
    for (double x : a) {
      if (!(x >= -limit && x <= limit) && !(nanMeansUnmeasured && Double.isNaN(x))) {
        return false;
      }
    }
    return true;
  }

  /** The checked reading: finite apart from the documented "not measured" NaNs. */
  RobotState good() {
    return good;
  }

  /** True once a reading with usable joint positions has arrived. */
  boolean jointsSeen() {
    return jointsSeen;
  }

  /** Readings with at least one group dropped, since start. */
  long dropped() {
    return dropped;
  }
}
