package robodog.core.perception;

/**
 * A small annotated camera image for the operator ({@code state/camera}): JPEG bytes in a
 * preallocated buffer. {@link #copyFrom} copies {@link #length} bytes and does not allocate.
 * Mutable; not thread-safe; one writer, hand over through a {@code Mailbox}.
 */
public final class CameraSnapshot {
  /** Largest JPEG held, bytes (a 320x240 JPEG at quality 70 is 10-25 kB). */
  public static final int CAPACITY = 256 * 1024;

  /** JPEG bytes; valid up to {@link #length}. */
  public final byte[] jpeg = new byte[CAPACITY];

  /** Bytes of {@link #jpeg} in use; 0 = no image. */
  public int length;

  /** Image size, px. */
  public int width;

  public int height;

  /** Time of the camera frame it shows, ns (the frame's own clock). */
  public long frameStampNanos;

  public void copyFrom(CameraSnapshot o) {
    System.arraycopy(o.jpeg, 0, jpeg, 0, o.length);
    length = o.length;
    width = o.width;
    height = o.height;
    frameStampNanos = o.frameStampNanos;
  }
}
