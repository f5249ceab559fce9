package robodog.autonomy;

/** Where a run is. Wire names are the lower-case enum names. */
public enum RunState {
  /** Following the route. */
  RUNNING,
  /** Standing still at an operator's request, an E-stop, or a lost lease; resume continues. */
  PAUSED,
  /** Found in the database after a restart: standing still; resume continues. */
  INTERRUPTED,
  /** Comms lost: carrying out the run's comms-loss policy. */
  COMMS_LOST,
  /** Comms-loss policy carried out; standing still until an operator resumes. */
  WAITING,
  /** Walking back to the route's start (return-home). */
  RETURNING_HOME,
  COMPLETED,
  ABORTED,
  /** Gave up (e.g. reached home after return-home, or an unrecoverable problem). */
  ENDED;

  public String wireName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  /** True for states that stand still. */
  public boolean holding() {
    return this == PAUSED || this == INTERRUPTED || this == WAITING;
  }

  public boolean finished() {
    return this == COMPLETED || this == ABORTED || this == ENDED;
  }
}
