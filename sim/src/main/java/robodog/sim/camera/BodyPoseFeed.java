package robodog.sim.camera;

/**
 * The latest ground-truth body pose, handed from the simulation thread to the camera thread: sim
 * time (s), base_link position (m) and orientation quaternion (w, x, y, z) in the world. {@link
 * #publish} is allocation-free (a monitor, uncontended almost always) so it may run in the
 * simulated hardware's write; {@link #read} copies a consistent snapshot. Any thread.
 */
public final class BodyPoseFeed {
  private final double[] pose = new double[8];
  private boolean valid;

  /** Publishes the pose at sim time {@code timeS}. */
  public synchronized void publish(
      double timeS, double x, double y, double z, double qw, double qx, double qy, double qz) {
    pose[0] = timeS;
    pose[1] = x;
    pose[2] = y;
    pose[3] = z;
    pose[4] = qw;
    pose[5] = qx;
    pose[6] = qy;
    pose[7] = qz;
    valid = true;
    notifyAll();
  }

  /** Copies (t, x, y, z, qw, qx, qy, qz) into out8; false if nothing was published yet. */
  public synchronized boolean read(double[] out8) {
    if (valid) {
      System.arraycopy(pose, 0, out8, 0, 8);
    }
    return valid;
  }

  /**
   * Waits until a pose at sim time ≥ {@code timeS} is published or {@code timeoutMs} passes, then
   * copies the latest into out8. Returns false on timeout with nothing newer.
   */
  public synchronized boolean awaitTime(double timeS, long timeoutMs, double[] out8)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeoutMs * 1_000_000L;
    while (!valid || pose[0] < timeS) {
      long left = (deadline - System.nanoTime()) / 1_000_000L;
      if (left <= 0) {
        return false;
      }
      wait(left);
    }
    System.arraycopy(pose, 0, out8, 0, 8);
    return true;
  }
}
