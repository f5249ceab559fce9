package robodog.sim.camera;

import robodog.core.camera.CameraException;
import robodog.core.camera.CameraFrame;
import robodog.core.camera.CameraIntrinsics;
import robodog.core.camera.CameraMount;
import robodog.core.camera.CameraSource;

/**
 * The simulated head camera as a {@link CameraSource}: renders RGB and depth from the ground-truth
 * body pose the simulation publishes through a {@link BodyPoseFeed}, at {@link
 * SimCameraConfig#rateHz()} frames per simulated second. {@link #grab} waits (on the perception
 * thread, never the control loop) until the simulation has reached the next frame time, then
 * renders that instant; if the simulation runs faster than rendering, frames are skipped to the
 * latest time (latest frame wins) and the sequence number shows the gap. {@link #renderAt} renders
 * on demand for tests and data generation.
 *
 * <p>One thread calls {@link #grab}/{@link #renderAt} (the renderer keeps scratch state). Frame
 * stamps are simulated time in ns.
 */
public final class SimCamera implements CameraSource {
  private final SimCameraConfig cfg;
  private final CameraRenderer renderer;
  private final BodyPoseFeed feed;
  private final long seed;
  private final double[] body = new double[8];
  private final double[] pos = new double[3];
  private final double[] rot = new double[9];
  private final long timeoutMs;
  private double nextTime = Double.NaN;
  private long sequence;
  private volatile boolean closed;

  /**
   * @param feed ground truth from the simulation thread
   * @param seed sensor-noise seed (frame n uses seed + n)
   * @param timeoutMs how long {@link #grab} waits for the simulation before reporting it stalled
   */
  public SimCamera(
      SimCameraConfig cfg, CameraRenderer renderer, BodyPoseFeed feed, long seed, long timeoutMs) {
    this.cfg = cfg;
    this.renderer = renderer;
    this.feed = feed;
    this.seed = seed;
    this.timeoutMs = timeoutMs;
  }

  /**
   * The head camera of a simulated robot: wires a new {@link BodyPoseFeed} into {@code hw} and
   * renders {@code terrain} with {@code scene} (use the scenario's). Start-up only.
   */
  public static SimCamera attach(
      robodog.sim.SimHardware hw,
      robodog.sim.terrain.Terrain terrain,
      Scene scene,
      SimCameraConfig cfg,
      long seed) {
    BodyPoseFeed feed = new BodyPoseFeed();
    hw.setBodyPoseFeed(feed);
    return new SimCamera(
        cfg, new CameraRenderer(terrain, scene, seed, cfg.textureVariation()), feed, seed, 2000);
  }

  @Override
  public CameraIntrinsics intrinsics() {
    return cfg.intrinsics();
  }

  @Override
  public boolean hasDepth() {
    return true;
  }

  @Override
  public boolean grab(CameraFrame into) throws CameraException {
    if (closed) {
      throw new CameraException("simulated camera: closed");
    }
    try {
      double period = 1.0 / cfg.rateHz();
      if (Double.isNaN(nextTime)) {
        if (!feed.awaitTime(0, timeoutMs, body)) {
          throw new CameraException(
              "simulated camera: no pose from the simulation within "
                  + timeoutMs
                  + " ms (is the simulation running?)");
        }
        nextTime = Math.ceil(body[0] / period) * period;
      }
      if (!feed.awaitTime(nextTime, timeoutMs, body)) {
        throw new CameraException(
            "simulated camera: simulation stalled before t = "
                + nextTime
                + " s (waited "
                + timeoutMs
                + " ms)");
      }
      // Latest frame wins: jump to the last frame time the simulation has passed.
      long skipped = (long) Math.floor((body[0] - nextTime) / period + 1e-9);
      double t = nextTime + skipped * period;
      sequence += skipped;
      renderAt(t, body, into);
      nextTime = t + period;
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CameraException("simulated camera: interrupted", e);
    }
  }

  /**
   * Renders the camera view at sim time {@code timeS} with the body at pose8 = (t, x, y, z, qw, qx,
   * qy, qz) (index 0 ignored). Sets stamp, sequence and camera pose.
   */
  public void renderAt(double timeS, double[] pose8, CameraFrame into) {
    double[] b = {pose8[1], pose8[2], pose8[3], pose8[4], pose8[5], pose8[6], pose8[7]};
    cameraPose(b, cfg.mount(), pos, rot);
    renderer.render(pos, rot, timeS, cfg.lighting(), seed + sequence, cfg.supersample(), into);
    into.stampNanos = Math.round(timeS * 1e9);
    into.sequence = sequence++;
  }

  /**
   * Camera position (out3) and rotation world ← camera (out9) for a body pose (x, y, z, qw, qx, qy,
   * qz) and a mount.
   */
  public static void cameraPose(double[] body7, CameraMount mount, double[] pos3, double[] rot9) {
    double[] rb = new double[9];
    robodog.core.Rotations.quatToMatrix(body7[3], body7[4], body7[5], body7[6], rb);
    double[] rm = new double[9];
    mount.rotation(rm);
    robodog.core.Rotations.mul(rb, rm, rot9);
    for (int i = 0; i < 3; i++) {
      pos3[i] =
          body7[i] + rb[i * 3] * mount.x() + rb[i * 3 + 1] * mount.y() + rb[i * 3 + 2] * mount.z();
    }
  }

  @Override
  public void close() {
    closed = true;
  }
}
