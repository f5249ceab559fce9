package robodog.core.perception;

/**
 * Fiducial markers (ArUco) seen in one camera frame, as positions in {@code base_link} (x forward,
 * y left, z up; m) at the frame's exposure time. Preallocated for up to {@link #capacity} markers;
 * entries {@code 0 .. count-1} are valid. Written by the perception thread, handed to the
 * controller and autonomy through a {@link robodog.core.Mailbox}; copy with {@link #copyFrom}.
 *
 * <p>Not thread-safe. Allocation-free after construction.
 */
public final class Landmarks {
  /** Default capacity: markers beyond this in one frame are dropped in detection order. */
  public static final int DEFAULT_CAPACITY = 16;

  private final int capacity;

  /** Number of valid entries. */
  public int count;

  /** Capture time of the frame the markers were seen in, ns (the camera source's clock). */
  public long stampNanos;

  /** Camera frame sequence number they came from. */
  public long frameSequence;

  /** Marker id in its dictionary. */
  public final int[] id;

  /** Marker centre in base_link, m. */
  public final double[] x;

  public final double[] y;
  public final double[] z;

  /** Bearing {@code atan2(y, x)} in base_link, rad, counter-clockwise positive (left). */
  public final double[] bearing;

  /** Straight-line distance from the camera to the marker centre, m. */
  public final double[] distance;

  /**
   * Marker yaw in base_link, rad: heading of the marker's outward normal, so a marker facing the
   * robot head-on has yaw ±π.
   */
  public final double[] yaw;

  /** 0..1: how much the pose is to be trusted (size in pixels, reprojection error). */
  public final double[] confidence;

  public Landmarks() {
    this(DEFAULT_CAPACITY);
  }

  public Landmarks(int capacity) {
    if (capacity <= 0) {
      throw new IllegalArgumentException("capacity must be positive, got " + capacity);
    }
    this.capacity = capacity;
    id = new int[capacity];
    x = new double[capacity];
    y = new double[capacity];
    z = new double[capacity];
    bearing = new double[capacity];
    distance = new double[capacity];
    yaw = new double[capacity];
    confidence = new double[capacity];
  }

  public int capacity() {
    return capacity;
  }

  /** Index of the entry for marker {@code markerId}, or -1. */
  public int indexOf(int markerId) {
    for (int i = 0; i < count; i++) {
      if (id[i] == markerId) {
        return i;
      }
    }
    return -1;
  }

  /**
   * Appends one marker; returns false (and stores nothing) when full. Bearing is derived from x, y.
   */
  public boolean add(
      int markerId, double xM, double yM, double zM, double yawRad, double distM, double conf) {
    if (count >= capacity) {
      return false;
    }
    int i = count++;
    id[i] = markerId;
    x[i] = xM;
    y[i] = yM;
    z[i] = zM;
    yaw[i] = yawRad;
    bearing[i] = Math.atan2(yM, xM);
    distance[i] = distM;
    confidence[i] = conf;
    return true;
  }

  public void clear() {
    count = 0;
  }

  /** Copies the valid entries of another set (of any capacity, truncating to this one's). */
  public void copyFrom(Landmarks o) {
    int n = Math.min(o.count, capacity);
    System.arraycopy(o.id, 0, id, 0, n);
    System.arraycopy(o.x, 0, x, 0, n);
    System.arraycopy(o.y, 0, y, 0, n);
    System.arraycopy(o.z, 0, z, 0, n);
    System.arraycopy(o.bearing, 0, bearing, 0, n);
    System.arraycopy(o.distance, 0, distance, 0, n);
    System.arraycopy(o.yaw, 0, yaw, 0, n);
    System.arraycopy(o.confidence, 0, confidence, 0, n);
    count = n;
    stampNanos = o.stampNanos;
    frameSequence = o.frameSequence;
  }
}
