package robodog.locomotion;

import robodog.core.Mode;
import robodog.core.MotionCommand;
import robodog.core.Notice;
import robodog.core.RobotState;
import robodog.core.config.RobotDescription;

/**
 * The explicit safety state machine of the controller (see {@link Mode} for the diagram). It walks
 * the robot through the intermediate states a request implies: asking a walking robot for PASSIVE
 * first stops stepping, lands every foot, sits down, and only then cuts servo power.
 *
 * <p>E-STOP is latched: a command with {@code estop}, a pressed E-stop input or a detected fall
 * (IMU roll or pitch beyond 45° while powered) engages it from any state, and only a release
 * request made after the latch ({@code estopReleaseCount} grown, neither estop set nor the input
 * pressed) leaves it, to PASSIVE. FAULT (a tick threw) is latched the same way; its release powers
 * back up into SITTING from wherever the joints are. After an E-stop release the robot stays
 * PASSIVE until a mode request counted after the release ({@code modeRequestCount} grown): nothing
 * stands it up by itself.
 *
 * <p>Stop categories (IEC 60204-1): the button, a command with {@code estopCut}, a fall, and every
 * E-stop of a deployment configured to cut, turn servo power off at once (category 0). A software
 * E-stop of a robot that stands or walks otherwise settles first (category 1): the body lowers to
 * sitting height while swinging feet land, then power goes off; after {@code settleMaxS} it goes
 * off wherever the body is. A cut request, the button, a fall or a fault during the settle cuts at
 * once. A release during the settle is honoured once the power is off.
 *
 * <p>Control thread only; allocation-free.
 */
final class ModeMachine {
  private static final double HEIGHT_TOLERANCE = 1e-4;
  // Beyond this roll or pitch the robot has fallen over (the simulator's own fall criterion).
  private static final double FALL_TILT_RAD = Math.toRadians(45);
  // A settle ends with the belly this far above flat ground, m: lower than sitting (1 cm clear)
  // so that what the body drops when the servos let go is a few millimetres, not a centimetre.
  private static final double SETTLE_CLEARANCE_M = 0.003;
  private final boolean softwareSettles;
  private final double settleMaxS;
  private boolean settling;
  private double settleElapsed;
  private boolean fallLatched;

  private Mode mode;
  private boolean stopping;
  private static final long UNSET = Long.MIN_VALUE;
  // The sender's release count when the latch was last (re)asserted; a larger count releases.
  private long releaseBaseline = UNSET;
  private boolean powerOn;
  private boolean settled = true;
  private double powerOnSpeed;
  private Notice notice = Notice.NONE;
  // After an E-stop release: the sender's mode request count then; PASSIVE holds until it grows.
  private boolean awaitingModeRequest;
  private long modeBaseline;

  /**
   * @param softwareSettles a software E-stop settles first (category 1) when true
   * @param settleMaxS longest settle before power is cut regardless, s
   */
  ModeMachine(Mode initial, boolean softwareSettles, double settleMaxS) {
    this.mode = initial;
    this.softwareSettles = softwareSettles;
    this.settleMaxS = settleMaxS;
  }

  Mode update(
      MotionCommand c,
      RobotState state,
      double height,
      boolean allFeetDown,
      double dt,
      HexapodController controller) {
    notice = Notice.NONE;
    boolean powered =
        settling || mode == Mode.SITTING || mode == Mode.STANDING || mode == Mode.WALKING;
    boolean fell =
        powered
            && (Math.abs(state.imuRoll()) > FALL_TILT_RAD
                || Math.abs(state.imuPitch()) > FALL_TILT_RAD);
    boolean engaged = c.estop || state.estopPressed;
    if (engaged || fell) {
      latchEstop(c, state.estopPressed || fell, fell, controller);
    }
    if (settling) {
      settleElapsed += dt;
      boolean down = Math.abs(height - controller.settleHeight()) < HEIGHT_TOLERANCE && allFeetDown;
      if (down || settleElapsed >= settleMaxS) {
        settling = false; // the body is down, or the bound is reached: cut now
      }
      return mode;
    }
    if (engaged) {
      return mode;
    }
    if (releaseBaseline == UNSET) {
      releaseBaseline = c.estopReleaseCount; // first tick after a fault latched
    }
    boolean released = c.estopReleaseCount > releaseBaseline;
    Mode want = c.requestedMode;
    if (state.batteryCritical && (want == Mode.STANDING || want == Mode.WALKING)) {
      want = Mode.SITTING; // an empty pack must not drop the robot mid-step: sit while it can
      notice = Notice.BATTERY_CRITICAL;
    }
    switch (mode) {
      case ESTOP:
        if (released) {
          mode = Mode.PASSIVE;
          awaitingModeRequest = true;
          modeBaseline = c.modeRequestCount;
        }
        return mode;
      case FAULT:
        if (released) {
          beginPowerOn(controller);
        }
        return mode;
      case PASSIVE:
        if (awaitingModeRequest) {
          if (c.modeRequestCount <= modeBaseline) {
            return mode; // a request made before the E-stop does not count
          }
          awaitingModeRequest = false;
        }
        if (want == Mode.SITTING || want == Mode.STANDING || want == Mode.WALKING) {
          beginPowerOn(controller);
        }
        return mode;
      case SITTING:
        if (powerOn) {
          if (settled) {
            powerOn = false;
          }
          return mode;
        }
        if (want == Mode.STANDING || want == Mode.WALKING) {
          mode = Mode.STANDING;
        } else if (want == Mode.PASSIVE
            && Math.abs(height - controller.sitHeight()) < HEIGHT_TOLERANCE) {
          mode = Mode.PASSIVE;
        }
        return mode;
      case STANDING:
        if (want == Mode.WALKING) {
          mode = Mode.WALKING;
          stopping = false;
          controller.onStartWalking();
        } else if (want == Mode.SITTING || want == Mode.PASSIVE) {
          mode = Mode.SITTING;
        }
        return mode;
      case WALKING:
        stopping = want != Mode.WALKING;
        if (stopping && allFeetDown) {
          stopping = false;
          mode = Mode.STANDING;
        }
        return mode;
      default:
        return mode;
    }
  }

