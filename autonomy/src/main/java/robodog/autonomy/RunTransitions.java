package robodog.autonomy;

/**
 * A run's state and every change of it, in one place: pauses (automatic and by hand), resume,
 * abort, return-home, the comms-loss stops and the ends. Each change operators see is recorded as
 * an incident after the state has changed, so a receiver that acts on the run at once sees the new
 * state. Moving the robot is the caller's part: a method says whether the run changed, and the
 * caller sets the tracker to match. Mutable; the autonomy thread only.
 */
final class RunTransitions {
  private final RunIncidents log;
  private RunState state = RunState.RUNNING;
  // Where a resume goes from PAUSED or WAITING: back on the route, or on towards home.
  private RunState resumeTo = RunState.RUNNING;
  // Who paused the run by hand (cmd/mission pause); null when the run holds for an automatic
  // reason (E-stop, lease taken, comms loss, restart), which anyone the lease rules allow resumes.
  private String pausedBy;

  RunTransitions(RunIncidents log) {
    this.log = log;
  }

  RunState state() {
    return state;
  }

  /** The client who paused the run by hand while it holds, else null (an automatic hold). */
  String pausedBy() {
    return state.holding() ? pausedBy : null;
  }

  /** The state a {@link #resume} from the current hold goes to. */
  RunState resumeTarget() {
    return state == RunState.INTERRUPTED ? RunState.RUNNING : resumeTo;
  }

  /** Found in the run database after a restart: holds until resumed. */
  void interrupted() {
    state = RunState.INTERRUPTED;
  }

  /**
   * Automatic pause. A run already holding keeps its reason, so a hand pause stays one when an
   * E-stop follows it.
   *
   * @return true when the run stopped now (the caller stops the tracker)
   */
  boolean pause(String why) {
    if (state.finished() || state.holding()) {
      return false;
    }
    pausedBy = null;
    resumeTo = state == RunState.RETURNING_HOME ? RunState.RETURNING_HOME : RunState.RUNNING;
    state = RunState.PAUSED;
    log.add("paused", why);
    return true;
  }

  /**
   * A pause by hand from {@code client}, who (or the run's supervisor) alone may resume it. A run
   * already holding for an automatic reason becomes a hand pause.
   *
   * @return true when the run stopped now (the caller stops the tracker)
   */
  boolean pauseBy(String client) {
    if (state.finished()) {
      return false;
    }
    if (state.holding()) {
      if (pausedBy == null) {
        pausedBy = client;
        log.add("paused", "by " + client);
      }
      return false;
    }
    pause("by " + client);
    pausedBy = client;
    return true;
  }

  /** Continues from a hold to {@link #resumeTarget}; false (nothing changed) from any other. */
  boolean resume(String who) {
    if (!state.holding()) {
      return false;
    }
    state = resumeTarget();
    pausedBy = null;
    log.add("resumed", "by " + who);
    return true;
  }

  /** Ends the run at an operator's word; false when it had already finished. */
  boolean abort(String who) {
    if (state.finished()) {
      return false;
    }
    state = RunState.ABORTED;
    log.add("aborted", "by " + who);
    return true;
  }

  /** Heads home; the caller has set the tracker on the way back. */
  void returnHome(String who) {
    pausedBy = null;
    state = RunState.RETURNING_HOME;
    resumeTo = RunState.RETURNING_HOME;
    log.add("return_home", "by " + who);
  }

  /** Comms lost on the way home: stands still rather than improvise; resume continues home. */
  void stopWhileReturningHome() {
    state = RunState.WAITING;
    resumeTo = RunState.RETURNING_HOME;
    log.add("comms_lost", "stopped while returning home");
  }

  /** Comms lost on the route: {@code policy} is carried out next; resume continues the route. */
  void loseComms(CommsLossPolicy policy) {
    state = RunState.COMMS_LOST;
    resumeTo = RunState.RUNNING;
    log.add("comms_lost", policy.wireName());
  }

  /** The comms-loss policy says stand where it is. */
  void waitHere() {
    state = RunState.WAITING;
  }

  /** The comms-loss policy's walk is done: stands until resumed. */
  void policyDone() {
    state = RunState.WAITING;
    log.add("waiting", "comms-loss policy done");
  }

  /** The last waypoint is reached. */
  void complete() {
    state = RunState.COMPLETED;
  }

  /** Back at the route's start after return-home. */
  void arriveHome() {
    state = RunState.ENDED;
    log.add("home", "returned to the route start");
  }

  /** The route stayed blocked: the run ends, saying why. */
  void giveUp(String why) {
    state = RunState.ENDED;
    log.add("gave_up", why);
  }
}
