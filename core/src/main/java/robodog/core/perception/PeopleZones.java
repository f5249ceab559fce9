package robodog.core.perception;

/**
 * People seen in one frame, for telemetry and autonomy: up to {@link #capacity} entries of position
 * in base_link (m), distance (m), detector score and which detector found them. The speed limit
 * derived from them travels separately as {@link SafetyLimit}. Preallocated; copy with {@link
 * #copyFrom}; not thread-safe.
 */
public final class PeopleZones {
  /** Found by OpenCV's HOG people detector on the colour image. */
  public static final int SOURCE_HOG = 1;

  /** Found as an upright blob in the depth image. */
  public static final int SOURCE_DEPTH = 2;

  private final int capacity;
  public int count;
  public long stampNanos;
  public final double[] x;
  public final double[] y;
  public final double[] distance;
  public final double[] score;
  public final int[] source;

  public PeopleZones() {
    this(8);
  }

  public PeopleZones(int capacity) {
    this.capacity = capacity;
    x = new double[capacity];
    y = new double[capacity];
    distance = new double[capacity];
    score = new double[capacity];
    source = new int[capacity];
  }

  public int capacity() {
    return capacity;
  }

  /** Appends a person; false when full. */
  public boolean add(double xM, double yM, double distM, double sc, int src) {
    if (count >= capacity) {
      return false;
    }
    int i = count++;
    x[i] = xM;
    y[i] = yM;
    distance[i] = distM;
    score[i] = sc;
    source[i] = src;
    return true;
  }

  /** Nearest distance, m, or {@code +Inf} for none. */
  public double nearest() {
    double d = Double.POSITIVE_INFINITY;
    for (int i = 0; i < count; i++) {
      d = Math.min(d, distance[i]);
    }
    return d;
  }

  public void copyFrom(PeopleZones o) {
    int n = Math.min(o.count, capacity);
    System.arraycopy(o.x, 0, x, 0, n);
    System.arraycopy(o.y, 0, y, 0, n);
    System.arraycopy(o.distance, 0, distance, 0, n);
    System.arraycopy(o.score, 0, score, 0, n);
    System.arraycopy(o.source, 0, source, 0, n);
    count = n;
    stampNanos = o.stampNanos;
  }
}
