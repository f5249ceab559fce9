package robodog.autonomy;

import robodog.autonomy.store.Incident;
import robodog.autonomy.store.RunDatabase;
import robodog.core.Payload;

/**
 * The run in progress as the run database sees it: its id, when it was dispatched, and when its
 * progress was last saved. Starts, saves, stamps incidents and finishes the run's record.
 *
 * <p>Not thread-safe; owned by {@link MissionService} and called under its lock.
 */
final class RunJournal {
  /** How often progress is saved and state/mission published while a run moves, s. */
  static final double SAVE_PERIOD_S = 1.0;

  private final RunDatabase db;
  private long runId = -1;
  private double dispatchT;
  private double lastSaveT = Double.NEGATIVE_INFINITY;
  private RunState lastSavedState;

  RunJournal(RunDatabase db) {
    this.db = db;
  }

  /** The run's database id, or -1 when no run is recorded. */
  long id() {
    return runId;
  }

  /**
   * Records a dispatched run as the active one.
   *
   * @param t dispatch time on the autonomy clock, s
   * @throws IllegalStateException if another run is active
   */
  void start(
      Route route,
      String client,
      Payload payload,
      RideProfile prof,
      Mission.CommsLoss loss,
      double t) {
    dispatchT = t;
    Waypoint w0 = route.waypoints().get(0);
    runId =
        db.startRun(
            route.name(),
            client,
            System.currentTimeMillis(),
            StoredRun.payloadJson(payload),
            prof.name(),
            loss.policy().wireName(),
            loss.timeoutS(),
            loss.radiusM(),
            w0.x(),
            w0.y(),
            0);
    lastSavedState = null;
  }

  /**
   * Takes up a run found interrupted at start-up (already marked so in the database).
   *
   * @param dispatchT its dispatch time on this process's autonomy clock, s
   */
  void adoptInterrupted(long id, double dispatchT) {
    runId = id;
    this.dispatchT = dispatchT;
    lastSavedState = RunState.INTERRUPTED;
  }

  /**
   * Saves the run's progress and a path sample when its state changed or {@link #SAVE_PERIOD_S}
   * passed since the last save.
   *
   * @param t autonomy clock, s
   * @return whether it saved (state/mission is then due too)
   */
  boolean saveIfDue(Mission m, double t) {
    if (m.state() == lastSavedState && t - lastSaveT < SAVE_PERIOD_S) {
      return false;
    }
    double[] p = m.pose();
    db.saveProgress(
        runId,
        m.nextWaypoint(),
        m.state().wireName(),
        m.distanceWalkedM(),
        m.underWayS(),
        t - dispatchT,
        p[0],
        p[1],
        p[2],
        m.speedMps(),
        System.currentTimeMillis());
    lastSaveT = t;
    lastSavedState = m.state();
    return true;
  }

  /**
   * Appends an incident, restamped like the path samples: seconds since dispatch.
   *
   * @param nowS autonomy clock, s
   */
  void incident(Incident i, double nowS) {
    if (runId >= 0) {
      db.addIncident(runId, new Incident(nowS - dispatchT, i.kind(), i.detail()));
    }
  }

  /** Ends the run's record with the mission's final state as its outcome. */
  void finish(Mission m) {
    db.finishRun(
        runId,
        m.state().wireName(),
        m.distanceWalkedM(),
        m.underWayS(),
        System.currentTimeMillis());
  }

  /** Forgets the finished run. */
  void clear() {
    runId = -1;
  }
}
