package robodog.core.perception;

/**
 * Which perception inputs are working, for telemetry and for consumers deciding how far to trust
 * the other messages. Each input has a state and a short reason (a preallocated {@link
 * StringBuilder}, so updating it does not allocate once it has grown). Copy with {@link #copyFrom};
 * not thread-safe.
 */
public final class PerceptionHealth {
  /** The inputs perception depends on, in a fixed order. */
  public enum Input {
    CAMERA,
    CALIBRATION,
    MARKERS,
    PEOPLE,
    DEPTH,
    TERRAIN_MODEL;

    public static final Input[] VALUES = values();
  }

  /** Per input: true when degraded (absent, failing or stale). */
  public final boolean[] degraded = new boolean[Input.VALUES.length];

  /** Per input: why it is degraded ("" when healthy). */
  public final StringBuilder[] reason = new StringBuilder[Input.VALUES.length];

  /** Frames processed since start. */
  public long framesProcessed;

  /** Camera errors since start (corrupt frames, lost device). */
  public long cameraErrors;

  /**
   * The last camera error's message, kept after the camera recovers (a corrupt frame between good
   * ones degrades the camera only until the next good frame; the operator should still see what
   * went wrong).
   */
  public final StringBuilder lastCameraError = new StringBuilder(96);

  /** Processed frames per second over the last second or so. */
  public double fps;

  /** Time of the last update, ns. */
  public long stampNanos;

  public PerceptionHealth() {
    for (int i = 0; i < reason.length; i++) {
      reason[i] = new StringBuilder(96);
    }
  }

  public boolean isDegraded(Input in) {
    return degraded[in.ordinal()];
  }

  public boolean anyDegraded() {
    for (boolean d : degraded) {
      if (d) {
        return true;
      }
    }
    return false;
  }

  /** Marks an input degraded with a reason. */
  public void degrade(Input in, CharSequence why) {
    if (in == Input.CAMERA) {
      lastCameraError.setLength(0);
      lastCameraError.append(why);
    }
    degraded[in.ordinal()] = true;
    reason[in.ordinal()].setLength(0);
    reason[in.ordinal()].append(why);
  }

  public void ok(Input in) {
    degraded[in.ordinal()] = false;
    reason[in.ordinal()].setLength(0);
  }

  public String reason(Input in) {
    return reason[in.ordinal()].toString();
  }

  public void copyFrom(PerceptionHealth o) {
    for (int i = 0; i < degraded.length; i++) {
      degraded[i] = o.degraded[i];
      reason[i].setLength(0);
      reason[i].append(o.reason[i]);
    }
    framesProcessed = o.framesProcessed;
    cameraErrors = o.cameraErrors;
    lastCameraError.setLength(0);
    lastCameraError.append(o.lastCameraError);
    fps = o.fps;
    stampNanos = o.stampNanos;
  }
}
