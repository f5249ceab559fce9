package robodog.autonomy;

/**
 * What a run does when the operator who dispatched it falls silent, by its {@link
 * Mission.CommsLoss} setting: stop and wait, walk on to the next waypoint and wait, or walk back
 * along the route up to {@code radiusM} and wait. On the way home it stops. Mutable; the autonomy
 * thread only.
 */
final class CommsLossResponse {
  private final Mission.CommsLoss config;
  // Progress along the route when comms was lost, m: where the policy's walk starts.
  private double lostAtProgress;

  CommsLossResponse(Mission.CommsLoss config) {
    this.config = config;
  }

  /** The operator was not heard this step: starts the policy if the run was moving. */
  void onSilence(RunTransitions run, RouteFollower route) {
    if (run.state() == RunState.RETURNING_HOME) {
      // Already heading to safety; stop rather than improvise, resume continues home.
      run.stopWhileReturningHome();
    }
    if (run.state() != RunState.RUNNING) {
      return;
    }
    lostAtProgress = route.mainProgress();
    run.loseComms(config.policy());
    switch (config.policy()) {
      case STOP_AND_WAIT:
        run.waitHere();
        route.stop();
        break;
      case CONTINUE_TO_NEXT_WAYPOINT_AND_WAIT:
        if (route.allReached()) {
          run.waitHere();
        } else {
          route.followToNextWaypoint();
        }
        break;
      default:
        route.followSlice(lostAtProgress, Math.max(0, lostAtProgress - config.radiusM()));
        break;
    }
  }

  /** After a step of the policy's walk: the progress along the route, and waypoints passed. */
  void track(RouteFollower route) {
    if (config.policy() == CommsLossPolicy.CONTINUE_TO_NEXT_WAYPOINT_AND_WAIT) {
      route.progressOnSlice(lostAtProgress, +1);
      route.advanceWaypoints();
    } else {
      route.progressOnSlice(lostAtProgress, -1);
    }
  }
}