  /**
   * Engages (or re-asserts) the latch. {@code cutNow}: the button or a fall, which never settle.
   */
  private void latchEstop(
      MotionCommand c, boolean cutNow, boolean fell, HexapodController controller) {
    boolean cut = cutNow || c.estopCut || !softwareSettles;
    if (mode != Mode.ESTOP) {
      boolean canSettle =
          !powerOn && (mode == Mode.SITTING || mode == Mode.STANDING || mode == Mode.WALKING);
      settling = !cut && canSettle;
      settleElapsed = 0;
      fallLatched = false;
      if (settling) {
        controller.onSettle(settleMaxS);
      }
    } else if (cut) {
      settling = false;
    }
    fallLatched |= fell;
    mode = Mode.ESTOP;
    stopping = false;
    powerOn = false;
    // Only a release requested after this moment counts: requests made while engaged (or
    // before) are absorbed into the baseline.
    releaseBaseline = c.estopReleaseCount;
  }

  private void beginPowerOn(HexapodController controller) {
    mode = Mode.SITTING;
    powerOn = true;
    settled = false;
    controller.onPowerOn();
  }

  /**
   * Latches FAULT (control thread, after an exception). During an E-stop the latch stays E-STOP and
   * a settle in progress is cut: the stop's own end state is servos off.
   */
  void latchFault() {
    if (mode == Mode.ESTOP) {
      settling = false;
      return;
    }
    mode = Mode.FAULT;
    releaseBaseline = UNSET;
    stopping = false;
    powerOn = false;
  }

  /** Body height the current mode aims for, m. */
  double targetHeight(MotionCommand c, RobotDescription robot, ControllerSettings s) {
    if (settling) {
      return settleHeight(robot);
    }
    if (mode == Mode.SITTING) {
      return robot.stance().sitHeightM();
    }
    return Double.isNaN(c.bodyHeight) ? robot.stance().bodyHeightM() : c.bodyHeight;
  }

  /**
   * Body height a settling E-stop lowers to, m: the belly just above flat ground (below the
   * configured lowest body height, which is for driving, not for stopping).
   */
  static double settleHeight(RobotDescription robot) {
    return Math.min(robot.stance().sitHeightM(), robot.body().heightM() / 2 + SETTLE_CLEARANCE_M);
  }

  /** The controller reports whether joints reached their targets (ends power-on). */
  void setSettled(boolean s) {
    settled = s;
  }

  /** True while a category 1 E-stop lowers the body (servos still powered). */
  boolean settling() {
    return settling;
  }

  /** The notice for a latched E-STOP: settling, fallen, or latched. */
  Notice estopNotice() {
    if (settling) {
      return Notice.ESTOP_SETTLING;
    }
    return fallLatched ? Notice.FALL_DETECTED : Notice.ESTOP_LATCHED;
  }

  boolean stopping() {
    return stopping;
  }

  boolean powerOn() {
    return powerOn;
  }

  double powerOnSpeed() {
    return powerOnSpeed;
  }

  void setPowerOnSpeed(double radPerS) {
    powerOnSpeed = radPerS;
  }

  Mode mode() {
    return mode;
  }

  Notice notice() {
    return notice;
  }
}
