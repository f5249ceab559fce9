package robodog.autonomy;

/**
 * What a run does when the dispatching operator goes silent (no {@code cmd/mission} message for the
 * run's comms timeout). In every case the robot ends standing still and the run waits in {@code
 * paused} for an explicit resume once the operator is back: it never carries on by itself.
 */
public enum CommsLossPolicy {
  /** Stop where it is (default). */
  STOP_AND_WAIT,
  /** Finish the leg to the next waypoint, then stop. */
  CONTINUE_TO_NEXT_WAYPOINT_AND_WAIT,
  /** Walk back along the path already travelled, at most the run's radius, then stop. */
  RETURN_ALONG_BREADCRUMBS;

  /** Wire name, e.g. {@code stop_and_wait}. */
  public String wireName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  /** Parses a wire name; throws naming the accepted ones. */
  public static CommsLossPolicy parse(String s) {
    for (CommsLossPolicy p : values()) {
      if (p.wireName().equals(s)) {
        return p;
      }
    }
    throw new IllegalArgumentException(
        "comms_loss: unknown policy '"
            + s
            + "': expected stop_and_wait,"
            + " continue_to_next_waypoint_and_wait or return_along_breadcrumbs");
  }
}
