package robodog.sim;

import robodog.core.Joints;
import robodog.sim.failure.LegFailure;

/**
 * Breaks a leg of the simulated robot when its time comes: a servo that freezes or goes limp, a
 * tibia that snaps (foot gone, leg about {@value #TIBIA_KEPT} of its length), a foot switch that
 * reads open. Only the world changes; what the controller notices it notices through the same
 * readings a real robot gives. Simulation thread only; allocation-free once built.
 */
final class LegBreaker {
  /**
   * Fraction of the tibia left after it snaps (a leg 45 % shorter: the foot and the lower shank
   * gone).
   */
  static final double TIBIA_KEPT = 0.55;

  private final LegFailure failure;
  private boolean done;

  /** {@code failure} may be null: nothing breaks. */
  LegBreaker(LegFailure failure) {
    this.failure = failure;
  }

  /** Breaks the leg once simulated time reaches the failure's time. Returns true on that step. */
  boolean update(double timeS, RobotModel robot, ServoBank servos, ContactGenerator contacts) {
    if (failure == null || done || timeS + 1e-9 < failure.atS()) {
      return false;
    }
    done = true;
    int leg = failure.leg().ordinal();
    switch (failure.kind()) {
      case STUCK -> servos.freeze(Joints.index(failure.leg(), failure.joint()));
      case LIMP -> servos.goLimp(Joints.index(failure.leg(), failure.joint()));
      case TIBIA_SHORT -> {
        robot.breakTibia(leg, TIBIA_KEPT);
        contacts.breakSwitch(leg); // the switch was in the foot
      }
      case SWITCH_DEAD -> contacts.breakSwitch(leg);
    }
    return true;
  }

  LegFailure failure() {
    return failure;
  }

  /** True once the leg has broken. */
  boolean broken() {
    return done;
  }
}
