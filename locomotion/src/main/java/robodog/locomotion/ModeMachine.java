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
 * <p>E-STOP is latched: a command with {@code estop} or a pressed E-stop input engages it from any
 * state, and only a release request made after the latch ({@code estopReleaseCount} grown, neither
 * estop set nor the input pressed) leaves it, to PASSIVE. FAULT (a tick threw) is latched the same
 * way; its release powers back up into SITTING from wherever the joints are. After an E-stop
 * release the robot stays PASSIVE until a mode request counted after the release ({@code
 * modeRequestCount} grown): nothing stands it up by itself.
 *
 * <p>Control thread only; allocation-free.
 */
final class ModeMachine {
  private static final double HEIGHT_TOLERANCE = 1e-4;

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

  ModeMachine(Mode initial) {
    this.mode = initial;
  }

  Mode update(
      MotionCommand c,
      RobotState state,
      double height,
      boolean allFeetDown,
      double dt,
      HexapodController controller) {
    notice = Notice.NONE;
    if (c.estop || state.estopPressed) {
      mode = Mode.ESTOP;
      stopping = false;
      powerOn = false;
      // Only a release requested after this moment counts: requests made while engaged (or
      // before) are absorbed into the baseline.
      releaseBaseline = c.estopReleaseCount;
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

  private void beginPowerOn(HexapodController controller) {
    mode = Mode.SITTING;
    powerOn = true;
    settled = false;
    controller.onPowerOn();
  }

  /** Latches FAULT (control thread, after an exception). */
  void latchFault() {
    mode = Mode.FAULT;
    releaseBaseline = UNSET;
    stopping = false;
    powerOn = false;
  }

  /** Body height the current mode aims for, m. */
  double targetHeight(MotionCommand c, RobotDescription robot, ControllerSettings s) {
    if (mode == Mode.SITTING) {
      return robot.stance().sitHeightM();
    }
    return Double.isNaN(c.bodyHeight) ? robot.stance().bodyHeightM() : c.bodyHeight;
  }

  /** The controller reports whether joints reached their targets (ends power-on). */
  void setSettled(boolean s) {
    settled = s;
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
