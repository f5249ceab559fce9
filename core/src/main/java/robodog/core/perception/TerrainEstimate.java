package robodog.core.perception;

/**
 * What the ground ahead looks like to the terrain classifier: one probability per class for the
 * image patch just ahead of the robot (see {@code docs/perception.md} for the region). Class names
 * are set once when the model loads and shared by reference (strings are immutable), so {@link
 * #copyFrom} does not allocate. Mutable; not thread-safe; one writer, hand over through a {@code
 * Mailbox}.
 */
public final class TerrainEstimate {
  /** Most classes a model may have. */
  public static final int MAX_CLASSES = 16;

  /** Number of valid entries in {@link #probability} and {@link #classNames}. */
  public int classCount;

  /** Class names in output order; entries past {@link #classCount} are unused. */
  public final String[] classNames = new String[MAX_CLASSES];

  /** Softmax probability per class, 0..1. */
  public final float[] probability = new float[MAX_CLASSES];

  /** Index of the most probable class, or -1 before the first classification. */
  public int best = -1;

  /** Time of the camera frame the patch came from, ns (the frame's own clock). */
  public long frameStampNanos;

  /** Time of the classification, ns, on the perception clock. */
  public long stampNanos;

  /** Name of the most probable class, or {@code null} before the first classification. */
  public String bestName() {
    return best < 0 ? null : classNames[best];
  }

  /** Probability of the most probable class (NaN before the first classification). */
  public double bestProbability() {
    return best < 0 ? Double.NaN : probability[best];
  }

  public void copyFrom(TerrainEstimate o) {
    classCount = o.classCount;
    System.arraycopy(o.classNames, 0, classNames, 0, MAX_CLASSES);
    System.arraycopy(o.probability, 0, probability, 0, MAX_CLASSES);
    best = o.best;
    frameStampNanos = o.frameStampNanos;
    stampNanos = o.stampNanos;
  }
}
