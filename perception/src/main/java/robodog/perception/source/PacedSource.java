package robodog.perception.source;

import java.util.concurrent.locks.LockSupport;
import robodog.core.camera.CameraException;
import robodog.core.camera.CameraFrame;
import robodog.core.camera.CameraIntrinsics;
import robodog.core.camera.CameraSource;

/**
 * Plays a source that has no clock of its own (an image folder, a video file read as fast as it
 * decodes) at a camera's frame rate, the way a V4L2 device delivers frames: {@link #grab} returns
 * no earlier than one period after the previous frame. A late frame does not make the next one
 * early (no catch-up burst). The perception grabber thread only.
 */
public final class PacedSource implements CameraSource {
  private final CameraSource inner;
  private final long periodNanos;
  private long next;

  /**
   * @param rateHz frames per second, in (0, 1000]
   */
  public PacedSource(CameraSource inner, double rateHz) {
    if (!(rateHz > 0 && rateHz <= 1000)) {
      throw new IllegalArgumentException("frame rate must be in (0, 1000] Hz, got " + rateHz);
    }
    this.inner = inner;
    this.periodNanos = Math.round(1e9 / rateHz);
  }

  @Override
  public CameraIntrinsics intrinsics() {
    return inner.intrinsics();
  }

  @Override
  public boolean hasDepth() {
    return inner.hasDepth();
  }

  @Override
  public boolean grab(CameraFrame into) throws CameraException {
    long now = System.nanoTime();
    while (next != 0 && now < next) {
      LockSupport.parkNanos(next - now);
      if (Thread.interrupted()) {
        Thread.currentThread().interrupt(); // the pipeline is shutting down: let it see that
        break;
      }
      now = System.nanoTime();
    }
    next = Math.max(now, next) + periodNanos;
    boolean got = inner.grab(into);
    into.stampNanos = System.nanoTime();
    return got;
  }

  @Override
  public void close() {
    inner.close();
  }
}
